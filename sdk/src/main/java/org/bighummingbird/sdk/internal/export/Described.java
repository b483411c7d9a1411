package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * An object with no fields to read (a lambda, a stateless strategy, an exception), recorded as
 * {@code {"$type": …, "$toString": …}}. Its {@code toString()} is user code, so it runs on the
 * exporter's thread when the run is written, not on the caller's; whatever it throws is recorded
 * in its place.
 *
 * @param value the object, held until the run is written
 * @param maxChars the most characters of {@code toString()} kept
 */
record Described(Object value, int maxChars, long jsonBytes) implements Snapshot {
    @Override
    public void write(JsonGenerator json) throws IOException {
        Unserializable u = Unserializable.of(value, maxChars);
        json.writeStartObject();
        json.writeStringField("$type", u.type());
        json.writeStringField("$toString", u.text());
        json.writeEndObject();
    }
}
