package org.bighummingbird.internal.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The runtime shape of a value: scalars by simple type name, maps and objects as objects of shapes,
 * lists as the distinct shapes of their elements — {@code {"answer":"String","scores":["Double"]}}.
 */
final class Shapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 16;
    private static final int MAX_ELEMENTS = 1_000;

    private Shapes() {}

    static JsonNode of(Object snapshot) {
        return of(snapshot, 0);
    }

    private static JsonNode of(Object v, int depth) {
        if (v == null) {
            return NODES.textNode("null");
        }
        if (depth > MAX_DEPTH) {
            return NODES.textNode("…");
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.set(String.valueOf(e.getKey()), of(e.getValue(), depth + 1));
            }
            return out;
        }
        if (v instanceof Collection<?> c) {
            return elements(c.iterator(), depth);
        }
        if (v instanceof JsonNode node) {
            return ofNode(node, depth);
        }
        if (v instanceof Unserializable u) {
            return NODES.textNode(simpleName(u.type()));
        }
        return NODES.textNode(v.getClass().getSimpleName());
    }

    private static JsonNode ofNode(JsonNode node, int depth) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), ofNode(e.getValue(), depth + 1)));
            return out;
        }
        if (node.isArray()) {
            return elements(node.elements(), depth);
        }
        return NODES.textNode(switch (node.getNodeType()) {
            case STRING -> "String";
            case BOOLEAN -> "Boolean";
            case NUMBER -> node.isIntegralNumber() ? (node.isInt() ? "Integer" : "Long") : "Double";
            case NULL, MISSING -> "null";
            default -> node.getNodeType().name();
        });
    }

    private static ArrayNode elements(Iterator<?> items, int depth) {
        Set<JsonNode> distinct = new LinkedHashSet<>();
        for (int i = 0; items.hasNext() && i < MAX_ELEMENTS; i++) {
            Object item = items.next();
            distinct.add(item instanceof JsonNode n ? ofNode(n, depth + 1) : of(item, depth + 1));
        }
        ArrayNode out = NODES.arrayNode();
        distinct.forEach(out::add);
        return out;
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
}
