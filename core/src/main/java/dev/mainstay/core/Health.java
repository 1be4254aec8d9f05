package dev.mainstay.core;

import dev.mainstay.core.health.HealthCheck;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Liveness and readiness checks, run in parallel on a small pool of their own so that a hung check
 * costs one pool thread and a timeout, never a request thread forever.
 */
final class Health implements AutoCloseable {
    /** Bounds the threads a storm of probes with hung checks can pin. */
    private static final int MAX_THREADS = 16;

    record Check(String name, HealthCheck check, Duration timeout, boolean critical) {}

    private final List<Check> liveness = new CopyOnWriteArrayList<>();
    private final List<Check> readiness = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor executor;
    private volatile boolean stopping;

    Health() {
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "mainstay-health-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void addLiveness(String name, HealthCheck check, Duration timeout, boolean critical) {
        liveness.add(check(name, check, timeout, critical));
    }

    void addReadiness(String name, HealthCheck check, Duration timeout, boolean critical) {
        readiness.add(check(name, check, timeout, critical));
    }

    private static Check check(String name, HealthCheck check, Duration timeout, boolean critical) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Health check '" + name + "' needs a positive timeout, not " + timeout);
        }
        return new Check(name, check, timeout, critical);
    }

    /** From now on readiness answers 503, whatever the checks say. */
    void markStopping() {
        stopping = true;
    }

    void live(Context ctx) {
        answer(ctx, run(liveness), false);
    }

    void ready(Context ctx) {
        answer(ctx, run(readiness), stopping);
    }

    private static void answer(Context ctx, List<Map<String, Object>> checks, boolean stopping) {
        boolean up = !stopping
                && checks.stream().allMatch(c -> "UP".equals(c.get("status")) || c.get("critical") == Boolean.FALSE);
        if (stopping) {
            checks.add(0, result("shutdown", false, 0, "the service is shutting down"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        ctx.status(up ? 200 : 503).json(body);
    }

    List<Map<String, Object>> run(List<Check> checks) {
        List<Future<Long>> futures = new ArrayList<>(checks.size());
        long start = System.nanoTime();
        for (Check check : checks) {
            futures.add(submit(check));
        }
        List<Map<String, Object>> results = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            results.add(await(checks.get(i), futures.get(i), start));
        }
        return results;
    }

    private Future<Long> submit(Check check) {
        try {
            return executor.submit(() -> {
                long begin = System.nanoTime();
                check.check().check();
                return System.nanoTime() - begin;
            });
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static Map<String, Object> await(Check check, Future<Long> future, long start) {
        String error = null;
        long nanos = 0;
        if (future == null) {
            error = "not run: too many health checks are still running";
        } else {
            long left = check.timeout().toNanos() - (System.nanoTime() - start);
            try {
                nanos = future.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                error = "timed out after " + check.timeout().toMillis() + "ms";
            } catch (ExecutionException e) {
                error = describe(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        if (error != null) {
            nanos = System.nanoTime() - start;
        }
        Map<String, Object> result = result(check.name(), error == null, TimeUnit.NANOSECONDS.toMillis(nanos), error);
        result.put("critical", check.critical());
        return result;
    }

    private static Map<String, Object> result(String name, boolean up, long millis, String error) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        result.put("status", up ? "UP" : "DOWN");
        result.put("durationMs", millis);
        if (error != null) {
            result.put("error", error);
        }
        return result;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
