package org.bighummingbird.sdk.internal.export;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stands for a value recorded as its type and {@code toString()}: a JDK object that is neither a
 * scalar nor a container, or an object with no fields to read ({@link Described}).
 *
 * @param type the value's class name
 * @param text its {@code toString()}, or why that failed
 */
record Unserializable(@JsonProperty("$type") String type, @JsonProperty("$toString") String text) {
    static Unserializable of(Object value) {
        return of(value, Snapshots.MAX_TEXT);
    }

    /** The value's type and at most {@code maxChars} characters of its {@code toString()}. */
    static Unserializable of(Object value, int maxChars) {
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            text = "<toString() threw " + e.getClass().getName() + ">";
        }
        if (text.length() > maxChars) {
            text = text.substring(0, maxChars) + "…";
        }
        return new Unserializable(value.getClass().getName(), text);
    }
}
