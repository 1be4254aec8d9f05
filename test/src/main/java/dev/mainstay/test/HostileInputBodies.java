package dev.mainstay.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mainstay.test.HostileInput.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/** The body mutations of {@link HostileInput}: each turns a valid JSON object into one hostile body. */
final class HostileInputBodies {
    /** One mutated body and a short account of what was changed. */
    record Mutation(String detail, byte[] bytes) {
        static Mutation of(String detail, String json) {
            return new Mutation(detail, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A place in the document that holds a value: a field of an object or an element of an array. */
    private record Slot(String path, JsonNode parent, String field, int index) {
        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private record Breakage(String detail, UnaryOperator<String> apply) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NEST_MARKER = "mainstay-hostile-nest-marker";
    private static final List<Breakage> BREAKAGES = List.of(
            new Breakage("a trailing comma", json -> json.substring(0, json.length() - 1) + ",}"),
            new Breakage("a single-quoted field", json -> "{'hostile':1," + json.substring(1)),
            new Breakage("an unquoted field name", json -> "{hostile:1," + json.substring(1)),
            new Breakage("a comment", json -> "{/* hostile */" + json.substring(1)),
            new Breakage("a NaN literal", json -> "{\"hostile\":NaN," + json.substring(1)),
            new Breakage("an unterminated string", json -> json.substring(0, json.length() - 1) + ",\"open}"),
            new Breakage("a second closing brace", json -> json + "}"),
            new Breakage("trailing text", json -> json + " hostile"),
            new Breakage("an empty body", json -> ""));
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
    };
    private static final String[] EXTRA_NAMES = {"isAdmin", "id", "__proto__", "role", "createdAt", "hostile"};
    private static final int[] DEPTHS = {1_001, 10_000};

    private final Random random;

    HostileInputBodies(Random random) {
        this.random = random;
    }

    Mutation mutate(String validJsonObject, Kind kind) {
        ObjectNode document = parse(validJsonObject);
        return switch (kind) {
            case MALFORMED_JSON -> malformed(document.toString());
            case WRONG_TYPE -> wrongType(document);
            case MISSING_FIELD -> missingField(document);
            case EXTRA_FIELD -> extraField(document);
            case DEEP_NESTING -> nest(document, DEPTHS[random.nextInt(DEPTHS.length)]);
            case INVALID_UTF8 -> invalidUtf8(document.toString());
            default -> throw new IllegalArgumentException(kind + " is not a body kind");
        };
    }

    Mutation nest(String validJsonObject, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        return nest(parse(validJsonObject), depth);
    }

    private Mutation malformed(String json) {
        if (random.nextInt(BREAKAGES.size() + 1) == 0) {
            int length = 1 + random.nextInt(json.length() - 1);
            return Mutation.of("truncated to " + length + " of " + json.length() + " chars", json.substring(0, length));
        }
        Breakage breakage = BREAKAGES.get(random.nextInt(BREAKAGES.size()));
        return Mutation.of(breakage.detail(), breakage.apply().apply(json));
    }

    private Mutation wrongType(ObjectNode document) {
        List<Slot> slots = slots(document);
        int choice = random.nextInt(slots.size() + 1);
        List<JsonNode> others = new ArrayList<>(List.of(NODES.textNode("text"), NODES.numberNode(12345),
                NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode()));
        if (choice == slots.size()) {
            others.removeIf(JsonNode::isObject);
            JsonNode replacement = others.get(random.nextInt(others.size()));
            return Mutation.of("$ is now " + replacement, replacement.toString());
        }
        Slot slot = slots.get(choice);
        others.removeIf(other -> other.getNodeType() == slot.value().getNodeType());
        JsonNode replacement = others.get(random.nextInt(others.size()));
        slot.set(replacement);
        return Mutation.of(slot.path() + " is now " + replacement, document.toString());
    }

    private Mutation missingField(ObjectNode document) {
        List<Slot> fields = slots(document).stream().filter(slot -> slot.field() != null).toList();
        Slot slot = fields.get(random.nextInt(fields.size()));
        ((ObjectNode) slot.parent()).remove(slot.field());
        return Mutation.of("without " + slot.path(), document.toString());
    }

    private Mutation extraField(ObjectNode document) {
        List<ObjectNode> objects = new ArrayList<>(List.of(document));
        slots(document).stream().map(Slot::value).filter(JsonNode::isObject).forEach(o -> objects.add((ObjectNode) o));
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        String name = EXTRA_NAMES[random.nextInt(EXTRA_NAMES.length)];
        while (target.has(name)) {
            name = name + "_";
        }
        JsonNode value = random.nextBoolean() ? NODES.booleanNode(true) : NODES.textNode("hostile");
        target.set(name, value);
        return Mutation.of("with extra field \"" + name + "\": " + value, document.toString());
    }

    private Mutation nest(ObjectNode document, int depth) {
        List<Slot> slots = slots(document);
        Slot slot = slots.get(random.nextInt(slots.size()));
        slot.set(NODES.textNode(NEST_MARKER));
        boolean arrays = random.nextBoolean();
        String nested = arrays
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String detail = slot.path() + " is now " + depth + "-deep " + (arrays ? "arrays" : "objects");
        return Mutation.of(detail, document.toString().replace('"' + NEST_MARKER + '"', nested));
    }

    private Mutation invalidUtf8(String json) {
        byte[] valid = json.getBytes(StandardCharsets.UTF_8);
        byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
        int at = firstStringContent(json);
        int offset = json.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, offset);
        out.writeBytes(bad);
        out.write(valid, offset, valid.length - offset);
        String detail = "bytes " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bad) + " at byte " + offset;
        return new Mutation(detail, out.toByteArray());
    }

    /** Returns the index just inside the first string value, or inside the first field name if none. */
    private static int firstStringContent(String json) {
        boolean inString = false;
        for (int i = 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                if (!inString && json.charAt(i - 1) == ':') {
                    return i + 1;
                }
                inString = !inString;
            }
        }
        return 2;
    }

    /** Returns every value below {@code root}, depth first, each with its JSONPath-like path. */
    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect("$", root, slots);
        return slots;
    }

    private static void collect(String path, JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (String field : fieldNames(node)) {
                Slot slot = new Slot(path + "." + field, node, field, -1);
                slots.add(slot);
                collect(slot.path(), slot.value(), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Slot slot = new Slot(path + "[" + i + "]", node, null, i);
                slots.add(slot);
                collect(slot.path(), slot.value(), slots);
            }
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectNode parse(String validJsonObject) {
        JsonNode node;
        try {
            node = MAPPER.readTree(validJsonObject);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException("Expected a JSON object with at least one field: " + validJsonObject);
        }
        return (ObjectNode) node;
    }
}
