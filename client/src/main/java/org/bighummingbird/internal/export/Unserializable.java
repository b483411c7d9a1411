package org.bighummingbird.internal.export;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stands for a value Jackson could not serialise: recorded as its type and {@code toString()}.
 *
 * @param type the value's class name
 * @param text its {@code toString()}, or why that failed
 */
record Unserializable(@JsonProperty("$type") String type, @JsonProperty("$toString") String text) {
    static Unserializable of(Object value) {
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            text = "<toString() threw " + e.getClass().getName() + ">";
        }
        if (text.length() > Snapshots.MAX_TEXT) {
            text = text.substring(0, Snapshots.MAX_TEXT) + "…";
        }
        return new Unserializable(value.getClass().getName(), text);
    }
}
