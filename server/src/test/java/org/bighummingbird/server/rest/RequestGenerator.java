package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bighummingbird.server.Http;

/**
 * Makes requests from the OpenAPI document: for a random operation, path and query parameters and a
 * body generated from their schemas, either valid (the document allows it, and the few couplings no
 * schema can state are honoured: a judge's spec matches its kind, an evaluation row is its dataset
 * row's) or with one mutation that the document forbids. Values name the seeded {@link World}
 * often, so that valid requests reach real objects. Not thread-safe.
 */
final class RequestGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NAME_CHARS = "abcxyzABC019 _.-éß模";
    private static final String TEXT_CHARS = "abc XYZ 0129 _-.:/\\\"'{}[]<>&%é模\t\n\u00e9\u2028";
    private static final String[] EMOJI = {"🐦", "😀"};

    /** What the requests may name: the seeded project and its versions. */
    record World(String project, String modelName, String versionKey, List<String> datasetInputs, String datasetTag,
            String judgeTag, String modelTag, String evaluationId) {}

    /** One generated request; {@code valid} says whether the document allows it. */
    record Request(String method, String pathTemplate, String path, String body, boolean valid, JsonNode operation,
            String mutation) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + (body == null ? "" : " " + (body.length() > 300
                    ? body.substring(0, 300) + "…" : body)) + (valid ? " (valid)" : " (invalid: " + mutation + ")");
        }
    }

    private final JsonNode document;
    private final JsonSchemaCheck schemas;
    private final World world;
    private final Random random;
    private final List<String[]> operations = new ArrayList<>();

    RequestGenerator(JsonNode document, World world, long seed) {
        this.document = document;
        this.schemas = new JsonSchemaCheck(document);
        this.world = world;
        this.random = new Random(seed);
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            document.get("paths").get(path).fieldNames().forEachRemaining(m -> operations.add(new String[] {path, m}));
        }
    }

    /** The operations of the document as {path, method}. */
    List<String[]> operations() {
        return operations;
    }

    Request next() {
        String[] pick = operations.get(random.nextInt(operations.size()));
        JsonNode operation = document.get("paths").get(pick[0]).get(pick[1]);
        boolean valid = random.nextInt(100) < 55;
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        String mutation = null;
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            JsonNode schema = schemas.resolve(p.get("schema"));
            String name = p.get("name").asText();
            if (p.get("in").asText().equals("path")) {
                pathValues.put(name, pathValue(name, schema));
            } else if (name.equals("cursor")) {
                continue; // opaque: only a page's nextCursor is valid, and the generator has none
            } else if (p.path("required").asBoolean() || random.nextInt(100) < 30) {
                query.add(name + "=" + Http.segment(text(generate(schema, name))));
            }
        }
        ordered(query);
        JsonNode body = null;
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").get("schema");
        if (bodySchema != null) {
            body = generate(bodySchema, "");
        }
        if (!valid) {
            mutation = mutate(pathValues, query, body, parameters, bodySchema);
            if (mutation == null) {
                valid = true;
            }
        }
        String path = pick[0];
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (!query.isEmpty()) {
            path += "?" + String.join("&", query);
        }
        String text = bodySchema == null ? null : mutation != null && mutation.equals("not JSON") ? "{\"a\":" : body.toString();
        return new Request(pick[1], pick[0], path, text, valid, operation, mutation);
    }

    /** {@code from} not after {@code to}, a rule between two parameters that no schema states. */
    private static void ordered(List<String> query) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < query.size(); i++) {
            from = query.get(i).startsWith("from=") ? i : from;
            to = query.get(i).startsWith("to=") ? i : to;
        }
        if (from >= 0 && to >= 0) {
            String a = query.get(from).substring(5);
            String b = query.get(to).substring(3);
            if (java.net.URLDecoder.decode(a, java.nio.charset.StandardCharsets.UTF_8)
                    .compareTo(java.net.URLDecoder.decode(b, java.nio.charset.StandardCharsets.UTF_8)) > 0) {
                query.set(from, "from=" + b);
                query.set(to, "to=" + a);
            }
        }
    }

    private String pathValue(String name, JsonNode schema) {
        String value = switch (name) {
            case "project" -> random.nextInt(100) < 85 ? world.project() : text(generate(schema, name));
            case "id" -> random.nextInt(100) < 70 ? world.evaluationId() : text(generate(schema, name));
            case "tag" -> random.nextInt(100) < 60 ? pickOf(world.modelTag(), world.datasetTag(), world.judgeTag(),
                    "bot:latest", "ds:latest") : text(generate(schema, name));
            default -> text(generate(schema, name));
        };
        return segment(value);
    }

    private static String segment(String value) {
        return value.equals(".") || value.equals("..") ? value.replace(".", "%2E") : Http.segment(value);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    // ---- valid values -----------------------------------------------------------------------

    JsonNode generate(JsonNode schemaOrRef, String name) {
        String ref = schemaOrRef.has("$ref") ? schemaOrRef.get("$ref").asText() : null;
        JsonNode schema = schemas.resolve(schemaOrRef);
        if (ref != null) {
            JsonNode special = special(ref.substring(ref.lastIndexOf('/') + 1), schema);
            if (special != null) {
                return special;
            }
        }
        if (schema.has("oneOf")) {
            List<JsonNode> branches = new ArrayList<>();
            schema.get("oneOf").forEach(branches::add);
            return generate(branches.get(random.nextInt(branches.size())), name);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = type(schema);
        return switch (type) {
            case "null" -> NODES.nullNode();
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(Math.round((random.nextDouble() * 20 - 10) * 1000) / 1000.0);
            case "array" -> array(schema, name);
            case "object" -> object(schema);
            default -> NODES.textNode(string(schema, name));
        };
    }

    private String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            if (types.contains("null") && types.size() > 1 && random.nextInt(100) < 75) {
                types.remove("null");
            }
            return types.get(random.nextInt(types.size()));
        }
        return type.asText();
    }

    private long integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : -1_000;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 1_000;
        return switch (random.nextInt(4)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (long) (random.nextDouble() * (double) (max - min));
        };
    }

    private ArrayNode array(JsonNode schema, String name) {
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(Integer.MAX_VALUE), min + 3);
        ArrayNode out = NODES.arrayNode();
        int n = min + random.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            out.add(generate(schema.get("items"), name));
        }
        return out;
    }

    private ObjectNode object(JsonNode schema) {
        ObjectNode out = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (required.contains(p.getKey()) || random.nextBoolean()) {
                out.set(p.getKey(), generate(p.getValue(), p.getKey()));
            }
        }
        return out;
    }

    private String string(JsonNode schema, String name) {
        String pattern = schema.path("pattern").asText("");
        if (pattern.startsWith("^(?=.*[^. ])")) {
            return name();
        }
        if (pattern.endsWith(":(v[1-9][0-9]{0,8}|latest)$")) {
            return random.nextInt(100) < 50 ? pickOf(world.modelTag(), world.datasetTag(), world.judgeTag())
                    : name() + (random.nextBoolean() ? ":latest" : ":v" + (1 + random.nextInt(3)));
        }
        if (pattern.endsWith(":v[1-9][0-9]{0,8}$")) {
            return random.nextInt(100) < 70 ? (name.equals("judgeTag") ? world.judgeTag() : name.equals("datasetTag")
                    ? world.datasetTag() : name.equals("modelTag") ? world.modelTag() : world.judgeTag())
                    : name() + ":v" + (1 + random.nextInt(999_999_999));
        }
        if (pattern.startsWith("^[0-9a-f]{8}-")) {
            return name.equals("id") && random.nextInt(100) < 30 ? world.evaluationId() : UUID.randomUUID().toString();
        }
        if ("date-time".equals(schema.path("format").asText())) {
            return Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000) * 1_000L)
                    .toString();
        }
        if (name.endsWith("Json")) {
            return json(3).toString();
        }
        int min = schema.path("minLength").asInt(0);
        int max = Math.min(schema.path("maxLength").asInt(Integer.MAX_VALUE), min + 16);
        return chars(TEXT_CHARS, min + random.nextInt(max - min + 1));
    }

    private String name() {
        if (random.nextInt(100) < 40) {
            return pickOf("bot", "ds", "re", "Fuzz Project", "a", "Model 1", "v1.2", "模型", "x_y-z", "..x");
        }
        String s = chars(NAME_CHARS, 1 + random.nextInt(12), false).strip();
        return s.replace(".", "").isBlank() ? "n" + s : s;
    }

    private String chars(String alphabet, int n) {
        return chars(alphabet, n, true);
    }

    private String chars(String alphabet, int n, boolean emoji) {
        StringBuilder out = new StringBuilder();
        while (out.codePointCount(0, out.length()) < n) {
            if (emoji && random.nextInt(40) == 0) {
                out.append(EMOJI[random.nextInt(EMOJI.length)]);
            } else {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return out.toString();
    }

    /** A random JSON value at most {@code depth} deep. */
    JsonNode json(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 5);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(2_000) - 1_000);
            case 3 -> NODES.numberNode(Math.round(random.nextDouble() * 1e6) / 1e3);
            case 4 -> NODES.textNode(chars(TEXT_CHARS, random.nextInt(8)));
            case 5 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(json(depth - 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set(chars(TEXT_CHARS, 1 + random.nextInt(5)), json(depth - 1));
                }
                yield o;
            }
        };
    }

    /** The couplings no schema states, by schema name; null for a schema without any. */
    private JsonNode special(String schemaName, JsonNode schema) {
        switch (schemaName) {
            case "JudgeRegistration" -> {
                ObjectNode judge = object(schema);
                String kind = judge.get("kind").asText();
                judge.put("specJson", spec(kind));
                judge.put("code", kind.equals("code") ? judge.get("code").asText() : "");
                return judge;
            }
            case "RunAssessment" -> {
                ObjectNode a = NODES.objectNode().put("judgeTag", random.nextInt(100) < 70 ? world.judgeTag()
                        : string(schemas.resolve(schema.get("properties").get("judgeTag")), "judgeTag"));
                if (random.nextBoolean()) {
                    a.put("score", random.nextInt(10));
                    if (random.nextBoolean()) {
                        a.put("passed", random.nextBoolean());
                    }
                } else {
                    a.put("error", chars(TEXT_CHARS, 1 + random.nextInt(10)));
                }
                return a;
            }
            case "EvaluationRowUpload" -> {
                ObjectNode row = object(schema);
                int index = random.nextInt(world.datasetInputs().size());
                row.put("index", index).put("inputJson", world.datasetInputs().get(index));
                if (row.path("error").isTextual()) {
                    row.remove("score");
                    row.remove("passed");
                } else {
                    row.put("score", random.nextInt(5));
                }
                if (row.path("outputJson").isTextual() && random.nextBoolean()) {
                    row.put("outputJson", json(2).toString());
                }
                return row;
            }
            case "Run" -> {
                ObjectNode run = object(schema);
                if (random.nextInt(100) < 70) {
                    run.put("modelName", world.modelName()).put("versionKey", world.versionKey());
                }
                return run;
            }
            default -> {
                return null;
            }
        }
    }

    private String spec(String kind) {
        return switch (kind) {
            case "exact", "contains" -> "{\"kind\":\"" + kind + "\"}";
            case "regex" -> "{\"kind\":\"regex\",\"pattern\":\"" + pickOf("^a", "b+", "[0-9]{2}", "x|y") + "\"}";
            case "tolerance" -> "{\"kind\":\"tolerance\",\"tolerance\":" + random.nextInt(5) + "}";
            case "llm" -> "{\"kind\":\"llm\",\"model\":\"m\",\"promptTemplate\":\"Rate {{output}} for {{input}}\","
                    + "\"systemPrompt\":\"\",\"baseUrl\":\"http://localhost:11434\",\"temperature\":"
                    + random.nextInt(3) + ",\"timeoutMillis\":" + (1 + random.nextInt(60_000)) + ",\"maxRetries\":"
                    + random.nextInt(11) + "}";
            default -> "{\"rubric\":\"" + pickOf("output", "row") + "\",\"rubricFingerprint\":\"" + "ab".repeat(32)
                    + "\",\"criterionFingerprint\":null,\"rubricParameters\":[]}";
        };
    }

    // ---- mutations ---------------------------------------------------------------------------

    /** Applies one mutation the document forbids; null when none applies to this operation. */
    private String mutate(Map<String, String> pathValues, List<String> query, JsonNode body,
            List<JsonNode> parameters, JsonNode bodySchema) {
        List<Runnable> options = new ArrayList<>();
        String[] said = new String[1];
        for (String name : pathValues.keySet()) {
            options.add(() -> {
                String bad = switch (name) {
                    case "project" -> pickOf("..", ".", "a:b", "x".repeat(201), " ", "tab\tname");
                    case "tag" -> pickOf("bot", "bot:v0", "bot:v01", "bot:vx", ":v1", "..:v1");
                    default -> pickOf("NOPE", "0192F4A8-7C3E-7D2A-9B1F-2C4D6E8FA0B1", "1");
                };
                pathValues.put(name, segment(bad));
                said[0] = "path " + name + " = " + bad;
            });
        }
        for (JsonNode p : parameters) {
            JsonNode schema = schemas.resolve(p.get("schema"));
            String name = p.get("name").asText();
            if (p.get("in").asText().equals("query") && (schema.has("maximum") || "integer".equals(type(schema)))) {
                options.add(() -> {
                    String bad = schema.has("maximum") && random.nextBoolean()
                            ? String.valueOf(schema.get("maximum").asLong() + 1)
                            : pickOf("-1", "abc", "1.5", "99999999999999999999");
                    if (bad.equals("-1") && !(schema.has("minimum") && schema.get("minimum").asLong() > -1)) {
                        bad = "abc";
                    }
                    query.removeIf(q -> q.startsWith(name + "="));
                    query.add(name + "=" + bad);
                    said[0] = "query " + name + " = " + bad;
                });
            }
        }
        if (body != null) {
            options.add(() -> said[0] = "not JSON");
            List<Mutation> leaves = new ArrayList<>();
            collect(body, bodySchema, leaves);
            for (Mutation m : leaves) {
                options.add(() -> said[0] = m.apply());
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        options.get(random.nextInt(options.size())).run();
        return said[0];
    }

    /** A change of the body that makes it break its schema; says what it did. */
    @FunctionalInterface
    private interface Mutation {
        String apply();
    }

    private void collect(JsonNode value, JsonNode schemaOrRef, List<Mutation> out) {
        JsonNode schema = schemas.resolve(schemaOrRef);
        if (schema.has("oneOf")) {
            for (JsonNode branch : schema.get("oneOf")) {
                if (schemas.conforms(value, branch)) {
                    collect(value, branch, out);
                }
            }
            return;
        }
        if (value.isObject()) {
            ObjectNode object = (ObjectNode) value;
            if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                out.add(() -> {
                    object.put("zzUnknown", 1);
                    return "unknown member zzUnknown";
                });
            }
            for (JsonNode r : schema.path("required")) {
                out.add(() -> {
                    object.remove(r.asText());
                    return "without required " + r.asText();
                });
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode fieldSchema = schema.path("properties").get(field.getKey());
                if (fieldSchema == null) {
                    continue;
                }
                String key = field.getKey();
                JsonNode resolved = schemas.resolve(fieldSchema);
                if (field.getValue().isContainerNode()) {
                    collect(field.getValue(), fieldSchema, out);
                }
                out.add(() -> {
                    JsonNode wrong = field.getValue().isTextual() ? NODES.numberNode(7)
                            : field.getValue().isNumber() ? NODES.textNode("7") : NODES.arrayNode().add(1);
                    if (schemas.conforms(wrong, resolved)) {
                        wrong = NODES.objectNode().put("x", 1);
                    }
                    object.set(key, wrong);
                    return key + " of the wrong type: " + wrong;
                });
                if (resolved.has("maximum") && field.getValue().isNumber()) {
                    out.add(() -> {
                        object.put(key, resolved.get("maximum").asLong() + 1);
                        return key + " above its maximum";
                    });
                }
                if (resolved.has("minimum") && field.getValue().isNumber()) {
                    out.add(() -> {
                        object.put(key, resolved.get("minimum").asLong() - 1);
                        return key + " below its minimum";
                    });
                }
                if (resolved.has("pattern") && field.getValue().isTextual()) {
                    out.add(() -> {
                        String bad = pickOf("..", " ", "a:b:c", ".");
                        object.put(key, bad);
                        return key + " = \"" + bad + "\" against its pattern";
                    });
                }
                if (resolved.path("minLength").asInt() > 0 && field.getValue().isTextual()) {
                    out.add(() -> {
                        object.put(key, "");
                        return key + " empty";
                    });
                }
                if (resolved.has("maxLength") && resolved.get("maxLength").asInt() < 100_000
                        && field.getValue().isTextual()) {
                    out.add(() -> {
                        object.put(key, "x".repeat(resolved.get("maxLength").asInt() + 1));
                        return key + " over its maxLength";
                    });
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            ArrayNode array = (ArrayNode) value;
            if (schema.path("minItems").asInt() > 0) {
                out.add(() -> {
                    array.removeAll();
                    return "an empty array below minItems";
                });
            }
            for (JsonNode item : array) {
                collect(item, schema.get("items"), out);
            }
        }
    }

    @SafeVarargs
    private <T> T pickOf(T... values) {
        return values[random.nextInt(values.length)];
    }
}
