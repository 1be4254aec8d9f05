package ${package};

import dev.mainstay.core.Mainstay;

/**
 * Starts the service: {@code mvn compile exec:java} in development, {@code java -jar} in a container.
 *
 * <p>The profile comes from {@code MAINSTAY_PROFILE} ({@code dev} when unset). On a configuration
 * problem the process prints every problem, names the keys, and exits with status 1.
 */
public final class Main {
    private Main() {}

    /**
     * Runs the service until the JVM is asked to stop (SIGTERM, Ctrl-C), then drains requests.
     *
     * @param args ignored; configure with properties files and environment variables
     */
    public static void main(String[] args) {
        Mainstay.run(App::configure);
    }
}
