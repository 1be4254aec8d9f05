package dev.mainstay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mainstay.test.MainstayTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirtualThreadsTest {
    private static void routes(MainstaySetup app) {
        // Thread.isVirtual() is a JDK 21 API; its toString() names the kind on every JDK.
        app.javalin(cfg -> cfg.routes.get(
                "/thread", ctx -> ctx.result(Thread.currentThread().toString())));
    }

    private static boolean virtual(String threadDescription) {
        return threadDescription.startsWith("VirtualThread");
    }

    @Test
    void handlesRequestsOnVirtualThreadsFromJdk21AndPlatformThreadsBefore() {
        MainstayTest.run(VirtualThreadsTest::routes, (app, client) -> {
            String thread = client.get("/thread").body();
            assertEquals(Runtime.version().feature() >= 21, virtual(thread), thread);
        });
    }

    @Test
    void usesPlatformThreadsWhenVirtualThreadsAreTurnedOff() {
        MainstayTest.run(Map.of("http.virtual-threads", "false"), VirtualThreadsTest::routes, (app, client) -> {
            String thread = client.get("/thread").body();
            assertEquals(false, virtual(thread), thread);
        });
    }
}
