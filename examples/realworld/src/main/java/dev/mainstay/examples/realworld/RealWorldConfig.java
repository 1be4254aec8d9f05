package dev.mainstay.examples.realworld;

import dev.mainstay.core.config.ConfigReader;

/**
 * The example's own config section, {@code realworld.*}.
 *
 * @param seedArticles how many demo articles to make sure exist at start-up, for load tests
 *     ({@code realworld.seed.articles}, default 0: none)
 */
public record RealWorldConfig(int seedArticles) {
    /** The most articles the seeder will write. */
    public static final int MAX_SEED = 1_000_000;

    /** Reads the section; never throws, records every bad value on {@code r}. */
    public static RealWorldConfig from(ConfigReader r) {
        return new RealWorldConfig(r.integer("realworld.seed.articles", 0, 0, MAX_SEED));
    }
}
