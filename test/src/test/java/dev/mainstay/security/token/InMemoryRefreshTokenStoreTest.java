package dev.mainstay.security.token;

import dev.mainstay.test.security.RefreshTokenStoreContract;

/** Runs the store contract against the in-memory store. */
class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {
    @Override
    protected RefreshTokenStore newStore() {
        return new InMemoryRefreshTokenStore();
    }
}
