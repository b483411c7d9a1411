package org.bighummingbird.sdk.internal.fingerprint;

import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a captured or constant value into a token for the fingerprint. Plain values (primitives,
 * strings, enums, records and collections of those) are covered by content; serializable lambdas by
 * their own fingerprint; anything else by its type only (documented: its state is not covered).
 */
final class ValueDigest {
    private static final int MAX_DEPTH = 32;

    private final Function<Serializable, String> lambdaFingerprint;
    private final Function<Class<?>, String> typeName;

    /**
     * @param lambdaFingerprint the code fingerprint of a captured serializable lambda
     * @param typeName how a class is named in the digest: javac's numbered anonymous classes by
     *     their code
     */
    ValueDigest(Function<Serializable, String> lambdaFingerprint, Function<Class<?>, String> typeName) {
        this.lambdaFingerprint = lambdaFingerprint;
        this.typeName = typeName;
    }

    String of(Object value) {
        return of(value, 0, new IdentityHashMap<>());
    }

    private String of(Object v, int depth, IdentityHashMap<Object, Boolean> seen) {
        if (v == null) {
            return "null";
        }
        if (depth > MAX_DEPTH || seen.containsKey(v)) {
            return opaque(v);
        }
        if (v instanceof String s) {
            // length-prefixed, so that no list of strings can spell another list's digest
            return "str:" + s.length() + ":" + s;
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
            if (v instanceof BigDecimal || v instanceof BigInteger || v.getClass().getName().startsWith("java.lang.")) {
                return v.getClass().getSimpleName() + ":" + v;
            }
            return opaque(v);
        }
        if (v instanceof Enum<?> e) {
            return "enum:" + e.getDeclaringClass().getName() + "." + e.name();
        }
        if (v instanceof Class<?> c) {
            return "class:" + typeName.apply(c);
        }
        if (isLambda(v)) {
            return "lambda:" + lambdaFingerprint.apply((Serializable) v);
        }
        seen.put(v, Boolean.TRUE);
        try {
            if (v instanceof Record r) {
                return record(r, depth, seen);
            }
            if (v instanceof Map<?, ?> m) {
                List<String> entries = new ArrayList<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    entries.add(of(e.getKey(), depth + 1, seen) + "=" + of(e.getValue(), depth + 1, seen));
                }
                entries.sort(null);
                return "map" + entries;
            }
            if (v instanceof Collection<?> c) {
                List<String> items = new ArrayList<>();
                for (Object item : c) {
                    items.add(of(item, depth + 1, seen));
                }
                if (v instanceof List<?> || v instanceof Deque<?>) {
                    return "list" + items;
                }
                // sets, map.values() and other unordered collections iterate in an order that can
                // change from one JVM run to the next: sorted, the digest cannot
                items.sort(null);
                return "bag" + items;
            }
            if (v.getClass().isArray()) {
                List<String> items = new ArrayList<>();
                for (int i = 0, n = Array.getLength(v); i < n; i++) {
                    items.add(of(Array.get(v, i), depth + 1, seen));
                }
                return "array:" + v.getClass().getComponentType().getName() + items;
            }
            return opaque(v);
        } finally {
            seen.remove(v);
        }
    }

    private String record(Record r, int depth, IdentityHashMap<Object, Boolean> seen) {
        StringBuilder out = new StringBuilder("record:").append(r.getClass().getSimpleName()).append('(');
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object component;
            try {
                c.getAccessor().setAccessible(true);
                component = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return opaque(r);
            }
            out.append(c.getName()).append('=').append(of(component, depth + 1, seen)).append(',');
        }
        return out.append(')').toString();
    }

    private String opaque(Object v) {
        return "opaque:" + typeName.apply(v.getClass());
    }

    /** Whether a token covers its value entirely: no part of it is known by type alone. */
    static boolean isPlain(String token) {
        return !token.contains("opaque:");
    }

    static boolean isLambda(Object v) {
        return v instanceof Serializable && v.getClass().isSynthetic() && v.getClass().getName().contains("$$Lambda");
    }
}
