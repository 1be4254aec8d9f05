package dev.mainstay.security.throttle;

import dev.mainstay.test.security.ThrottleStoreContract;

/** Runs the store contract against the in-memory store. */
class InMemoryThrottleStoreContractTest extends ThrottleStoreContract {
    @Override
    protected ThrottleStore newStore() {
        return new InMemoryThrottleStore(10_000);
    }
}
