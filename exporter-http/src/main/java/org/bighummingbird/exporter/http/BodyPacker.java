package org.bighummingbird.exporter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs JSON values into request bodies {@code {"<field>":[value, …]}} the server takes: at most
 * {@code maxItems} values and {@code maxBytes} bytes each, except that a value larger than that
 * travels alone (and the server refuses it if it is over its own limit). Not thread-safe.
 */
final class BodyPacker {
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.US_ASCII);

    /**
     * One request body and how many values it holds.
     *
     * @param json the body
     * @param items the number of values in it
     */
    record Body(byte[] json, int items) {}

    private final byte[] head;
    private final int maxItems;
    private final int maxBytes;
    private final List<Body> bodies = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int items;

    BodyPacker(String field, int maxItems, int maxBytes) {
        this.head = ("{\"" + field + "\":[").getBytes(StandardCharsets.US_ASCII);
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
    }

    /** Adds one JSON value, closing the body so far first when the value would not fit in it. */
    void add(ByteArrayOutputStream value) {
        if (items > 0 && (items == maxItems || body.size() + 1 + value.size() + TAIL.length > maxBytes)) {
            close();
        }
        if (items == 0) {
            body.writeBytes(head);
        } else {
            body.write(',');
        }
        try {
            value.writeTo(body);
        } catch (IOException e) {
            throw new UncheckedIOException("copying bytes in memory cannot fail", e);
        }
        items++;
    }

    /** The bodies, the last one closed. */
    List<Body> bodies() {
        if (items > 0) {
            close();
        }
        return bodies;
    }

    private void close() {
        body.writeBytes(TAIL);
        bodies.add(new Body(body.toByteArray(), items));
        body.reset();
        items = 0;
    }
}
