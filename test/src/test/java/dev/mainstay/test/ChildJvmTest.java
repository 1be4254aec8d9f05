package dev.mainstay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
    /** The child: prints its setting on stdout, a complaint on stderr, and exits with 3. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println("port=" + System.getProperty("mainstay.http.port"));
            System.out.println("greeting=" + System.getProperty("mainstay.greeting"));
            System.err.println("missing key: db.url");
            System.exit(3);
        }
    }

    @Test
    void runsTheMainClassOnTheTestClassPathAndCapturesItsExit(@TempDir Path dir) {
        ChildJvm.Exit exit = ChildJvm.run(Child.class, Map.of("greeting", "hello"), dir);

        assertEquals(3, exit.status(), exit.describe());
        assertTrue(exit.stdout().contains("greeting=hello"), exit.describe());
        assertTrue(exit.stdout().contains("port=0"), exit.describe());
        assertTrue(exit.stderr().contains("missing key: db.url"), exit.describe());
        assertFalse(exit.hasStackTrace(), exit.describe());
    }

    @Test
    void recognisesAStackTrace() {
        assertTrue(new ChildJvm.Exit(1, "java.lang.IllegalStateException: x\n\tat a.b.C.m(C.java:12)", "")
                .hasStackTrace());
        assertFalse(new ChildJvm.Exit(1, "Config problem: db.url is missing; set MAINSTAY_DB_URL", "").hasStackTrace());
    }
}
