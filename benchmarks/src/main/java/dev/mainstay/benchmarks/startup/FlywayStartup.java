package dev.mainstay.benchmarks.startup;

import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.DatabaseConfig;
import dev.mainstay.persistence.idempotency.IdempotencyStore;
import dev.mainstay.persistence.security.DatabaseRefreshTokenStore;
import dev.mainstay.persistence.security.DatabaseThrottleStore;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What the migrations cost a generated service at start-up: in a fresh JVM, opens a {@link Database}
 * the way the archetype's service does (the application's migrations, then the refresh-token, throttle
 * and idempotency modules, each with its own history table) and prints the process CPU time and wall
 * time that took. Run it twice on the same database, with {@code db.migrate} on and off: the difference
 * is what Flyway costs a restart (nothing to apply, every history validated).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.mainstay.benchmarks.startup.FlywayStartup URL MIGRATE [LOCATION]
 * }</pre>
 *
 * Prints one line: {@code migrate=true cpu_ms=812 wall_ms=640 jvm_cpu_before_ms=350}. The CPU time is the
 * whole process's (JIT and GC threads included), read before and after; on a busy machine it is steadier
 * than the wall time.
 */
public final class FlywayStartup {
    private FlywayStartup() {}

    /**
     * Runs one measurement.
     *
     * @param args the JDBC URL, {@code true} or {@code false} for {@code db.migrate}, and optionally the
     *     application's migration location ({@code classpath:db/bench-startup} by default)
     */
    public static void main(String[] args) {
        boolean migrate = Boolean.parseBoolean(args[1]);
        String location = args.length > 2 ? args[2] : "classpath:db/bench-startup";
        DatabaseConfig config = DatabaseConfig.builder()
                .url(args[0])
                .migrate(migrate)
                .migrationLocations(List.of(location))
                .build();
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        try (Database db = Database.create(config)) {
            DatabaseRefreshTokenStore.create(db);
            DatabaseThrottleStore.create(db);
            IdempotencyStore.create(db);
            long cpu = processCpuNanos() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            System.out.printf("migrate=%s cpu_ms=%d wall_ms=%d jvm_cpu_before_ms=%d%n",
                    migrate, cpu / 1_000_000, wall / 1_000_000, cpuBefore / 1_000_000);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
