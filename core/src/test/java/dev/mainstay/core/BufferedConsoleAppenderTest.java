package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BufferedConsoleAppenderTest {
    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    private final BufferedConsoleAppender appender = new BufferedConsoleAppender();
    private final Logger logger = context.getLogger("test");

    @BeforeEach
    void start() {
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
    }

    @AfterEach
    void restore() {
        appender.stop();
        System.setOut(originalOut);
    }

    private void append(Level level, String message) {
        appender.doAppend(new LoggingEvent("test", logger, level, message, null, null));
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesWarningsAndErrorsAtOnce() {
        append(Level.ERROR, "disk full");
        assertTrue(console().contains("ERROR disk full"), console());
    }

    @Test
    void writesInfoLinesWithinTheFlushInterval() throws InterruptedException {
        append(Level.INFO, "GET /items/{id} 200 1ms");
        for (int i = 0; i < 100 && !console().contains("GET /items"); i++) {
            Thread.sleep(10);
        }
        assertTrue(console().contains("INFO GET /items/{id} 200 1ms"), console());
    }

    @Test
    void writesEverythingLeftWhenStopped() {
        append(Level.INFO, "last words");
        appender.stop();
        assertTrue(console().contains("INFO last words"), console());
    }

    @Test
    void writesQueuedLinesBeforeAWarningThatFollowsThem() {
        append(Level.INFO, "first");
        append(Level.WARN, "second");
        assertTrue(console().contains("INFO first\nWARN second\n"), console());
    }

    @Test
    void writesTheBacklogItselfWhenTooManyLinesWait() {
        for (int i = 0; i <= BufferedConsoleAppender.MAX_QUEUED; i++) {
            append(Level.INFO, "line " + i);
        }
        appender.flush();
        String out = console();
        assertTrue(out.indexOf("INFO line 0\n") < out.indexOf("INFO line " + BufferedConsoleAppender.MAX_QUEUED + "\n"), "in order");
        // Only this appender's lines: Mainstay's own console appender may write into the same System.out.
        assertEquals(
                BufferedConsoleAppender.MAX_QUEUED + 1,
                out.lines().filter(line -> line.startsWith("INFO line ")).count(),
                "every line once");
    }

    @Test
    void writesJsonLinesStraightIntoTheBufferWholeAndInOrder() throws Exception {
        appender.stop();
        LogstashEncoder json = new LogstashEncoder(); // a StreamingEncoder: it writes into the buffer itself
        json.setContext(context);
        json.start();
        BufferedConsoleAppender streaming = new BufferedConsoleAppender();
        streaming.setContext(context);
        streaming.setEncoder(json);
        streaming.start();
        try {
            streaming.doAppend(new LoggingEvent("test", logger, Level.INFO, "queued", null, null));
            streaming.doAppend(new LoggingEvent("test", logger, Level.WARN, "urgent", null, null));
        } finally {
            streaming.stop();
        }
        List<String> messages = new ArrayList<>();
        for (String line : console().lines().filter(line -> line.contains("\"logger_name\":\"test\"")).toList()) {
            messages.add(new ObjectMapper().readTree(line).path("message").asText());
        }
        assertEquals(List.of("queued", "urgent"), messages, console());
    }
}
