package dev.mainstay.persistence;

import static dev.mainstay.persistence.sample.jooq.Tables.SAMPLE_ITEM;

import com.sun.management.ThreadMXBean;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Single-row reads per second through {@link Database#dsl()}, through a bare jOOQ context and through
 * plain JDBC, all on the same HikariCP pool, in one run, rounds interleaved so that machine noise hits
 * all alike. Besides reads per second it reports, per read, the CPU time and the bytes allocated by the
 * calling threads: the first is less disturbed by other load than reads per second, the second not at
 * all. Not a test: run it by hand (see the README) against PostgreSQL; it creates and drops its own
 * schema.
 *
 * <p>Arguments: [threads (default 1)] [seconds per round (default 5)] [rounds (default 3)].
 */
final class ReadThroughput {
    private static final String ADMIN_URL = System.getenv()
            .getOrDefault("MAINSTAY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String SCHEMA = "mst_read_throughput";
    private static final int ROWS = 1_000;
    private static final String SQL = "SELECT id, name, priority, created_at, note FROM sample_item WHERE id = ?";

    private ReadThroughput() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        admin("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        admin("CREATE SCHEMA " + SCHEMA);
        try (Database db = Database.create(DatabaseConfig.builder()
                .url(ADMIN_URL + "&currentSchema=" + SCHEMA)
                .poolMaxSize(Math.max(2, threads))
                .build())) {
            db.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            db.transaction(tx -> {
                for (long id = 1; id <= ROWS; id++) {
                    SampleItems.insert(tx, id, "item " + id, (int) (id % 5));
                }
            });
            DSLContext bare = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
            LongConsumer jdbc = id -> readWithJdbc(db, id);
            LongConsumer jooq = id -> readWithJooq(bare, id);
            LongConsumer mainstay = id -> readWithJooq(db.dsl(), id);
            for (int warmUp = 0; warmUp < 2; warmUp++) {
                measure("warm-up jdbc", jdbc, threads, seconds);
                measure("warm-up jooq", jooq, threads, seconds);
                measure("warm-up mainstay", mainstay, threads, seconds);
            }
            Cost[] totals = {new Cost(0, 0), new Cost(0, 0), new Cost(0, 0)};
            for (int round = 1; round <= rounds; round++) {
                totals[0] = totals[0].plus(measure("round " + round + " jdbc", jdbc, threads, seconds));
                totals[1] = totals[1].plus(measure("round " + round + " jooq", jooq, threads, seconds));
                totals[2] = totals[2].plus(measure("round " + round + " mainstay", mainstay, threads, seconds));
            }
            System.out.printf(
                    Locale.ROOT,
                    "threads=%d, per read in the calling thread (mean of %d rounds): JDBC %.1f us CPU, %.0f B;"
                            + " bare jOOQ %.1f us, %.0f B; Database.dsl() %.1f us, %.0f B%n",
                    threads,
                    rounds,
                    totals[0].cpuMicros() / rounds,
                    totals[0].bytes() / rounds,
                    totals[1].cpuMicros() / rounds,
                    totals[1].bytes() / rounds,
                    totals[2].cpuMicros() / rounds,
                    totals[2].bytes() / rounds);
        } finally {
            admin("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static void readWithJdbc(Database db, long id) {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next() || row.getLong(1) != id) {
                    throw new IllegalStateException("row " + id + " missing");
                }
                row.getString(2);
                row.getInt(3);
                row.getObject(4, java.time.LocalDateTime.class);
                row.getString(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readWithJooq(DSLContext dsl, long id) {
        var row = dsl.selectFrom(SAMPLE_ITEM).where(SAMPLE_ITEM.ID.eq(id)).fetchOne();
        if (row == null || row.getId() != id) {
            throw new IllegalStateException("row " + id + " missing");
        }
    }

    /** What one read cost the calling thread: CPU time and heap allocated. */
    private record Cost(double cpuMicros, double bytes) {
        Cost plus(Cost other) {
            return new Cost(cpuMicros + other.cpuMicros, bytes + other.bytes);
        }
    }

    /** Runs {@code read} on {@code threads} threads for {@code seconds}; returns what one read cost. */
    private static Cost measure(String label, LongConsumer read, int threads, int seconds) throws Exception {
        LongAdder reads = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        LongAdder allocated = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                ThreadMXBean cpu = (ThreadMXBean) ManagementFactory.getThreadMXBean();
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long allocatedStart = cpu.getCurrentThreadAllocatedBytes();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    read.accept(1 + random.nextInt(ROWS));
                    reads.increment();
                }
                cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuStart);
                allocated.add(cpu.getCurrentThreadAllocatedBytes() - allocatedStart);
            });
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double perSecond = reads.sum() / (double) seconds;
        // CPU time of the calling threads per read: what each layer costs, less disturbed by other load.
        double cpuMicros = cpuNanos.sum() / 1_000.0 / reads.sum();
        double bytes = allocated.sum() / (double) reads.sum();
        System.out.printf(
                Locale.ROOT,
                "%-16s %,10.0f reads/s %8.1f us CPU/read %,8.0f B/read%n",
                label,
                perSecond,
                cpuMicros,
                bytes);
        return new Cost(cpuMicros, bytes);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
