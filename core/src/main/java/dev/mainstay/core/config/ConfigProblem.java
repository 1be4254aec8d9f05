package dev.mainstay.core.config;

/**
 * One thing wrong with the configuration: which key, what it held, and how to fix it.
 *
 * @param key the config key, e.g. {@code http.port}
 * @param value the offending value as given, already masked if it is a secret; {@code null} if missing
 * @param fix what to do about it, as a sentence
 */
public record ConfigProblem(String key, String value, String fix) {

    /**
     * Returns one line that names the key, its environment variable, the value and the fix.
     *
     * @return e.g. {@code http.port (env MAINSTAY_HTTP_PORT) = 'x': must be a whole number from 0 to 65535}
     */
    public String describe() {
        String shown = value == null ? "(not set)" : "'" + value + "'";
        return key + " (env " + ConfigSources.envName(key) + ") = " + shown + ": " + fix;
    }
}
