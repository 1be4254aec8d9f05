package dev.mainstay.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UniqueViolationExceptionTest {

    private static UniqueViolationException from(String databaseMessage) {
        return new UniqueViolationException("conflict", databaseMessage, null);
    }

    @Test
    void recognisesTheConstraintInEachVendorsMessage() {
        assertTrue(from("ERROR: duplicate key value violates unique constraint \"uq_users_email\"")
                .violates("uq_users_email"));
        assertTrue(
                from("(conn=7) Duplicate entry 'a@b' for key 'uq_users_email'").violates("UQ_USERS_EMAIL"));
        assertTrue(from("Unique index or primary key violation: \"PUBLIC.UQ_USERS_EMAIL_INDEX_4 ON PUBLIC.USERS(EMAIL"
                        + " NULLS FIRST) VALUES ( /* 1 */ 'a@b' )\"; SQL statement:")
                .violates("uq_users_email"));
    }

    @Test
    void doesNotMistakeAPrefixOrSuffixForTheName() {
        UniqueViolationException e = from("Duplicate entry 'x' for key 'uq_users_email_lower'");
        assertFalse(e.violates("uq_users_email"));
        assertFalse(e.violates("users_email"));
    }
}
