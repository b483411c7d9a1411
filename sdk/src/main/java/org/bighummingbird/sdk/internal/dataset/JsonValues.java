package org.bighummingbird.sdk.internal.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.sdk.internal.export.Json;

/** Dataset values between Java and JSON, with the SDK's Jackson configuration. Thread-safe. */
public final class JsonValues {
    /** Reads canonical text back: integers as Integer or Long, fractions as Double. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private JsonValues() {}

    /**
     * The JSON tree of a Java value.
     *
     * @param what the value's role ("input", "expected"), for the message
     * @throws IllegalArgumentException when Jackson cannot serialise the value
     */
    public static JsonNode toTree(String what, Object value) {
        try {
            return Json.tree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " (" + (value == null ? "null" : value.getClass().getName())
                    + ") is not JSON-able: " + e.getMessage(), e);
        }
    }

    /** A canonical JSON text as plain, unmodifiable Java values. */
    public static Object toJava(String json) {
        try {
            return toJava(PLAIN.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dataset JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private static Object toJava(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
                return Collections.unmodifiableMap(map);
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(toJava(element)));
                return Collections.unmodifiableList(list);
            }
            case STRING -> {
                return node.textValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NUMBER -> {
                return node.numberValue();
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A JSON text read as {@code type}.
     *
     * @throws IllegalArgumentException when it does not fit
     */
    public static <T> T read(String json, Class<T> type, String what) {
        try {
            return Json.read(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the " + what + " does not read as " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
