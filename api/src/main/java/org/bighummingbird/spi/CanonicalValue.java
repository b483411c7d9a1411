package org.bighummingbird.spi;

import java.util.Objects;

/**
 * A JSON value in canonical form: the plain Java value ({@code Map<String, Object>} with keys in
 * canonical order, {@code List<Object>}, {@code String}, {@code Integer}, {@code Long}, {@code Double},
 * {@code Boolean} or {@code null}; collections unmodifiable) and its RFC 8785 canonical JSON text.
 * Two values are equal when their canonical JSON is. Immutable.
 *
 * @param value the value as plain Java JSON
 * @param json its canonical JSON text; not null ({@code "null"} for null)
 */
public record CanonicalValue(Object value, String json) {
    /** Checks that the JSON text is there. */
    public CanonicalValue {
        Objects.requireNonNull(json, "json");
    }

    /** Equal when the canonical JSON is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalValue other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }
}
