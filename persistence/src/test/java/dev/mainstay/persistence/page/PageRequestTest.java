package dev.mainstay.persistence.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mainstay.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void clampsTheLimitAndDefaultsIt() {
        assertEquals(20, PageRequest.of(null, null).limit());
        assertEquals(100, PageRequest.of(5_000, null).limit());
        assertEquals(1, PageRequest.of(0, null).limit());
        assertEquals(1, PageRequest.of(-7, null).limit());
        assertEquals(42, PageRequest.of(42, null).limit());
    }

    @Test
    void treatsABlankCursorAsTheFirstPage() {
        assertNull(PageRequest.of(10, "  ").cursor());
    }

    @Test
    void parsesQueryParameters() {
        assertEquals(new PageRequest(15, "abc"), PageRequest.parse(" 15 ", "abc"));
        assertEquals(new PageRequest(20, null), PageRequest.parse(null, null));
    }

    @Test
    void rejectsALimitThatIsNotANumberWithA400NamingIt() {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.parse("ten", null));
        assertEquals(400, e.problem().status());
        assertEquals("?limit", e.problem().errors().get(0).pointer());
    }

    @Test
    void theCanonicalConstructorRefusesWhatOfWouldClamp() {
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(101, null));
    }
}
