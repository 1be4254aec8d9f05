package dev.mainstay.core.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Layered, immutable key/value configuration; the source every typed config section reads from.
 *
 * <p>Keys are lower-case and dotted, e.g. {@code http.port}. Later layers win:
 *
 * <ol>
 *   <li>classpath {@code application.properties}, then {@code application-<profile>.properties};
 *   <li>the file named by the environment variable {@code MAINSTAY_CONFIG_FILE}, if set;
 *   <li>environment variables: {@code MAINSTAY_HTTP_PORT} for {@code http.port}, and plain
 *       {@code PORT} for {@code http.port} (as platforms such as Heroku set it);
 *   <li>system properties with the prefix {@code mainstay.}, e.g. {@code -Dmainstay.http.port=9000};
 *   <li>overrides given in code with {@link #with(Map)} (tests use these).
 * </ol>
 *
 * <p>Turn it into typed sections with {@link #bind(Function)}, which reports every problem at once.
 * Instances are immutable and thread-safe.
 */
public final class Config {
    private final Map<String, String> files;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final Map<String, String> overrides;

    private Config(
            Map<String, String> files,
            Map<String, String> environment,
            Map<String, String> systemProperties,
            Map<String, String> overrides) {
        this.files = Map.copyOf(files);
        this.environment = Map.copyOf(environment);
        this.systemProperties = Map.copyOf(systemProperties);
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * Loads the configuration of this process from all layers.
     *
     * @return the layered configuration of this process, read once; later changes to the environment are not seen
     * @throws ConfigException if {@code MAINSTAY_CONFIG_FILE} names a file that cannot be read
     */
    public static Config load() {
        return load(System.getenv(), System.getProperties());
    }

    static Config load(Map<String, String> environment, java.util.Properties properties) {
        Map<String, String> systemProperties = ConfigSources.systemProperties(properties);
        Map<String, String> files = new HashMap<>(ConfigSources.classpath("application.properties"));
        String configFile = environment.get(ConfigSources.CONFIG_FILE_ENV);
        Map<String, String> external =
                configFile == null || configFile.isBlank() ? Map.of() : ConfigSources.file(Path.of(configFile));
        Config base = new Config(files, environment, systemProperties, external);
        files.putAll(ConfigSources.classpath("application-" + base.profileName() + ".properties"));
        files.putAll(external);
        return new Config(files, environment, systemProperties, Map.of());
    }

    /**
     * Returns a configuration made only of {@code values}, as if they were in a properties file; no
     * environment variable or system property is read (tests and tools use this).
     *
     * @param values keys and their raw values
     * @return a configuration holding a copy of {@code values}
     */
    public static Config of(Map<String, String> values) {
        return new Config(values, Map.of(), Map.of(), Map.of());
    }

    /**
     * Returns a copy in which {@code values} win over every other layer.
     *
     * @param values keys and raw values to override; they add to overrides given earlier
     * @return a new configuration; this one is unchanged
     */
    public Config with(Map<String, String> values) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(values);
        return new Config(files, environment, systemProperties, merged);
    }

    /**
     * Returns the raw value of {@code key} from the highest layer that has it.
     *
     * @param key the dotted key, e.g. {@code http.port}; not {@code null}
     * @return the value with surrounding blanks removed, or empty when no layer has the key
     */
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        String value = overrides.get(key);
        if (value == null) value = systemProperties.get(key);
        if (value == null) value = environment.get(ConfigSources.envName(key));
        if (value == null && key.equals("http.port")) value = environment.get("PORT");
        if (value == null) value = files.get(key);
        return Optional.ofNullable(value).map(String::trim);
    }

    /**
     * Returns the active profile; an unknown name is reported by {@link #bind(Function)}.
     *
     * @return the profile named by the {@code profile} key, or {@link Profile#DEV} when it is missing or unknown
     */
    public Profile profile() {
        Profile profile = Profile.parse(profileName());
        return profile == null ? Profile.DEV : profile;
    }

    private String profileName() {
        return get("profile").orElse(Profile.DEV.id());
    }

    /**
     * Reads typed sections with {@code binder}, then fails with every problem found at once.
     *
     * <p>Read all sections of an application in one call, so that one start-up reports them all:
     * {@code config.bind(r -> new Settings(ServerConfig.from(r), MainstayPersistence.config(r)))}.
     *
     * @param <T> the type the binder builds, usually a record of typed sections
     * @param binder reads every section from the reader it is given; records problems rather than throwing
     * @return what {@code binder} returned, when no problem was recorded
     * @throws ConfigException listing every invalid or missing key
     */
    public <T> T bind(Function<ConfigReader, T> binder) {
        ConfigReader reader = new ConfigReader(this);
        T result = binder.apply(reader);
        reader.throwIfInvalid();
        return result;
    }
}
