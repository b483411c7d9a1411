package org.bighummingbird.store.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Field access for reading documents back, failing with the field's name. */
final class Documents {
    private Documents() {}

    static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, got " + node);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field " + field + " must be a string, got " + value);
        }
        return value.textValue();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field);
    }

    static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("field " + field + " must be an integer, got " + value);
        }
        return value.longValue();
    }
}
