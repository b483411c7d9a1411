package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One value's snapshot in the making, on the calling thread: spends the byte budget as it copies,
 * and keeps the containers on the way down to find cycles by identity. Used once, by one thread.
 */
final class SnapshotWalk {
    private final Snapshots snapshots;
    private final SnapshotLimits limits;
    private long remaining;
    private long retained;
    private Object[] path = new Object[8];
    private int pathSize;

    SnapshotWalk(Snapshots snapshots, SnapshotLimits limits, long budget) {
        this.snapshots = snapshots;
        this.limits = limits;
        this.remaining = budget;
    }

    Object value(Object v, int depth) {
        if (v == null) {
            remaining -= 4;
            return null;
        }
        Class<?> type = v.getClass();
        try {
            return switch (snapshots.kind(type)) {
                case STRING -> text((String) v, type);
                case TEXT -> text((CharSequence) v, type);
                case SCALAR, JSON_VALUE -> v instanceof POJONode pojo ? value(pojo.getPojo(), depth + 1) : scalar(v);
                case BIG_NUMBER -> Snapshots.scalarBytes(v) > remaining ? marker(type, Truncated.BUDGET) : scalar(v);
                case JDK_OTHER -> described(Unserializable.of(v));
                case DESCRIBED -> new Described(v, (int) Math.max(64, Math.min(Snapshots.MAX_TEXT, remaining)),
                        spend(100 + type.getName().length()));
                case UNREADABLE -> marker(type, Truncated.UNREADABLE);
                default -> nested(v, type, depth);
            };
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // a collection changed while it was copied, a class that cannot load: the value is marked, the call goes on
            return Truncated.failed(type.getTypeName(), e);
        }
    }

    private Object nested(Object v, Class<?> type, int depth) {
        if (depth >= limits.maxDepth()) {
            return marker(type, Truncated.DEPTH);
        }
        for (int i = 0; i < pathSize; i++) {
            if (path[i] == v) {
                return marker(type, Truncated.CYCLE);
            }
        }
        if (pathSize == path.length) {
            path = Arrays.copyOf(path, pathSize * 2);
        }
        path[pathSize++] = v;
        try {
            return copy(v, type, depth);
        } finally {
            path[--pathSize] = null;
        }
    }

    private Object copy(Object v, Class<?> type, int depth) {
        return switch (snapshots.kind(type)) {
            case MAP -> entries(type, ((Map<?, ?>) v).entrySet().iterator(), ((Map<?, ?>) v).size(), depth);
            case MAP_ENTRY -> entries(type, java.util.List.of((Map.Entry<?, ?>) v).iterator(), 1, depth);
            case COLLECTION -> items(type, ((Collection<?>) v).iterator(), ((Collection<?>) v).size(), depth);
            case OBJECT_ARRAY -> items(type, Arrays.asList((Object[]) v).iterator(), ((Object[]) v).length, depth);
            case PRIMITIVE_ARRAY -> array(v);
            case OPTIONAL -> value(((Optional<?>) v).orElse(null), depth + 1);
            case REFERENCE -> value(((AtomicReference<?>) v).get(), depth + 1);
            case JSON_CONTAINER -> json((JsonNode) v, type, depth);
            case SAFE, JDK_SCALAR -> jackson(v, depth);
            default -> fields(v, type, FieldReader.of(type), depth);
        };
    }

    private Object scalar(Object v) {
        remaining -= v instanceof JsonNode ? 24 : Snapshots.scalarBytes(v);
        return v;
    }

    private Object text(CharSequence s, Class<?> type) {
        int length = s.length();
        if (length + 2 <= remaining) {
            remaining -= length + 2;
            return s.toString();
        }
        int keep = (int) Math.max(0, Math.min(length, remaining - Truncated.BYTES));
        if (keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--;
        }
        String prefix = s.subSequence(0, keep).toString();
        return new Truncated(type.getTypeName(), Truncated.BUDGET, length, prefix, null,
                spend(keep + Truncated.BYTES));
    }

    private Object described(Unserializable u) {
        spend(u.type().length() + u.text().length() + 30);
        return u;
    }

    private Truncated marker(Class<?> type, String reason) {
        spend(Truncated.BYTES);
        return Truncated.of(type, reason);
    }

    private long spend(long bytes) {
        remaining -= bytes;
        return bytes;
    }

    private Object items(Class<?> type, Iterator<?> it, int size, int depth) {
        long start = remaining;
        long retainedStart = retained;
        int n = Math.min(size, limits.maxElements());
        Object[] items = new Object[Math.min(n, 16)];
        int kept = 0;
        String cut = null;
        remaining -= 2;
        while (kept < n && it.hasNext()) {
            if (remaining <= Truncated.BYTES) {
                cut = Truncated.BUDGET;
                break;
            }
            if (kept == items.length) {
                items = Arrays.copyOf(items, Math.min(n, kept * 2));
            }
            items[kept++] = value(it.next(), depth + 1);
            remaining--;
        }
        if (cut == null && kept < size) {
            cut = Truncated.SIZE;
        }
        if (cut != null) {
            remaining -= Truncated.BYTES;
        }
        return new Snapshot.Items(type.getTypeName(), kept == items.length ? items : Arrays.copyOf(items, kept),
                size, cut, start - remaining, retained - retainedStart);
    }

    private Object entries(Class<?> type, Iterator<? extends Map.Entry<?, ?>> it, int size, int depth) {
        long start = remaining;
        long retainedStart = retained;
        int n = Math.min(size, limits.maxElements());
        Object[] keys = new Object[Math.min(n, 16)];
        Object[] values = new Object[keys.length];
        int kept = 0;
        String cut = null;
        remaining -= 2;
        while (kept < n && it.hasNext()) {
            if (remaining <= Truncated.BYTES) {
                cut = Truncated.BUDGET;
                break;
            }
            if (kept == keys.length) {
                keys = Arrays.copyOf(keys, Math.min(n, kept * 2));
                values = Arrays.copyOf(values, keys.length);
            }
            Map.Entry<?, ?> e = it.next();
            keys[kept] = key(e.getKey(), depth);
            values[kept++] = value(e.getValue(), depth + 1);
            remaining -= 2;
        }
        if (cut == null && kept < size) {
            cut = Truncated.SIZE;
        }
        if (cut != null) {
            remaining -= Truncated.BYTES;
        }
        return new Snapshot.Entries(type.getTypeName(), Arrays.copyOf(keys, kept), Arrays.copyOf(values, kept), size,
                cut, start - remaining, retained - retainedStart);
    }

    /** A key as JSON has it: a scalar's text ({@code null} for null, an enum's name), else the key's snapshot. */
    private Object key(Object key, int depth) {
        Snapshots.Kind kind = key == null ? Snapshots.Kind.SCALAR : snapshots.kind(key.getClass());
        Object text = switch (kind) {
            case STRING, SCALAR, BIG_NUMBER -> key instanceof Enum<?> e ? e.name() : String.valueOf(key);
            default -> value(key, depth + 1);
        };
        if (text instanceof String s) {
            if (s.length() > remaining) {
                s = s.substring(0, (int) Math.max(0, remaining)) + "…";
            }
            remaining -= s.length() + 2;
            return s;
        }
        return text;
    }

    private Object fields(Object v, Class<?> type, FieldReader reader, int depth) {
        long start = remaining;
        long retainedStart = retained;
        int n = Math.min(reader.names.length, limits.maxElements());
        Object[] values = new Object[n];
        int kept = 0;
        String cut = null;
        remaining -= 2;
        try {
            for (; kept < n; kept++) {
                if (remaining <= Truncated.BYTES) {
                    cut = Truncated.BUDGET;
                    break;
                }
                remaining -= reader.names[kept].length() + 4;
                values[kept] = value(reader.get(v, kept), depth + 1);
            }
        } catch (IllegalAccessException e) {
            return Truncated.failed(type.getTypeName(), e);
        }
        if (cut == null && kept < reader.names.length) {
            cut = Truncated.SIZE;
        }
        if (cut != null) {
            remaining -= Truncated.BYTES;
        }
        return new Snapshot.Fields(type, Arrays.copyOf(reader.names, kept), Arrays.copyOf(values, kept),
                reader.names.length, cut, start - remaining, retained - retainedStart);
    }

    /** A whole copy when it fits, else a prefix and the array itself, held to be hashed off this thread. */
    private Object array(Object array) {
        Class<?> component = array.getClass().getComponentType();
        int length = Array.getLength(array);
        int per = ArraySnapshot.elementBytes(component);
        if (length <= limits.maxElements() && (long) length * per + 2 <= remaining) {
            return new ArraySnapshot(ArraySnapshot.copyOf(array, length), length, null, null,
                    spend((long) length * per + 2), 0);
        }
        String cut = length > limits.maxElements() ? Truncated.SIZE : Truncated.BUDGET;
        int prefix = (int) Math.max(0, Math.min(Math.min(length, ArraySnapshot.PREFIX),
                (remaining - Truncated.BYTES - 80) / per));
        long held = (long) length * ArraySnapshot.memoryBytes(component);
        retained += held;
        return new ArraySnapshot(ArraySnapshot.copyOf(array, prefix), length, array, cut,
                spend((long) prefix * per + Truncated.BYTES + 80), held);
    }

    private Object json(JsonNode node, Class<?> type, int depth) {
        if (node.isObject()) {
            return entries(type, node.properties().iterator(), node.size(), depth);
        }
        return items(type, node.elements(), node.size(), depth);
    }

    /** A safe type, or a JDK type Jackson writes as a scalar: Jackson's tree of it now, then cut to the limits. */
    private Object jackson(Object v, int depth) {
        JsonNode tree;
        try {
            tree = Json.tree(v);
        } catch (RuntimeException e) {
            return described(Unserializable.of(v));
        }
        if (tree.isTextual()) {
            return text(tree.textValue(), String.class);
        }
        return tree.isContainerNode() ? json(tree, v.getClass(), depth) : scalar(tree);
    }
}
