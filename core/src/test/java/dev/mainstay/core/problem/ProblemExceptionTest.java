package dev.mainstay.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemExceptionTest {
    @Test
    void clientErrorsAreControlFlowWithoutAStackTrace() {
        Problem problem = Problem.of(422, "Validation failed").withDetail("1 field is invalid.");

        ProblemException thrown = problem.toException();

        assertEquals(0, thrown.getStackTrace().length);
        assertSame(problem, thrown.problem());
        assertEquals("422 Validation failed: 1 field is invalid.", thrown.getMessage());
        thrown.addSuppressed(new IllegalStateException("ignored"));
        assertEquals(0, thrown.getSuppressed().length);
    }

    @Test
    void serverErrorsKeepTheirStackTraceForTheLogs() {
        ProblemException thrown = Problem.of(503, "Service Unavailable").toException();

        assertTrue(thrown.getStackTrace().length > 0);
        assertEquals(
                ProblemExceptionTest.class.getName(), thrown.getStackTrace()[1].getClassName(),
                "the trace starts where the problem was thrown (after Problem.toException)");
        assertEquals("503 Service Unavailable", thrown.getMessage());
    }
}
