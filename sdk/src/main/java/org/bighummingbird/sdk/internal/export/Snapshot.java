package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/**
 * A part of a snapshot that is not the user's value itself: a copy of a container, an object read by
 * its fields, a primitive array, or a marker where something was cut. Written as JSON by the
 * exporter without running user code; Jackson writes it the same way ({@link JsonSerializable}).
 * Immutable once built, apart from the arrays it holds, which only the snapshot sees.
 */
sealed interface Snapshot extends JsonSerializable
        permits Snapshot.Items, Snapshot.Entries, Snapshot.Fields, ArraySnapshot, Truncated, Described {

    /** Writes this part as JSON. */
    void write(JsonGenerator json) throws IOException;

    /** Estimated JSON bytes of this part, children included. */
    long jsonBytes();

    /** Bytes of user arrays held by reference (to be hashed later), children included. */
    default long retainedBytes() {
        return 0;
    }

    @Override
    default void serialize(JsonGenerator json, SerializerProvider serializers) throws IOException {
        write(json);
    }

    @Override
    default void serializeWithType(JsonGenerator json, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        write(json);
    }

    /**
     * A collection or an array of objects: its first elements, then, when it was cut, a marker with
     * the total size.
     *
     * @param type the class name
     * @param items the snapshots of the elements kept
     * @param size the number of elements the value had
     * @param cut why the rest was left out ({@link Truncated#BUDGET}, {@link Truncated#SIZE}), or null
     */
    record Items(String type, Object[] items, long size, String cut, long jsonBytes, long retainedBytes)
            implements Snapshot {
        @Override
        public void write(JsonGenerator json) throws IOException {
            json.writeStartArray();
            for (Object item : items) {
                RunSerializer.write(json, item);
            }
            if (cut != null) {
                json.writeStartObject();
                json.writeFieldName(Truncated.FIELD);
                Truncated.writeDetails(json, type, cut, size);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    /**
     * A map: its first entries, then, when it was cut, a {@code "$truncated"} entry with the total size.
     *
     * @param keys each entry's key as JSON text: a string, or a snapshot written as compact JSON
     * @param values the snapshots of the values kept
     */
    record Entries(String type, Object[] keys, Object[] values, long size, String cut, long jsonBytes,
            long retainedBytes) implements Snapshot {
        @Override
        public void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < keys.length; i++) {
                json.writeFieldName(keys[i] instanceof String s ? s : RunSerializer.json(keys[i]));
                RunSerializer.write(json, values[i]);
            }
            if (cut != null) {
                json.writeFieldName(Truncated.FIELD);
                Truncated.writeDetails(json, type, cut, size);
            }
            json.writeEndObject();
        }
    }

    /**
     * An object read by its fields, or a record by its components' fields: an object of the fields
     * kept, by name, with a {@code "$truncated"} entry when some were left out.
     *
     * @param type the object's class
     * @param names the names of the fields kept, in order
     * @param values their snapshots
     * @param size the number of fields the class has
     */
    record Fields(Class<?> type, String[] names, Object[] values, long size, String cut, long jsonBytes,
            long retainedBytes) implements Snapshot {
        @Override
        public void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                json.writeFieldName(names[i]);
                RunSerializer.write(json, values[i]);
            }
            if (cut != null) {
                json.writeFieldName(Truncated.FIELD);
                Truncated.writeDetails(json, type.getTypeName(), cut, size);
            }
            json.writeEndObject();
        }
    }
}
