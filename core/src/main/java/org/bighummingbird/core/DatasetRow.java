package org.bighummingbird.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * One dataset row as canonical JSON (RFC 8785, see {@link CanonicalJson}): an input value and,
 * optionally, the expected value. Only the factories make rows, so a row's text is always canonical
 * and two rows that mean the same JSON are equal. Immutable.
 */
public final class DatasetRow {
    /** Most bytes of a row: the UTF-8 of its canonical input and expected value together, 1 MiB. */
    public static final int MAX_BYTES = 1 << 20;

    private final String inputJson;
    private final String expectedJson;

    private DatasetRow(String inputJson, String expectedJson) {
        this.inputJson = inputJson;
        this.expectedJson = expectedJson;
        long bytes = utf8Length(inputJson) + (expectedJson == null ? 0 : utf8Length(expectedJson));
        if (bytes > MAX_BYTES) {
            throw new InvalidJson("a dataset row may hold at most " + MAX_BYTES + " bytes of JSON (1 MiB), this one has "
                    + bytes);
        }
    }

    /**
     * A row of {@code input} and, unless it is null, {@code expected}. A Java null for
     * {@code expected} means the row has no expected value; a JSON null node means the expected
     * value is null.
     *
     * @throws InvalidJson when a value has no canonical form or the row is over {@link #MAX_BYTES}
     */
    public static DatasetRow of(JsonNode input, JsonNode expected) {
        Objects.requireNonNull(input, "input");
        return new DatasetRow(canonical("input", input), expected == null ? null : canonical("expected", expected));
    }

    /**
     * A row from JSON texts (a server reading an upload, a store reading its rows back), made
     * canonical; {@code expectedJson} null means no expected value.
     *
     * @throws InvalidJson when a text is not one JSON value or has no canonical form
     */
    public static DatasetRow parse(String inputJson, String expectedJson) {
        return of(parseNamed("input", inputJson), expectedJson == null ? null : parseNamed("expected", expectedJson));
    }

    private static String canonical(String what, JsonNode node) {
        try {
            return CanonicalJson.write(node);
        } catch (InvalidJson e) {
            throw new InvalidJson(what + " " + e.getMessage(), e);
        }
    }

    private static JsonNode parseNamed(String what, String json) {
        try {
            return CanonicalJson.parse(json);
        } catch (InvalidJson e) {
            throw new InvalidJson(what + " is " + e.getMessage(), e);
        }
    }

    /** The input's canonical JSON. */
    public String inputJson() {
        return inputJson;
    }

    /** The expected value's canonical JSON, or null when the row has none. */
    public String expectedJson() {
        return expectedJson;
    }

    /** Whether the row has an expected value (which may be JSON null). */
    public boolean hasExpected() {
        return expectedJson != null;
    }

    /**
     * The row as one canonical JSON object, {@code {"expected":…,"input":…}} or {@code {"input":…}}:
     * what a dataset's content key hashes.
     */
    public String canonicalJson() {
        return expectedJson == null ? "{\"input\":" + inputJson + "}"
                : "{\"expected\":" + expectedJson + ",\"input\":" + inputJson + "}";
    }

    void digestInto(MessageDigest digest) {
        if (expectedJson != null) {
            digest.update(EXPECTED_PREFIX);
            digest.update(expectedJson.getBytes(StandardCharsets.UTF_8));
            digest.update(INPUT_AFTER_EXPECTED);
        } else {
            digest.update(INPUT_PREFIX);
        }
        digest.update(inputJson.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '}');
    }

    private static final byte[] EXPECTED_PREFIX = "{\"expected\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INPUT_AFTER_EXPECTED = ",\"input\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INPUT_PREFIX = "{\"input\":".getBytes(StandardCharsets.UTF_8);

    /** UTF-8 length of a string without encoding it (canonical text has no unpaired surrogates). */
    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetRow other && inputJson.equals(other.inputJson)
                && Objects.equals(expectedJson, other.expectedJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputJson, expectedJson);
    }

    @Override
    public String toString() {
        return canonicalJson();
    }
}
