package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mainstay.core.ServerConfig;
import dev.mainstay.core.config.Config;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in {@code k8s/} agree with the service's configuration: there is no
 * cluster here, so this is what keeps ports, probes, env names and shutdown timing from drifting.
 *
 * <p>The values come from where the service gets them: {@code application.properties} and
 * {@code application-prod.properties}, with the Deployment's env on top, read by core's own
 * {@link ServerConfig}. Config keys the properties files do not set must be documented in the
 * configuration table of {@code README.md}.
 */
class ManifestsTest {
    /** Core's health routes, served on the admin port when {@code admin.port} is set. */
    private static final String READY = "/health/ready";

    private static final String LIVE = "/health/live";
    private static final Pattern README_KEY_ROW = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\| `(MAINSTAY_[A-Z0-9_]+)`");
    private static final Pattern README_SECRET_ENTRY = Pattern.compile("--from-literal=(MAINSTAY_[A-Z0-9_]+)=");
    private static final Pattern README_REFERENCE = Pattern.compile("README\\.md, \"([^\"]+)\"");

    private static List<JsonNode> manifests;
    private static JsonNode deployment;
    private static JsonNode container;
    private static Map<String, String> knownKeysByEnvName;
    private static ServerConfig prod;

    @BeforeAll
    static void readManifestsAndConfig() throws IOException {
        manifests = readManifests(Path.of("k8s"));
        deployment = only("Deployment");
        container = deployment.at("/spec/template/spec/containers/0");
        knownKeysByEnvName = knownKeys();

        Map<String, String> values = new HashMap<>(properties("application.properties"));
        values.putAll(properties("application-prod.properties"));
        for (JsonNode env : container.path("env")) {
            String key = knownKeysByEnvName.get(env.path("name").asText());
            if (key != null && env.has("value")) {
                values.put(key, env.path("value").asText());
            }
        }
        assertEquals("prod", values.get("profile"), "the Deployment must run the prod profile");
        prod = Config.of(values).bind(ServerConfig::from);
    }

    @Test
    void everyManifestHasAKindANameAndTheServiceLabel() {
        assertTrue(manifests.size() >= 4, "expected Deployment, Service, PodDisruptionBudget, HPA: " + manifests.size());
        for (JsonNode manifest : manifests) {
            String kind = manifest.path("kind").asText();
            assertFalse(kind.isEmpty(), "a manifest without kind: " + manifest);
            assertFalse(manifest.at("/metadata/name").asText().isEmpty(), kind + " without metadata.name");
            assertEquals(appLabel(), manifest.at("/metadata/labels/app.kubernetes.io~1name").asText(), kind);
        }
    }

    @Test
    void containerPortsAreTheHttpPortAndTheAdminPort() {
        assertTrue(prod.adminPort().isPresent(), "application-prod.properties must set admin.port");
        assertEquals(prod.port(), containerPort("http"), "containerPort http vs http.port");
        assertEquals(prod.adminPort().getAsInt(), containerPort("admin"), "containerPort admin vs admin.port");
        assertEquals(2, container.path("ports").size(), "only the http and admin ports: " + container.path("ports"));
    }

    @Test
    void probesAskTheHealthRoutesOnTheAdminPort() {
        // With admin.port set, /health/* answers 404 on the main port: a probe there would never pass.
        assertProbe("readinessProbe", READY);
        assertProbe("livenessProbe", LIVE);
        assertProbe("startupProbe", LIVE);
    }

    @Test
    void prometheusScrapesMetricsOnTheAdminPort() {
        JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText(), "prometheus.io/scrape");
        assertEquals("/metrics", annotations.path("prometheus.io/path").asText(), "prometheus.io/path");
        assertEquals(
                String.valueOf(prod.adminPort().getAsInt()),
                annotations.path("prometheus.io/port").asText(),
                "prometheus.io/port vs admin.port");
    }

    @Test
    void theServiceExposesTheApiPortAndNotTheAdminPort() {
        JsonNode service = only("Service");
        assertEquals(podLabels(), service.path("spec").path("selector"), "the Service must select the pods");
        List<Integer> targets = new ArrayList<>();
        for (JsonNode port : service.at("/spec/ports")) {
            targets.add(resolvePort(port.path("targetPort")));
        }
        assertTrue(targets.contains(prod.port()), "the Service must reach http.port: " + targets);
        assertFalse(
                targets.contains(prod.adminPort().getAsInt()),
                "the Service exposes the admin port (health and metrics): " + targets);
    }

    @Test
    void everyEnvNameIsAConfigKey() throws IOException {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(env -> names.add(env.path("name").asText()));
        // The Secret is made by the README's kubectl command; its entry names become env names too.
        Matcher secretEntries = README_SECRET_ENTRY.matcher(Files.readString(Path.of("README.md")));
        while (secretEntries.find()) {
            names.add(secretEntries.group(1));
        }
        assertTrue(names.contains("MAINSTAY_SECURITY_JWT_SECRET"), "README's Secret lacks the signing key: " + names);
        for (String name : names) {
            assertTrue(
                    knownKeysByEnvName.containsKey(name),
                    name + " names no config key: set it in application*.properties or document it in README.md's"
                            + " configuration table; known: " + knownKeysByEnvName.keySet());
        }
    }

    @Test
    void preStopSleepMatchesShutdownDelayAndTheStopFitsTheGracePeriod() {
        Duration preStop = Duration.ofSeconds(preStopSeconds());
        long grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asLong(30);

        assertEquals(prod.shutdownDelay(), preStop, "preStop sleep vs shutdown.delay");
        Duration stop = preStop.plus(prod.shutdownDelay()).plus(prod.shutdownTimeout());
        assertTrue(
                stop.getSeconds() < grace,
                "preStop + shutdown.delay + shutdown.timeout = " + stop.getSeconds()
                        + " s must stay below terminationGracePeriodSeconds = " + grace);
    }

    @Test
    void theAutoscalerAndTheDisruptionBudgetLeaveAPodServing() {
        JsonNode hpa = only("HorizontalPodAutoscaler");
        JsonNode pdb = only("PodDisruptionBudget");
        String name = deployment.at("/metadata/name").asText();

        assertEquals(name, hpa.at("/spec/scaleTargetRef/name").asText());
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText(), "scales on CPU");
        assertFalse(container.at("/resources/requests/cpu").isMissingNode(), "CPU scaling needs a CPU request");
        assertFalse(deployment.at("/spec").has("replicas"), "the HPA owns the replica count");
        assertEquals(podLabels(), pdb.at("/spec/selector/matchLabels"), "the budget must select the pods");
        int minReplicas = hpa.at("/spec/minReplicas").asInt();
        assertTrue(
                pdb.at("/spec/minAvailable").asInt() < minReplicas,
                "with minAvailable >= minReplicas no node could ever be drained");
    }

    @Test
    void everyReadmeSectionTheDeploymentFilesNameExists() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<Path> files = new ArrayList<>(List.of(Path.of("Dockerfile"), Path.of("compose.yaml")));
        try (Stream<Path> manifestFiles = Files.list(Path.of("k8s"));
                Stream<Path> resources = Files.list(Path.of("src/main/resources"))) {
            files.addAll(manifestFiles.toList());
            files.addAll(resources.filter(f -> f.toString().endsWith(".properties")).toList());
        }
        for (Path file : files) {
            Matcher references = README_REFERENCE.matcher(Files.readString(file));
            while (references.find()) {
                // [#] rather than two hashes, which would start a Velocity comment in this file's template.
                Pattern heading = Pattern.compile("(?m)^[#]+ " + Pattern.quote(references.group(1)) + "$");
                assertTrue(
                        heading.matcher(readme).find(),
                        file + " names README.md's section \"" + references.group(1) + "\", which does not exist");
            }
        }
    }

    private static void assertProbe(String probe, String path) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertEquals(path, httpGet.path("path").asText(), probe + " path");
        assertEquals(prod.adminPort().getAsInt(), resolvePort(httpGet.path("port")), probe + " port");
    }

    private static long preStopSeconds() {
        JsonNode preStop = container.at("/lifecycle/preStop");
        if (preStop.has("sleep")) {
            return preStop.at("/sleep/seconds").asLong();
        }
        JsonNode command = preStop.at("/exec/command");
        assertEquals("sleep", command.path(0).asText(), "preStop must be a sleep: " + preStop);
        return Long.parseLong(command.path(1).asText());
    }

    /** A port given by number or by the name of a containerPort. */
    private static int resolvePort(JsonNode port) {
        return port.isInt() ? port.asInt() : containerPort(port.asText());
    }

    private static int containerPort(String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        return fail("no containerPort named " + name + " in " + container.path("ports"));
    }

    private static JsonNode podLabels() {
        return deployment.at("/spec/template/metadata/labels");
    }

    private static String appLabel() {
        return podLabels().path("app.kubernetes.io/name").asText();
    }

    private static JsonNode only(String kind) {
        List<JsonNode> found =
                manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "manifests of kind " + kind);
        return found.get(0);
    }

    /** Every document of every YAML file in {@code dir}; a file that does not parse fails here. */
    private static List<JsonNode> readManifests(Path dir) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    all.addAll(documents.readAll());
                }
            }
        }
        return all;
    }

    /** Keys set in the properties files or documented in README.md, by their env names. */
    private static Map<String, String> knownKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String file : List.of("application.properties", "application-prod.properties")) {
            keys.addAll(properties(file).keySet());
        }
        Matcher rows = README_KEY_ROW.matcher(Files.readString(Path.of("README.md")));
        while (rows.find()) {
            assertEquals(envName(rows.group(1)), rows.group(2), "README.md's env var for " + rows.group(1));
            keys.add(rows.group(1));
        }
        Map<String, String> byEnvName = new HashMap<>();
        keys.forEach(key -> byEnvName.put(envName(key), key));
        return byEnvName;
    }

    /** Core's rule: {@code MAINSTAY_} and the key upper-cased, with {@code .} and {@code -} as {@code _}. */
    private static String envName(String key) {
        return "MAINSTAY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> properties(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources", name))) {
            properties.load(in);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }
}
