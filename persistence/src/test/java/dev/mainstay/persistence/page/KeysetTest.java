package dev.mainstay.persistence.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** A cursor stores sort keys as text; each key type must come back as the same value. */
class KeysetTest {

    @Test
    void sortKeyTypesSurviveTheirTextForm() {
        assertSurvives(SQLDataType.BIGINT, 9_007_199_254_740_993L);
        assertSurvives(SQLDataType.INTEGER, -5);
        assertSurvives(SQLDataType.VARCHAR, "Zoë, with a comma");
        assertSurvives(SQLDataType.NUMERIC, new BigDecimal("12.3400"));
        assertSurvives(SQLDataType.LOCALDATE, LocalDate.of(2026, 2, 28));
        assertSurvives(SQLDataType.LOCALDATETIME, LocalDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_000));
        assertSurvives(SQLDataType.LOCALDATETIME, LocalDateTime.of(2026, 1, 1, 10, 0));
        assertSurvives(SQLDataType.OFFSETDATETIME, OffsetDateTime.parse("2026-01-01T10:00:00.5+02:00"));
        assertSurvives(SQLDataType.UUID, UUID.fromString("0b9f6f9e-6c5e-4a8a-9d6e-2f0c1d9b8a7e"));
    }

    @Test
    void needsAtLeastOneKey() {
        assertThrows(IllegalArgumentException.class, Keyset::of);
    }

    private static <T> void assertSurvives(DataType<T> type, T value) {
        assertEquals(value, type.convert(value.toString()));
    }
}
