package dev.mainstay.core.config;

import java.util.Locale;

/**
 * The environment a service runs in. It chooses safe defaults: {@link #DEV} is convenient,
 * {@link #PROD} refuses to start with anything insecure, {@link #TEST} is for automated tests.
 *
 * <p>Set it with the key {@code profile} (env {@code MAINSTAY_PROFILE}); the default is {@code dev}.
 */
public enum Profile {
    /** Local development: readable logs, generated throwaway keys allowed (with a loud warning). */
    DEV,
    /** Automated tests: like dev, but quiet. */
    TEST,
    /** Production: JSON logs, and no default or generated secrets. */
    PROD;

    /** Returns the profile named {@code name} (case-insensitive), or {@code null} if none is. */
    static Profile parse(String name) {
        for (Profile profile : values()) {
            if (profile.name().equalsIgnoreCase(name.trim())) {
                return profile;
            }
        }
        return null;
    }

    /**
     * Returns the lower-case name used in config files and in {@code application-<id>.properties}.
     *
     * @return {@code dev}, {@code test} or {@code prod}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
