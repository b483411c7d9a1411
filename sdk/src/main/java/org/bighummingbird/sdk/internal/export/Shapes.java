package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runtime shape of a value: scalars by simple type name, maps and objects as objects of shapes,
 * lists as the distinct shapes of their elements — {@code {"answer":"String","scores":["Double"]}}. Keys and
 * element shapes are sorted, so equal shapes are equal strings and count together per version. A
 * record is its simple type name; an object read by its fields, the object of their shapes; a part
 * cut from the snapshot, the simple name of the type cut (a cut string is still a {@code String}),
 * and the marker that closes a cut collection is no element.
 */
final class Shapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 16;
    private static final int MAX_ELEMENTS = 1_000;
    private static final ClassValue<String> CLASS_SHAPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return write(NODES.textNode(type.getSimpleName()));
        }
    };

    private Shapes() {}

    static JsonNode of(Object snapshot) {
        return of(snapshot, 0);
    }

    /** {@link #of} as JSON text; a value whose shape is its class's name has that text kept per class. */
    static String text(Object snapshot) {
        if (byClass(snapshot)) {
            return CLASS_SHAPES.get(snapshot.getClass());
        }
        return write(of(snapshot));
    }

    /** Whether {@link #of} gives the value its class's simple name: anything but null, a container or a tree. */
    private static boolean byClass(Object v) {
        return v != null && !(v instanceof Map<?, ?>) && !(v instanceof Collection<?>) && !(v instanceof JsonNode)
                && !(v instanceof Unserializable) && !(v instanceof Snapshot);
    }

    private static JsonNode of(Object v, int depth) {
        if (v == null) {
            return NODES.textNode("null");
        }
        if (depth > MAX_DEPTH) {
            return NODES.textNode("…");
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sorted.put(String.valueOf(e.getKey()), of(e.getValue(), depth + 1));
            }
            return object(sorted);
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
        if (v instanceof Snapshot s) {
            return ofSnapshot(s, depth);
        }
        return NODES.textNode(v.getClass().getSimpleName());
    }

    private static JsonNode ofSnapshot(Snapshot s, int depth) {
        if (s instanceof Snapshot.Items items) {
            return elements(Arrays.asList(items.items()).iterator(), depth);
        }
        if (s instanceof Snapshot.Entries entries) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (int i = 0; i < entries.keys().length; i++) {
                Object key = entries.keys()[i];
                sorted.put(key instanceof String k ? k : RunSerializer.json(key), of(entries.values()[i], depth + 1));
            }
            return object(sorted);
        }
        if (s instanceof Snapshot.Fields fields) {
            if (fields.type().isRecord()) {
                return NODES.textNode(fields.type().getSimpleName());
            }
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (int i = 0; i < fields.names().length; i++) {
                sorted.put(fields.names()[i], of(fields.values()[i], depth + 1));
            }
            return object(sorted);
        }
        if (s instanceof ArraySnapshot array) {
            ArrayNode out = NODES.arrayNode();
            if (array.size() > 0) {
                Class<?> component = array.copy().getClass().getComponentType();
                out.add(MethodType.methodType(component).wrap().returnType().getSimpleName());
            }
            return out;
        }
        if (s instanceof Described d) {
            return NODES.textNode(d.value().getClass().getSimpleName());
        }
        return NODES.textNode(simpleName(((Truncated) s).type()));
    }

    private static String write(JsonNode shape) {
        try {
            return Json.WRITER.writeValueAsString(shape);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a shape is strings, objects and arrays only", e);
        }
    }

    private static JsonNode ofNode(JsonNode node, int depth) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), ofNode(e.getValue(), depth + 1)));
            return object(sorted);
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

    private static ObjectNode object(Map<String, JsonNode> sortedFields) {
        ObjectNode out = NODES.objectNode();
        sortedFields.forEach(out::set);
        return out;
    }

    /** The distinct shapes of the elements, sorted by their JSON text, so that one shape has one spelling. */
    private static ArrayNode elements(Iterator<?> items, int depth) {
        Map<String, JsonNode> distinct = new TreeMap<>();
        for (int i = 0; items.hasNext() && i < MAX_ELEMENTS; i++) {
            Object item = items.next();
            JsonNode shape = item instanceof JsonNode n ? ofNode(n, depth + 1) : of(item, depth + 1);
            distinct.putIfAbsent(shape.toString(), shape);
        }
        ArrayNode out = NODES.arrayNode();
        distinct.values().forEach(out::add);
        return out;
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
}
