package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes what a run keeps of its inputs and output on the calling thread, within
 * {@link SnapshotLimits}, and no more. Immutable scalars (strings, boxed numbers, enums, UUIDs,
 * {@code java.time} values) are kept by reference; collections, maps and object arrays are copied
 * up to the element limit, their elements in turn; other objects, records included, are read by
 * their fields, never through getters or accessors (user code: a JPA getter is I/O) unless their
 * type is one of the safe types, which Jackson writes; JDK types Jackson writes as a scalar
 * ({@code Path}, {@code Date}, {@code URI} …) are written by Jackson now; other JDK types are
 * recorded as {@code {"$type", "$toString"}}, and objects with no fields too, their
 * {@code toString()} run later on the exporter's thread. Primitive arrays are copied, or summarised
 * with a hash ({@link ArraySnapshot}). What is cut becomes a {@link Truncated} marker: past the byte
 * budget, past the depth limit, and where a value comes round to itself (identity, never
 * {@code equals}), so the work is bounded by the limits whatever the value. Never throws.
 * Thread-safe.
 */
public final class Snapshots {
    static final int MAX_TEXT = 10_000;
    private static final Snapshots DEFAULTS = new Snapshots(SnapshotLimits.defaults());
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    /** How a class's instances are snapshotted. */
    enum Kind {
        STRING, SCALAR, BIG_NUMBER, TEXT, MAP, MAP_ENTRY, COLLECTION, OBJECT_ARRAY, PRIMITIVE_ARRAY, OPTIONAL,
        REFERENCE, JSON_CONTAINER, JSON_VALUE, SAFE, JDK_SCALAR, JDK_OTHER, FIELDS, DESCRIBED, UNREADABLE
    }

    private final SnapshotLimits limits;
    private final ClassValue<Kind> kinds = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            return classify(type);
        }
    };

    /** Snapshots within {@code limits}. */
    public Snapshots(SnapshotLimits limits) {
        this.limits = limits;
    }

    /** The snapshot of one value under the default limits, with the whole budget. */
    public static Object of(Object value) {
        return DEFAULTS.snapshot(value, DEFAULTS.limits.maxBytes());
    }

    /** Replaces each input by its snapshot; together they take at most half the run's byte budget. */
    public void inputs(Object[] values) {
        long budget = limits.maxBytes() / 2;
        for (int i = 0; i < values.length; i++) {
            Object snapshot = snapshot(values[i], budget);
            values[i] = snapshot;
            budget -= jsonBytes(snapshot);
        }
    }

    /** The output's snapshot, within what the {@code inputs}' snapshots left of the run's byte budget. */
    public Object output(Object value, Object[] inputs) {
        long budget = limits.maxBytes();
        for (Object input : inputs) {
            budget -= jsonBytes(input);
        }
        return snapshot(value, budget);
    }

    Object snapshot(Object value, long budget) {
        try {
            if (value == null) {
                return null;
            }
            Kind kind = kind(value.getClass());
            if (kind == Kind.SCALAR || kind == Kind.STRING && ((String) value).length() + 2 <= budget) {
                return value;
            }
            return new SnapshotWalk(this, limits, budget).value(value, 0);
        } catch (Throwable t) {
            // a StackOverflowError or OutOfMemoryError while copying: the call goes on, the value is marked
            return Truncated.failed(value.getClass().getTypeName(), t);
        }
    }

    Kind kind(Class<?> type) {
        return kinds.get(type);
    }

    /** Estimated JSON bytes of a snapshot: O(1), containers carry their total. */
    static long jsonBytes(Object snapshot) {
        if (snapshot == null) {
            return 4;
        }
        if (snapshot instanceof String s) {
            return s.length() + 2L;
        }
        if (snapshot instanceof Snapshot s) {
            return s.jsonBytes();
        }
        if (snapshot instanceof Unserializable u) {
            return u.type().length() + u.text().length() + 30L;
        }
        return scalarBytes(snapshot);
    }

    /** What a run holds in memory while it waits in the exporter's queue, estimated. */
    static long queueBytes(RunEvent e) {
        long bytes = 128 + (e.error() == null ? jsonBytes(e.output()) + retainedBytes(e.output()) : 1_024);
        for (Object input : e.inputs()) {
            bytes += jsonBytes(input) + retainedBytes(input);
        }
        return bytes;
    }

    private static long retainedBytes(Object snapshot) {
        return snapshot instanceof Snapshot s ? s.retainedBytes() : 0;
    }

    /** A scalar's JSON in its longest form. */
    static long scalarBytes(Object v) {
        if (v instanceof Integer) {
            return 11;
        } else if (v instanceof Long || v instanceof Double) {
            return 24;
        } else if (v instanceof Boolean) {
            return 5;
        } else if (v instanceof Enum<?> e) {
            return e.name().length() + 2L;
        } else if (v instanceof BigInteger b) {
            return b.bitLength() / 3 + 2L;
        } else if (v instanceof BigDecimal d) {
            return d.unscaledValue().bitLength() / 3 + 14L;
        } else if (v instanceof UUID) {
            return 38;
        }
        return 40;
    }

    /** Whether the class comes with the JDK, whose code the snapshot may run. */
    static boolean jdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == PLATFORM;
    }

    private Kind classify(Class<?> type) {
        if (type == String.class) {
            return Kind.STRING;
        }
        if (type == BigInteger.class || type == BigDecimal.class) {
            return Kind.BIG_NUMBER;
        }
        if (scalar(type)) {
            return Kind.SCALAR;
        }
        for (Class<?> safe : limits.safeTypes()) {
            if (safe.isAssignableFrom(type)) {
                return Kind.SAFE;
            }
        }
        return container(type);
    }

    private static boolean scalar(Class<?> type) {
        return type == Boolean.class || type == Character.class || type == UUID.class || type == Unserializable.class
                || type.isEnum()
                || (type.getSuperclass() != null && type.getSuperclass().isEnum())
                || (Number.class.isAssignableFrom(type) && type.getName().startsWith("java.lang."))
                || (type.getName().startsWith("java.time.") && jdk(type));
    }

    private static Kind container(Class<?> type) {
        if (Map.class.isAssignableFrom(type)) {
            return Kind.MAP;
        } else if (Collection.class.isAssignableFrom(type)) {
            return Kind.COLLECTION;
        } else if (type.isArray()) {
            return type.getComponentType().isPrimitive() ? Kind.PRIMITIVE_ARRAY : Kind.OBJECT_ARRAY;
        } else if (JsonNode.class.isAssignableFrom(type)) {
            return ValueNode.class.isAssignableFrom(type) ? Kind.JSON_VALUE : Kind.JSON_CONTAINER;
        } else if (type == Optional.class) {
            return Kind.OPTIONAL;
        } else if (type == AtomicReference.class) {
            return Kind.REFERENCE;
        } else if (Map.Entry.class.isAssignableFrom(type)) {
            return Kind.MAP_ENTRY;
        } else if (CharSequence.class.isAssignableFrom(type)) {
            return Kind.TEXT;
        } else if (Throwable.class.isAssignableFrom(type) || type.isHidden() || type.isSynthetic()) {
            return Kind.DESCRIBED;
        } else if (jdk(type)) {
            return jacksonScalar(type) ? Kind.JDK_SCALAR : Kind.JDK_OTHER;
        }
        FieldReader reader = FieldReader.of(type);
        if (reader.unreadable != null) {
            return Kind.UNREADABLE;
        }
        return reader.names.length == 0 ? Kind.DESCRIBED : Kind.FIELDS;
    }

    /** Whether Jackson writes the JDK type as one scalar (a Path, a Date), not through its getters. */
    private static boolean jacksonScalar(Class<?> type) {
        try {
            JsonSerializer<Object> serializer = Json.serializers().findValueSerializer(type);
            return serializer instanceof StdScalarSerializer<?> || serializer instanceof ToStringSerializerBase;
        } catch (Exception e) {
            return false;
        }
    }
}
