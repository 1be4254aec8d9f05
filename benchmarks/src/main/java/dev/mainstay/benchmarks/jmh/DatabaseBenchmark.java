package dev.mainstay.benchmarks.jmh;

import dev.mainstay.benchmarks.Items;
import dev.mainstay.core.config.Config;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.web.MainstayPersistence;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One row by primary key from PostgreSQL through Mainstay's {@link Database} (jOOQ, error translation
 * and the {@code db.query} timer bound to a registry, as in an app) versus raw JDBC on the very same
 * HikariCP pool ({@code db.dataSource()}). Same SQL, same row mapping, same random ids.
 *
 * <p>The database is {@code MAINSTAY_BENCH_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); the benchmark creates and fills its
 * own table. Run with {@code -t 4} to see the pool shared by several threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DatabaseBenchmark {
    private Database db;

    /** The ids one benchmark thread reads, from its own generator. */
    @State(Scope.Thread)
    public static class Ids {
        private final SplittableRandom random = new SplittableRandom(42);

        long next() {
            return 1 + random.nextInt(Items.COUNT);
        }
    }

    /** Opens the Database (pool of 4, no migrations) and makes sure the table is filled. */
    @Setup
    public void setUp() throws SQLException {
        Config config = Config.of(Map.of(
                "profile", "test",
                "db.url", postgresUrl(),
                "db.migrate", "false",
                "db.pool.max-size", "4"));
        db = Database.create(config.bind(MainstayPersistence::config));
        db.bindTo(new SimpleMeterRegistry());
        Items.prepare(db.dataSource());
    }

    /** Closes the pool. */
    @TearDown
    public void tearDown() {
        db.close();
    }

    /** A row through {@code db.dsl()}: what an application on Mainstay writes. */
    @Benchmark
    public Items.Item database(Ids ids) {
        return Items.readJooq(db.dsl(), ids.next());
    }

    /** The same row through {@code db.dsl()} with the SQL written out: jOOQ without the query tree. */
    @Benchmark
    public Items.Item databasePlainSql(Ids ids) {
        return Items.readJooqPlainSql(db.dsl(), ids.next());
    }

    /** The control: the same row with plain JDBC on the same pool. */
    @Benchmark
    public Items.Item rawJdbc(Ids ids) {
        return Items.readJdbc(db.dataSource(), ids.next());
    }

    static String postgresUrl() {
        String url = System.getenv("MAINSTAY_BENCH_PG_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }
}
