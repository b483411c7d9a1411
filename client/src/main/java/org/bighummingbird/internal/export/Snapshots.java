package org.bighummingbird.internal.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Takes what a run must keep of an input or output on the calling thread, and no more: immutable
 * values by reference; collections, maps and arrays copied (their elements snapshotted in turn);
 * other objects, which the model may mutate later, turned into a Jackson tree now. Never throws:
 * what cannot be copied is recorded as its type and {@code toString()}.
 */
public final class Snapshots {
    static final int MAX_DEPTH = 64;
    static final int MAX_TEXT = 10_000;

    private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return immutableType(type, new HashSet<>());
        }
    };

    private Snapshots() {}

    /** The snapshot of one value. */
    public static Object of(Object value) {
        return of(value, 0);
    }

    private static Object of(Object value, int depth) {
        if (value == null || IMMUTABLE.get(value.getClass())) {
            return value;
        }
        try {
            if (depth >= MAX_DEPTH) {
                return Unserializable.of(value);
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    copy.put(of(e.getKey(), depth + 1), of(e.getValue(), depth + 1));
                }
                return copy;
            }
            if (value instanceof Collection<?> c) {
                List<Object> copy = new ArrayList<>(c.size());
                for (Object item : c) {
                    copy.add(of(item, depth + 1));
                }
                return copy;
            }
            if (value.getClass().isArray()) {
                int n = Array.getLength(value);
                List<Object> copy = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    copy.add(of(Array.get(value, i), depth + 1));
                }
                return copy;
            }
            if (value instanceof JsonNode node) {
                return node.deepCopy();
            }
            if (value instanceof Optional<?> o) {
                return o.map(v -> of(v, depth + 1)).orElse(null);
            }
            JsonNode tree = Json.MAPPER.valueToTree(value);
            return tree;
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            return Unserializable.of(value);
        }
    }

    /**
     * Whether every instance of the type is deeply immutable. {@code checking} holds the record types
     * on the way down: a record that contains itself ({@code record Node(Node next)}) is not
     * assumed immutable, it is copied.
     */
    private static boolean immutableType(Class<?> type, Set<Class<?>> checking) {
        if (type == String.class || type == Boolean.class || type == Character.class || type == UUID.class
                || type == BigDecimal.class || type == BigInteger.class || type.isEnum()
                || (type.getSuperclass() != null && type.getSuperclass().isEnum())
                || type == Unserializable.class) {
            return true;
        }
        if (Number.class.isAssignableFrom(type) && type.getName().startsWith("java.lang.")) {
            return true;
        }
        if (TemporalAccessor.class.isAssignableFrom(type) && type.getName().startsWith("java.time.")) {
            return true;
        }
        if (type.isRecord()) {
            if (!checking.add(type)) {
                return false;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> t = c.getType();
                if (!t.isPrimitive()
                        && !(java.lang.reflect.Modifier.isFinal(t.getModifiers()) && immutableType(t, checking))) {
                    return false;
                }
            }
            checking.remove(type);
            return true;
        }
        return false;
    }
}
