package dev.mainstay.benchmarks.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot control of the load harness: the routes of Mainstay's {@code MainstayServer}
 * ({@code GET /json}, {@code GET /auth/json}, {@code GET /items/{id}}) in a Spring Boot 4 app with
 * the features a user turns on to match a Mainstay app, and nothing else:
 *
 * <ul>
 *   <li>Spring MVC on embedded Tomcat, with problem details ({@code application/problem+json}) on;
 *   <li>Actuator with the Prometheus registry ({@code /actuator/prometheus}) and the liveness and
 *       readiness groups ({@code /actuator/health/liveness}, {@code /actuator/health/readiness}, the
 *       latter with a database check);
 *   <li>an OAuth2 resource server that takes HS256 bearer tokens and checks signature, expiry, issuer,
 *       audience and {@code typ} ({@link SecurityConfig});
 *   <li>a row read with {@code JdbcClient} on Boot's HikariCP pool ({@link Routes}).
 * </ul>
 *
 * <p>Every setting comes from {@code application.properties}, whose values the harness passes as
 * {@code BENCH_*} environment variables. It listens on 127.0.0.1 only.
 */
@SpringBootApplication
public class SpringControl {
    /** Not instantiated by hand: Spring creates the configuration object. */
    SpringControl() {}

    /** Starts the app; SIGTERM stops it. */
    public static void main(String[] args) {
        SpringApplication.run(SpringControl.class, args);
    }
}
