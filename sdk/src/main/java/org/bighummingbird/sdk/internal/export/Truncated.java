package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Where a snapshot was cut, written as
 * {@code {"$truncated": {"type": "java.lang.String", "reason": "budget", "size": 4000000, "prefix": "…"}}}:
 * {@code type} is the class of what was cut, {@code reason} one of {@link #BUDGET}, {@link #DEPTH},
 * {@link #CYCLE}, {@link #SIZE}, {@link #UNREADABLE} or {@link #ERROR}; {@code size} (the value's
 * length or element count), {@code prefix} (the start of a string) and {@code error} appear when
 * known.
 *
 * @param size the value's length or element count, or -1 when not known
 * @param prefix the first characters kept of a string, or null
 * @param error what went wrong reading or writing the value, or null
 */
record Truncated(String type, String reason, long size, String prefix, String error, long jsonBytes)
        implements Snapshot {
    /** The marker's one field: grep stored runs for it. */
    static final String FIELD = "$truncated";
    /** The run's byte budget was spent. */
    static final String BUDGET = "budget";
    /** Nested deeper than the depth limit. */
    static final String DEPTH = "depth";
    /** The value contains itself: this is where it comes round again. */
    static final String CYCLE = "cycle";
    /** More elements than the element limit. */
    static final String SIZE = "size";
    /** Its fields are not open to reflection (a named module that does not open the package). */
    static final String UNREADABLE = "unreadable";
    /** Reading or writing the value threw; {@code error} says what. */
    static final String ERROR = "error";
    /** About what a marker without prefix costs as JSON. */
    static final int BYTES = 80;

    static Truncated of(Class<?> type, String reason) {
        return new Truncated(type.getTypeName(), reason, -1, null, null, BYTES);
    }

    static Truncated failed(String type, Throwable t) {
        String error = String.valueOf(t);
        if (error.length() > 1_000) {
            error = error.substring(0, 1_000) + "…";
        }
        return new Truncated(type, ERROR, -1, null, error, BYTES + error.length());
    }

    @Override
    public void write(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeFieldName(FIELD);
        json.writeStartObject();
        writeCommon(json, type, reason, size);
        if (prefix != null) {
            json.writeStringField("prefix", prefix);
        }
        if (error != null) {
            json.writeStringField("error", error);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The marker's details object, for a container that writes it after the elements it kept. */
    static void writeDetails(JsonGenerator json, String type, String reason, long size) throws IOException {
        json.writeStartObject();
        writeCommon(json, type, reason, size);
        json.writeEndObject();
    }

    static void writeCommon(JsonGenerator json, String type, String reason, long size) throws IOException {
        json.writeStringField("type", type);
        json.writeStringField("reason", reason);
        if (size >= 0) {
            json.writeNumberField("size", size);
        }
    }
}
