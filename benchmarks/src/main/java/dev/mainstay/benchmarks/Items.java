package dev.mainstay.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The one table every database benchmark reads, and the two ways to read a row of it: raw JDBC (the
 * control) and jOOQ through Mainstay's {@code Database}. Both map the row to the same record and run
 * the same SQL, so the difference between them is what jOOQ and Mainstay's listeners cost.
 *
 * <p>The table has its own name so that it never meets another module's tests in the shared
 * {@code test} database. Thread-safe: holds no state.
 */
public final class Items {
    /** How many rows {@link #prepare} makes sure exist, ids 1..COUNT. */
    public static final int COUNT = 10_000;

    /** A row, as both read paths return it and as the servers write it as JSON. */
    public record Item(long id, String name, String description, int quantity) {}

    static final String TABLE_NAME = "mainstay_bench_item";
    private static final String SELECT_SQL =
            "select id, name, description, quantity from " + TABLE_NAME + " where id = ?";

    private static final Table<?> ITEM = DSL.table(DSL.name(TABLE_NAME));
    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<String> DESCRIPTION = DSL.field(DSL.name("description"), SQLDataType.VARCHAR);
    private static final Field<Integer> QUANTITY = DSL.field(DSL.name("quantity"), SQLDataType.INTEGER);

    private Items() {}

    /**
     * Creates the table if needed and fills it with exactly {@link #COUNT} rows; cheap when it is
     * already there.
     *
     * @throws SQLException if the database refuses
     */
    public static void prepare(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists " + TABLE_NAME
                    + " (id bigint primary key, name varchar(100) not null, description varchar(400) not null,"
                    + " quantity integer not null)");
            try (ResultSet rs = s.executeQuery("select count(*) from " + TABLE_NAME)) {
                rs.next();
                if (rs.getInt(1) == COUNT) {
                    return;
                }
            }
            s.execute("truncate " + TABLE_NAME);
            s.execute("insert into " + TABLE_NAME + " select g, 'item ' || g,"
                    + " 'A benchmark row with a description of ordinary length, number ' || g, g % 100"
                    + " from generate_series(1, " + COUNT + ") g");
            s.execute("analyze " + TABLE_NAME);
        }
    }

    /** Reads one row with plain JDBC: borrow, prepare, bind, execute, map, return. */
    public static Item readJdbc(DataSource dataSource, long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT_SQL)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading item " + id + " failed", e);
        }
    }

    /**
     * Reads one row through jOOQ with the SQL written out (a plain-SQL {@code resultQuery}): jOOQ binds,
     * executes, maps and translates errors, but does not build and render a query tree.
     */
    public static Item readJooqPlainSql(DSLContext dsl, long id) {
        return dsl.resultQuery(SELECT_SQL.replace("?", "{0}"), DSL.val(id))
                .fetchOne(r -> new Item(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, Integer.class)));
    }

    /** Reads one row with jOOQ, as an application on Mainstay would ({@code db.dsl()}). */
    public static Item readJooq(DSLContext dsl, long id) {
        return dsl.select(ID, NAME, DESCRIPTION, QUANTITY)
                .from(ITEM)
                .where(ID.eq(id))
                .fetchOne(Records.mapping(Item::new));
    }
}
