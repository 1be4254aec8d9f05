package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same SQLException from each vendor becomes the same exception; real driver messages, no mocks. */
class SqlErrorsTest {
    private final SqlErrors errors = new SqlErrors(Duration.ofSeconds(3), Duration.ofSeconds(30));

    @Test
    void uniqueViolationOnPostgresqlAndH2() {
        DatabaseException e = errors.translate(
                "Statement",
                new SQLException("ERROR: duplicate key value violates unique constraint \"uq_users_email\"", "23505"));
        UniqueViolationException unique = assertInstanceOf(UniqueViolationException.class, e);
        assertTrue(unique.violates("uq_users_email"));
    }

    @Test
    void h2sIoExceptionWhenItsServerGoesAwayIsUnavailable() {
        DatabaseException e = errors.translate(
                "Health check", new SQLException("IO Exception: \"java.io.EOFException\" [90028-232]", "90028", 90028));
        assertInstanceOf(DatabaseUnavailableException.class, e);
    }

    @Test
    void dataExceptionsOfEveryVendorAreInvalidData() {
        for (SQLException e : new SQLException[] {
            new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"),
            new SQLException("ERROR: invalid input syntax for type integer: \"abc\"", "22P02"),
            new SQLException("(conn=7) Data too long for column 'name' at row 1", "22001", 1406),
            new SQLException("Value too long for column \"NAME CHARACTER VARYING(100)\"", "22001", 22001)
        }) {
            DatabaseException translated = errors.translate("Statement", e);
            assertInstanceOf(InvalidDataException.class, translated);
        }
    }

    @Test
    void uniqueViolationOnMariadbIsState23000WithCode1062() {
        DatabaseException e = errors.translate(
                "Statement",
                new SQLIntegrityConstraintViolationException(
                        "(conn=4) Duplicate entry 'a@b' for key 'uq_users_email'", "23000", 1062));
        assertTrue(assertInstanceOf(UniqueViolationException.class, e).violates("uq_users_email"));
    }

    @Test
    void otherIntegrityViolationsOnMariadbAreNotConflicts() {
        DatabaseException e = errors.translate(
                "Statement",
                new SQLIntegrityConstraintViolationException(
                        "(conn=4) Cannot add or update a child row: a foreign key constraint fails", "23000", 1452));
        assertFalse(e instanceof UniqueViolationException);
    }

    @Test
    void poolTimeoutIsUnavailableAndNamesTheSetting() {
        DatabaseException e = errors.translate(
                "Getting a connection",
                new SQLTransientConnectionException(
                        "mainstay-db - Connection is not available, request timed out after 3001ms"));
        DatabaseUnavailableException unavailable = assertInstanceOf(DatabaseUnavailableException.class, e);
        assertTrue(unavailable.getMessage().contains("db.pool.connection-timeout (3000ms)"), unavailable.getMessage());
    }

    @Test
    void connectionLossAndStatementTimeoutsAreUnavailable() {
        assertInstanceOf(
                DatabaseUnavailableException.class,
                errors.translate("Statement", new SQLException("An I/O error occurred", "08006")));
        assertInstanceOf(
                DatabaseUnavailableException.class,
                errors.translate(
                        "Statement", new SQLException("canceling statement due to statement timeout", "57014")));
        assertInstanceOf(
                DatabaseUnavailableException.class,
                errors.translate(
                        "Statement",
                        new SQLException(
                                "Query execution was interrupted (max_statement_time exceeded)", "70100", 1969)));
        assertInstanceOf(
                DatabaseUnavailableException.class,
                errors.translate("Statement", new SQLException("the database system is shutting down", "57P03")));
    }

    @Test
    void anythingElseIsTheRootTypeWithTheStateInItsMessage() {
        DatabaseException e =
                errors.translate("Statement", new SQLException("syntax error at or near \"FORM\"", "42601"));
        assertEquals(DatabaseException.class, e.getClass());
        assertTrue(e.getMessage().startsWith("Statement failed (SQLState 42601)"), e.getMessage());
    }
}
