package dev.mainstay.examples.realworld.common;

import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.function.Function;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.AbstractBinding;

/**
 * Reads and writes {@code TIMESTAMP} columns as {@link LocalDateTime} straight through JDBC 4.2
 * ({@code getObject(i, LocalDateTime.class)}, {@code setObject}), which PostgreSQL's, H2's and MariaDB's
 * drivers support. jOOQ's default goes through {@link java.sql.Timestamp} and the JVM's time zone and
 * converts, which was 9% of a list request's CPU time (40 timestamps a page; JFR, BENCHMARKS.md). The
 * wall-clock value is the same either way: the columns hold UTC without a zone. The jOOQ code generation
 * puts it on every {@code TIMESTAMP} column ({@code <forcedType>} in the pom). Thread-safe.
 */
public final class LocalDateTimeBinding extends AbstractBinding<LocalDateTime, LocalDateTime> {
    private static final long serialVersionUID = 1L;
    private static final Converter<LocalDateTime, LocalDateTime> SAME = Converter.ofNullable(
            LocalDateTime.class, LocalDateTime.class, Function.identity(), Function.identity());

    /** Creates the binding; jOOQ's generated code does, once per column. */
    public LocalDateTimeBinding() {}

    /** {@inheritDoc} The identity: the column's type is already the Java type. */
    @Override
    public Converter<LocalDateTime, LocalDateTime> converter() {
        return SAME;
    }

    /** {@inheritDoc} With {@code setObject}, or {@code setNull} as a {@code TIMESTAMP}. */
    @Override
    public void set(BindingSetStatementContext<LocalDateTime> ctx) throws SQLException {
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.TIMESTAMP);
        } else {
            ctx.statement().setObject(ctx.index(), ctx.value());
        }
    }

    /** {@inheritDoc} With {@code getObject(i, LocalDateTime.class)}. */
    @Override
    public void get(BindingGetResultSetContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class));
    }
}
