package org.bighummingbird.sdk.internal.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.TreeMap;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.sdk.internal.export.Json;

/**
 * A declarative judge: data that runs in any process. Its JSON (keys sorted, no whitespace) is
 * stored with the version, and the version key is that JSON's SHA-256, so every setting here is
 * keyed on. No secret is ever part of a spec.
 */
public sealed interface Spec extends JudgeDefinition {
    /** The parameters beside the kind. */
    void parameters(ObjectNode out);

    /** The stored, canonical JSON: {@code kind} and the parameters, keys sorted. */
    default String json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", kind());
        parameters(node);
        try {
            return Json.WRITER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** The version key: SHA-256 hex of {@link #json()}. */
    default String key() {
        return JudgeRegistration.declarativeKey(json());
    }

    private static JsonNode sorted(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        TreeMap<String, JsonNode> fields = new TreeMap<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            fields.put(name, sorted(node.get(name)));
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        fields.forEach(out::set);
        return out;
    }

    /**
     * Reads a stored spec.
     *
     * @throws IllegalArgumentException when the JSON is not a spec this version of the SDK knows
     */
    static Spec parse(String json) {
        JsonNode node;
        try {
            node = Json.READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored judge spec is not JSON: " + e.getOriginalMessage(), e);
        }
        String kind = node.path("kind").asText("");
        return switch (kind) {
            case "exact" -> new Exact();
            case "contains" -> new Contains();
            case "regex" -> new Regex(required(node, "pattern").asText());
            case "tolerance" -> new Tolerance(required(node, "tolerance").asDouble());
            case "llm" -> new Llm(required(node, "promptTemplate").asText(), required(node, "systemPrompt").asText(),
                    required(node, "baseUrl").asText(), required(node, "model").asText(),
                    node.path("apiKeyVariable").isTextual() ? node.get("apiKeyVariable").asText() : null,
                    required(node, "temperature").asDouble(), required(node, "timeoutMillis").asLong(),
                    required(node, "maxRetries").asInt(),
                    node.path("passingThreshold").isNumber() ? node.get("passingThreshold").asDouble() : null);
            default -> throw new IllegalArgumentException("unknown declarative judge kind \"" + kind
                    + "\"; a newer BigHummingbird may have stored it");
        };
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the stored " + node.path("kind").asText() + " judge spec lacks "
                    + field);
        }
        return value;
    }

    /** Score 1 when the output equals the expected value as JSON (numbers by value), else 0. */
    record Exact() implements Spec {
        @Override
        public String kind() {
            return "exact";
        }

        @Override
        public void parameters(ObjectNode out) {}
    }

    /** Score 1 when the output's text contains the expected value's text, else 0. */
    record Contains() implements Spec {
        @Override
        public String kind() {
            return "contains";
        }

        @Override
        public void parameters(ObjectNode out) {}
    }

    /** Score 1 when the pattern is found in the output's text, else 0. */
    record Regex(String pattern) implements Spec {
        @Override
        public String kind() {
            return "regex";
        }

        @Override
        public void parameters(ObjectNode out) {
            out.put("pattern", pattern);
        }
    }

    /** Score 1 when the output is a number within {@code tolerance} of the expected number, else 0. */
    record Tolerance(double tolerance) implements Spec {
        @Override
        public String kind() {
            return "tolerance";
        }

        @Override
        public void parameters(ObjectNode out) {
            out.put("tolerance", tolerance);
        }
    }

    /** LLM-as-a-judge; see {@link org.bighummingbird.LlmJudgeConfig}. */
    record Llm(String promptTemplate, String systemPrompt, String baseUrl, String model, String apiKeyVariable,
            double temperature, long timeoutMillis, int maxRetries, Double passingThreshold) implements Spec {
        @Override
        public String kind() {
            return "llm";
        }

        @Override
        public void parameters(ObjectNode out) {
            out.put("promptTemplate", promptTemplate);
            out.put("systemPrompt", systemPrompt);
            out.put("baseUrl", baseUrl);
            out.put("model", model);
            if (apiKeyVariable != null) {
                out.put("apiKeyVariable", apiKeyVariable);
            }
            out.put("temperature", temperature);
            out.put("timeoutMillis", timeoutMillis);
            out.put("maxRetries", maxRetries);
            if (passingThreshold != null) {
                out.put("passingThreshold", passingThreshold);
            }
        }
    }
}
