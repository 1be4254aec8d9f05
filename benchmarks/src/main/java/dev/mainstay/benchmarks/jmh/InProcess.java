package dev.mainstay.benchmarks.jmh;

import dev.mainstay.core.Mainstay;
import dev.mainstay.core.config.Config;
import java.util.Map;

/** A Mainstay app built but not started, for benchmarks that need its public parts (its JSON mapper). */
final class InProcess {
    private InProcess() {}

    static Mainstay app() {
        Config config = Config.of(Map.of("profile", "test", "http.host", "127.0.0.1", "http.port", "0", "log.level", "warn"));
        return Mainstay.create(config, app -> {});
    }
}
