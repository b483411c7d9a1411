package org.bighummingbird;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bighummingbird.spi.CanonicalValue;
import org.bighummingbird.spi.Values;

/**
 * A dataset: a name, a description and ordered rows, each an input value and optionally the value
 * expected for it. Upload it with {@link BigHummingbird#uploadDataset(Dataset)} to get its tag.
 *
 * <pre>{@code
 * var ds = Dataset.of("questions", "Customer questions", List.of(
 *         "How do I reset my password?",                          // a row: any JSON-able value
 *         Dataset.Row.of(Map.of("a", 1, "b", 2), 3)));            // a row with an expected value
 * String tag = bhb.uploadDataset(ds);                              // "questions:v1"
 * }</pre>
 *
 * <p>Rows are JSON: a row value may be anything the SDK's Jackson configuration serialises (records,
 * maps, lists, strings, numbers, booleans, null, java.time values). Each value is turned into RFC 8785
 * canonical JSON when the row is made, so a dataset is an immutable snapshot, and the version's
 * identity does not depend on map key order or number spelling ({@code 1.0} is {@code 1}). Row order
 * matters. The description is not part of the identity: uploading the same rows with another
 * description gives the existing tag, whose description stays the first one.
 *
 * <p>Limits: 1 to 1,000,000 rows; a row's canonical JSON at most 1 MiB; numbers finite, integers
 * within ±2^53 (larger ones must be strings); a description of at most 10,000 characters without
 * NUL; a name as for models. Every factory checks them at once (the implementation holds the rules
 * and the JSON, see {@link org.bighummingbird.spi.Values}). Immutable and thread-safe.
 */
public final class Dataset {
    private final String name;
    private final String description;
    private final List<Row> rows;

    private Dataset(String name, String description, List<Row> rows) {
        Values values = values();
        this.name = values.requireName("dataset name", name);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must not be empty: a dataset has at least one row");
        }
        values.requireDataset(description, rows.size());
        this.description = description;
        this.rows = Collections.unmodifiableList(rows);
    }

    private static Values values() {
        return Implementation.provider().values();
    }

    /**
     * A dataset of {@code rows}, in order. An element that is a {@link Row} is taken as it is; any
     * other element (null included) is a row whose input is that value, without an expected value.
     *
     * @param name 1–200 letters, digits, spaces and {@code _ - .}
     * @param description free text, {@code ""} for none; not null
     * @throws RuntimeException (bhb-sdk: {@code InvalidName}) when the name is not valid
     * @throws IllegalArgumentException naming the row ({@code rows[3]}) or the parameter that is
     *     not acceptable, and why
     */
    public static Dataset of(String name, String description, List<?> rows) {
        Values values = values();
        values.requireName("dataset name", name);
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        values.requireDataset(description, rows.size());
        List<Row> out = new ArrayList<>(rows.size());
        int i = 0;
        for (Object value : rows) {
            try {
                out.add(value instanceof Row row ? row : Row.of(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rows[" + i + "]: " + e.getMessage(), e);
            }
            i++;
        }
        return new Dataset(name, description, out);
    }

    /**
     * A dataset read from a JSON Lines file (UTF-8, one JSON value per line). A line holding an
     * object whose only members are {@code input} and optionally {@code expected} is a row with
     * that input and expected value; any other value is a row whose input is the whole value. Blank
     * lines are skipped; a byte order mark and CRLF line ends are accepted; duplicate member names
     * are an error; a line may be at most 8 Mi characters.
     *
     * @throws InvalidDatasetFile naming the file and line of the first problem, or saying the file
     *     has no rows or cannot be read
     * @throws IllegalArgumentException when the name or description is not valid
     */
    public static Dataset fromJsonl(String name, String description, Path file) {
        return fromFile(name, description, values().jsonlRows(file));
    }

    /**
     * A dataset read from a CSV file (RFC 4180, UTF-8, first line the header; a byte order mark,
     * CRLF or LF line ends and quoted fields with commas, quotes and line breaks are accepted; empty
     * lines are skipped). Values are strings. With an {@code input} column, each row's input is that
     * column and its expected value the {@code expected} column when there is one; no other column
     * is allowed then. Without an {@code input} column, each row's input is an object of the other
     * columns by header name, and the expected value again the {@code expected} column if present.
     *
     * @throws InvalidDatasetFile naming the file and line of the first problem (a row with more or
     *     fewer fields than the header, an unclosed quote, a duplicate column), or saying the file
     *     has no header or no rows
     * @throws IllegalArgumentException when the name or description is not valid
     */
    public static Dataset fromCsv(String name, String description, Path file) {
        return fromFile(name, description, values().csvRows(file));
    }

    private static Dataset fromFile(String name, String description, List<Row> rows) {
        return new Dataset(name, description, new ArrayList<>(rows));
    }

    /** The dataset's name. */
    public String name() {
        return name;
    }

    /** The description; {@code ""} for none. */
    public String description() {
        return description;
    }

    /** The rows, in order; unmodifiable. */
    public List<Row> rows() {
        return rows;
    }

    /** How many rows. */
    public int size() {
        return rows.size();
    }

    /** Equal when name, description and rows (as canonical JSON) are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset other && name.equals(other.name) && description.equals(other.description)
                && rows.equals(other.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, rows);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + rows.size() + " rows]";
    }

    /**
     * One row: an input value and, optionally, the value expected for it, held as canonical JSON.
     * Values come back as plain Java JSON values: {@code Map<String, Object>} (unmodifiable, keys in
     * canonical order), {@code List<Object>}, {@code String}, {@code Integer}, {@code Long} or
     * {@code Double}, {@code Boolean} and {@code null}; or as any type with {@link #inputAs(Class)}.
     * Immutable.
     */
    public static final class Row {
        private final CanonicalValue input;
        private final CanonicalValue expected;

        private Row(CanonicalValue input, CanonicalValue expected) {
            this.input = input;
            this.expected = expected;
        }

        /**
         * A row of {@code input} without an expected value.
         *
         * @throws IllegalArgumentException when the value is not JSON-able or breaks a limit
         */
        public static Row of(Object input) {
            return new Row(values().canonical("input", input), null);
        }

        /**
         * A row of {@code input} and the value {@code expected} for it (which may be null: an
         * expected null).
         *
         * @throws IllegalArgumentException when a value is not JSON-able or breaks a limit
         */
        public static Row of(Object input, Object expected) {
            Values values = values();
            return new Row(values.canonical("input", input), values.canonical("expected", expected));
        }

        /** The input as a plain Java JSON value. */
        public Object input() {
            return input.value();
        }

        /** The expected value as a plain Java JSON value; null when there is none (see {@link #hasExpected()}). */
        public Object expected() {
            return expected == null ? null : expected.value();
        }

        /** Whether the row has an expected value (which may itself be null). */
        public boolean hasExpected() {
            return expected != null;
        }

        /** The input's canonical JSON text. */
        public String inputJson() {
            return input.json();
        }

        /** The expected value's canonical JSON text, or null when the row has none. */
        public String expectedJson() {
            return expected == null ? null : expected.json();
        }

        /**
         * The input read as {@code type} with the SDK's Jackson configuration (a record, a map, …).
         *
         * @throws IllegalArgumentException when the input does not fit {@code type}
         */
        public <T> T inputAs(Class<T> type) {
            return values().read(input.json(), type, "input");
        }

        /**
         * The expected value read as {@code type}; see {@link #inputAs(Class)}.
         *
         * @throws IllegalStateException when the row has no expected value
         */
        public <T> T expectedAs(Class<T> type) {
            if (expected == null) {
                throw new IllegalStateException("the row has no expected value");
            }
            return values().read(expected.json(), type, "expected");
        }

        /** Equal when input and expected value are the same JSON. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Row other && input.equals(other.input) && Objects.equals(expected, other.expected);
        }

        @Override
        public int hashCode() {
            return Objects.hash(input, expected);
        }

        /** The row as canonical JSON, {@code {"input":…}} or {@code {"expected":…,"input":…}}. */
        @Override
        public String toString() {
            // canonical: members in code-point order, so "expected" before "input"
            return expected == null ? "{\"input\":" + input.json() + "}"
                    : "{\"expected\":" + expected.json() + ",\"input\":" + input.json() + "}";
        }
    }
}
