package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.core.config.Config;
import dev.mainstay.core.exception.MainstayException;
import dev.mainstay.core.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A second mapper for one exception type is refused at start-up, never silently replaces the first. */
class ExceptionMappingTest {
    static final class OutOfStock extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Stands for a library that maps its own exception when it is installed. */
    static void installLibrary(MainstaySetup app) {
        app.exception(OutOfStock.class, e -> Problem.of(409, "Out of stock"));
    }

    private static final Config CONFIG = Config.of(Map.of("http.port", "0", "profile", "test"));

    @Test
    void refusesASecondMapperForTheSameTypeNamingBothCallers() {
        List<String> closed = new CopyOnWriteArrayList<>();
        MainstayException failure = assertThrows(
                MainstayException.class,
                () -> Mainstay.create(CONFIG, app -> {
                    app.manage(() -> closed.add("pool"));
                    installLibrary(app);
                    app.exception(OutOfStock.class, e -> Problem.of(410, "Gone"));
                }));
        String message = failure.getMessage();
        assertTrue(message.startsWith(OutOfStock.class.getName() + " is mapped to a problem twice"), message);
        assertTrue(message.contains("ExceptionMappingTest.installLibrary(ExceptionMappingTest.java:"), message);
        assertTrue(message.contains("ExceptionMappingTest.lambda$"), message);
        assertEquals(List.of("pool"), closed, "what the setup opened is closed");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StartupFailure.explain(failure, new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Mainstay could not start: " + OutOfStock.class.getName()), text);
        assertTrue(!text.contains("\tat "), "an explained failure needs no stack trace: " + text);
    }

    @Test
    void allowsOneMapperPerTypeIncludingASubtypeAndItsParent() {
        Mainstay app = Mainstay.create(CONFIG, setup -> {
            installLibrary(setup);
            setup.exception(RuntimeException.class, e -> Problem.of(400, "Bad"));
        });
        app.stop();
    }
}
