package dev.mainstay.core.config;

import dev.mainstay.core.problem.Validation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a {@link Config} and collects every problem instead of stopping at the
 * first. Typed config sections take one in a static factory, e.g. {@code ServerConfig.from(reader)}.
 *
 * <p>A bad value is recorded as a {@link ConfigProblem} and the default is returned, so a section
 * can always be built; {@link Config#bind} then throws one {@link ConfigException} with all problems.
 * Not thread-safe: use one reader per bind, on one thread.
 */
public final class ConfigReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

    private final Config config;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigReader(Config config) {
        this.config = config;
        String profile = config.get("profile").orElse(Profile.DEV.id());
        if (Profile.parse(profile) == null) {
            problem("profile", profile, "must be one of dev, test, prod");
        }
    }

    /**
     * The profile being bound, for defaults that differ in prod (e.g. no generated keys).
     *
     * @return the active profile; {@link Profile#DEV} when the {@code profile} key is missing or invalid
     */
    public Profile profile() {
        return config.profile();
    }

    /**
     * Returns the text at {@code key}, or {@code defaultValue} when it is missing or blank.
     *
     * @param key the config key, e.g. {@code http.host}
     * @param defaultValue what to return when the key is missing or blank; may be {@code null}
     * @return the value without surrounding blanks, or {@code defaultValue}
     */
    public String string(String key, String defaultValue) {
        return optionalString(key).orElse(defaultValue);
    }

    /**
     * Returns the text at {@code key}, or empty when it is missing or blank.
     *
     * @param key the config key
     * @return the value, or empty when the key is missing or holds only blanks
     */
    public Optional<String> optionalString(String key) {
        return config.get(key).filter(value -> !value.isBlank());
    }

    /**
     * Returns the text at {@code key}; if it is missing, records a problem with {@code fix} and returns "".
     *
     * @param key the config key that must be set
     * @param fix what the operator should do, shown in the {@link ConfigException}, e.g. "set it to the JDBC URL"
     * @return the value, or {@code ""} when it was missing (the bind then fails with all problems)
     */
    public String requiredString(String key, String fix) {
        Optional<String> value = optionalString(key);
        if (value.isEmpty()) {
            problem(key, null, fix);
        }
        return value.orElse("");
    }

    /**
     * Returns a secret; its value never appears in a problem or a log line.
     *
     * @param key the config key holding the secret
     * @return the secret, or empty when the key is missing or blank
     */
    public Optional<Secret> secret(String key) {
        return optionalString(key).map(Secret::new);
    }

    /**
     * Returns a whole number in {@code [min, max]}, written with ASCII digits only (see
     * {@link Validation#parseWholeNumber}), or the default, recording a problem, if it is not.
     *
     * @param key the config key
     * @param defaultValue returned when the key is missing, or after recording a problem for a bad value
     * @param min the smallest accepted value, inclusive
     * @param max the largest accepted value, inclusive
     * @return the parsed value, or {@code defaultValue}
     */
    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        OptionalLong value = Validation.parseWholeNumber(raw.get(), min, max);
        if (value.isPresent()) {
            return (int) value.getAsLong();
        }
        problem(key, raw.get(), "must be a whole number from " + min + " to " + max);
        return defaultValue;
    }

    /**
     * Returns {@code true} or {@code false} (case-insensitive); anything else is a problem.
     *
     * @param key the config key
     * @param defaultValue returned when the key is missing, or after recording a problem for a bad value
     * @return the parsed value, or {@code defaultValue}
     */
    public boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String value = raw.get().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        problem(key, raw.get(), "must be true or false");
        return defaultValue;
    }

    /**
     * Returns a duration written as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d}
     * or ISO-8601 ({@code PT30S}), between {@code min} and {@code max} inclusive.
     *
     * @param key the config key
     * @param defaultValue returned when the key is missing, or after recording a problem for a bad value
     * @param min the shortest accepted duration, inclusive
     * @param max the longest accepted duration, inclusive
     * @return the parsed duration, or {@code defaultValue}
     */
    public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Duration value = parseDuration(raw.get());
        if (value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
            return value;
        }
        problem(
                key,
                raw.get(),
                "must be a duration from " + format(min) + " to " + format(max)
                        + ", written like 500ms, 30s, 15m, 2h or PT30S");
        return defaultValue;
    }

    /**
     * Returns a size in bytes written as {@code 1048576}, {@code 512KB}, {@code 1MB} or {@code 1GB}
     * (binary multiples, case-insensitive), between {@code min} and {@code max} inclusive.
     *
     * @param key the config key
     * @param defaultValue returned when the key is missing, or after recording a problem for a bad value
     * @param min the smallest accepted size in bytes, inclusive
     * @param max the largest accepted size in bytes, inclusive
     * @return the size in bytes, or {@code defaultValue}
     */
    public long bytes(String key, long defaultValue, long min, long max) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Matcher matcher = SIZE.matcher(raw.get().trim().toLowerCase(Locale.ROOT));
        if (matcher.matches() && matcher.group(1).length() < 16) {
            long unit = matcher.group(2) == null
                    ? 1
                    : switch (matcher.group(2)) {
                        case "kb" -> 1L << 10;
                        case "mb" -> 1L << 20;
                        case "gb" -> 1L << 30;
                        default -> 1;
                    };
            long amount = Long.parseLong(matcher.group(1));
            if (amount <= max / unit && amount * unit >= min) {
                return amount * unit;
            }
        }
        problem(
                key,
                raw.get(),
                "must be a size from " + min + " to " + max + " bytes, written like 65536, 512KB or 1MB");
        return defaultValue;
    }

    /**
     * Returns the comma-separated list at {@code key}, trimmed and without empty items.
     *
     * @param key the config key
     * @param defaultValue returned when the key is missing or blank
     * @return an unmodifiable list of the items, or {@code defaultValue}
     */
    public List<String> list(String key, List<String> defaultValue) {
        return optionalString(key)
                .map(raw -> Arrays.stream(raw.split(","))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .toList())
                .orElse(defaultValue);
    }

    /**
     * Returns the enum constant named at {@code key} (case-insensitive, {@code -} for {@code _}), or the
     * default; another name is a problem that lists the accepted ones.
     *
     * @param <E> the enum type
     * @param key the config key
     * @param type the enum class whose constants are accepted
     * @param defaultValue returned when the key is missing, or after recording a problem for a bad value
     * @return the named constant, or {@code defaultValue}
     */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw.get().replace('-', '_'))) {
                return constant;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
        problem(key, raw.get(), "must be one of " + String.join(", ", names));
        return defaultValue;
    }

    /**
     * Records a problem with a value that may be shown as given, for checks a section makes itself
     * (e.g. two keys that contradict each other).
     *
     * @param key the config key at fault
     * @param value the value as written, or {@code null} when the key is missing
     * @param fix what the operator should do about it
     */
    public void problem(String key, String value, String fix) {
        problems.add(new ConfigProblem(key, value, fix));
    }

    /**
     * Records a problem with a secret: the value is masked.
     *
     * @param key the config key at fault
     * @param fix what the operator should do about it
     */
    public void secretProblem(String key, String fix) {
        problems.add(new ConfigProblem(key, "****", fix));
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount;
            try {
                amount = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException tooLarge) {
                return null;
            }
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
