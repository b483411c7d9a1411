package org.bighummingbird.sdk.internal.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Map;
import org.bighummingbird.sdk.internal.export.Json;

/**
 * How declarative judges see a row's values: as JSON (numbers by value), and as text (a string is
 * itself, anything else its compact JSON).
 */
final class Values {
    private Values() {}

    /** The value as a JSON tree; a value Jackson cannot serialise becomes its {@code toString()}. */
    static JsonNode json(Object value) {
        if (value == null) {
            return NullNode.instance;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        try {
            return Json.tree(value);
        } catch (IllegalArgumentException e) {
            return TextNode.valueOf(String.valueOf(value));
        }
    }

    /** A string as it is, null as {@code null}, anything else as compact JSON. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        JsonNode node = json(value);
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** JSON equality with numbers compared by value, so that 1, 1L and 1.0 are equal. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                JsonNode other = b.get(field.getKey());
                if (other == null || !equal(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n.isDouble() || n.isFloat()) {
            double d = n.asDouble();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : BigDecimal.valueOf(Double.MAX_VALUE);
        }
        return n.decimalValue();
    }

    /** The value as a finite number: a JSON number, or a string holding one; else null. */
    static Double number(Object value) {
        JsonNode node = json(value);
        double d;
        if (node.isNumber()) {
            d = node.asDouble();
        } else if (node.isTextual()) {
            try {
                d = Double.parseDouble(node.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(d) ? d : null;
    }
}
