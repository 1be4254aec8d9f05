package dev.mainstay.examples.realworld;

import java.util.Map;

/** Config overrides shared by the tests. */
final class TestConfig {
    /** bcrypt at its lowest allowed cost: the tests register many users. */
    static final Map<String, String> FAST_HASHING = Map.of("security.password.cost", "10");

    private TestConfig() {}
}
