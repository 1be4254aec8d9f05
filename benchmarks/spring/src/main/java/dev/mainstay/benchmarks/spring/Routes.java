package dev.mainstay.benchmarks.spring;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The handlers, written as a Spring user writes them, returning the same JSON as the Mainstay and
 * bare-Javalin servers of the harness ({@code dev.mainstay.benchmarks.load.Routes}).
 */
@RestController
class Routes {
    /** The body of {@code GET /json}: the TechEmpower "JSON serialization" message. */
    record Message(String message) {}

    /** A row of the harness's table, written as {@code {"id":..,"name":..,"description":..,"quantity":..}}. */
    record Item(long id, String name, String description, int quantity) {}

    private static final Message HELLO = new Message("Hello, World!");
    // The same SQL as the other two servers (dev.mainstay.benchmarks.Items).
    private static final String SELECT_ITEM =
            "select id, name, description, quantity from mainstay_bench_item where id = ?";

    private final JdbcClient jdbc;

    Routes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/json")
    Message json() {
        return HELLO;
    }

    /** The same as {@code /json}, behind the resource server ({@link SecurityConfig}). */
    @GetMapping("/auth/json")
    Message authJson() {
        return HELLO;
    }

    /** One row by primary key, or a 404 problem. */
    @GetMapping("/items/{id}")
    Item item(@PathVariable long id) {
        return jdbc.sql(SELECT_ITEM)
                .param(id)
                .query((rs, row) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No item with this id"));
    }
}
