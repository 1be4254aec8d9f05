package dev.mainstay.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
    @Test
    void readsWholeNumbersWrittenWithAsciiDigitsOnly() {
        int read = Config.of(Map.of("n", "42")).bind(r -> r.integer("n", 1, 0, 100));
        assertEquals(42, read);
        for (String bad : new String[] {"+42", "\u0664\u0662", "42.0", "4_2", "99999999999"}) {
            ConfigException failure = assertThrows(
                    ConfigException.class, () -> Config.of(Map.of("n", bad)).bind(r -> r.integer("n", 1, 0, 100)));
            assertEquals(
                    List.of(new ConfigProblem("n", bad, "must be a whole number from 0 to 100")), failure.problems());
        }
    }
}
