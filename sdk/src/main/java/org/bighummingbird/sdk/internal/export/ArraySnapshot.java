package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A primitive array. One that fits the limits is copied whole (a memory copy, no boxing) and
 * written as a JSON array. A longer one is summarised as
 * {@code {"$truncated": {"type": "float[]", "reason": "size", "size": 1000000, "prefix": [0.0, …],
 * "sha256": "…"}}}: the prefix is copied on the calling thread, and the array itself is held by
 * reference and hashed when the run is written, on the exporter's thread, so a call with a huge
 * array costs no more than a short one. The hash is the SHA-256 of the elements as little-endian
 * bytes (booleans one byte, 0 or 1; chars UTF-16 code units): a model that changes the array after
 * the call returns may find the change in the hash, never in the prefix.
 *
 * @param copy the elements copied: all of them, or the prefix
 * @param size the array's length
 * @param original the array, held for its hash, or null when {@code copy} is all of it
 * @param cut why the array was summarised ({@link Truncated#SIZE}, {@link Truncated#BUDGET}), or null
 */
record ArraySnapshot(Object copy, int size, Object original, String cut, long jsonBytes, long retainedBytes)
        implements Snapshot {
    /** Elements a summary keeps at most. */
    static final int PREFIX = 32;
    private static final int CHUNK = 16 * 1024;

    /** Estimated JSON bytes of one element, in its longest form, with its comma. */
    static int elementBytes(Class<?> component) {
        if (component == byte.class) {
            return 5;
        } else if (component == short.class) {
            return 7;
        } else if (component == int.class) {
            return 12;
        } else if (component == long.class) {
            return 21;
        } else if (component == float.class) {
            return 16;
        } else if (component == double.class) {
            return 25;
        } else if (component == char.class) {
            return 9;
        }
        return 6; // boolean
    }

    /** Bytes one element takes in memory. */
    static int memoryBytes(Class<?> component) {
        if (component == long.class || component == double.class) {
            return 8;
        } else if (component == int.class || component == float.class) {
            return 4;
        } else if (component == short.class || component == char.class) {
            return 2;
        }
        return 1;
    }

    /** The first {@code n} elements of {@code array}, copied. */
    static Object copyOf(Object array, int n) {
        Object copy = Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, 0, copy, 0, n);
        return copy;
    }

    @Override
    public void write(JsonGenerator json) throws IOException {
        if (original == null) {
            writeElements(json, copy);
            return;
        }
        json.writeStartObject();
        json.writeFieldName(Truncated.FIELD);
        json.writeStartObject();
        Truncated.writeCommon(json, original.getClass().getTypeName(), cut, size);
        json.writeFieldName("prefix");
        writeElements(json, copy);
        json.writeStringField("sha256", sha256(original));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeElements(JsonGenerator json, Object array) throws IOException {
        int n = Array.getLength(array);
        json.writeStartArray();
        if (array instanceof int[] a) {
            for (int i = 0; i < n; i++) {
                json.writeNumber(a[i]);
            }
        } else if (array instanceof long[] a) {
            for (int i = 0; i < n; i++) {
                json.writeNumber(a[i]);
            }
        } else if (array instanceof double[] a) {
            for (int i = 0; i < n; i++) {
                json.writeNumber(a[i]);
            }
        } else if (array instanceof float[] a) {
            for (int i = 0; i < n; i++) {
                json.writeNumber(a[i]);
            }
        } else if (array instanceof short[] a) {
            for (int i = 0; i < n; i++) {
                json.writeNumber(a[i]);
            }
        } else if (array instanceof byte[] a) {
            for (int i = 0; i < n; i++) {
                json.writeNumber(a[i]);
            }
        } else if (array instanceof char[] a) {
            for (int i = 0; i < n; i++) {
                json.writeString(String.valueOf(a[i]));
            }
        } else {
            boolean[] a = (boolean[]) array;
            for (int i = 0; i < n; i++) {
                json.writeBoolean(a[i]);
            }
        }
        json.writeEndArray();
    }

    /** SHA-256 of the elements as little-endian bytes, a chunk at a time: no copy of the whole array. */
    static String sha256(Object array) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        int n = Array.getLength(array);
        int width = memoryBytes(array.getClass().getComponentType());
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int step = CHUNK / width;
        for (int from = 0; from < n; from += step) {
            int len = Math.min(step, n - from);
            buffer.clear();
            put(buffer, array, from, len);
            digest.update(buffer.array(), 0, len * width);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void put(ByteBuffer buffer, Object array, int from, int len) {
        if (array instanceof byte[] a) {
            buffer.put(a, from, len);
        } else if (array instanceof short[] a) {
            buffer.asShortBuffer().put(a, from, len);
        } else if (array instanceof char[] a) {
            buffer.asCharBuffer().put(a, from, len);
        } else if (array instanceof int[] a) {
            buffer.asIntBuffer().put(a, from, len);
        } else if (array instanceof long[] a) {
            buffer.asLongBuffer().put(a, from, len);
        } else if (array instanceof float[] a) {
            buffer.asFloatBuffer().put(a, from, len);
        } else if (array instanceof double[] a) {
            buffer.asDoubleBuffer().put(a, from, len);
        } else {
            boolean[] a = (boolean[]) array;
            for (int i = 0; i < len; i++) {
                buffer.put(a[from + i] ? (byte) 1 : (byte) 0);
            }
        }
    }
}
