package org.bighummingbird.core;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * A dataset version as a client hands it to a store or a server: name, description and rows, with
 * the content key that identifies the version. Immutable.
 *
 * <p>The content key is the lower-case hex SHA-256 of the RFC 8785 canonical JSON of the rows as one
 * array, each row an object {@code {"input":…}} or {@code {"expected":…,"input":…}}: key order and
 * number spelling do not matter, row order does. The description is not part of the key.
 */
public final class DatasetUpload {
    /** Most rows of one dataset version. */
    public static final int MAX_ROWS = 1_000_000;
    /** Longest description, in characters (code points). */
    public static final int MAX_DESCRIPTION = 10_000;

    private final String name;
    private final String description;
    private final List<DatasetRow> rows;
    private final String contentKey;

    private DatasetUpload(String name, String description, List<DatasetRow> rows) {
        this.name = Names.requireValid("dataset name", name);
        this.description = requireValidDescription(description);
        Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must not be empty: a dataset has at least one row");
        }
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("a dataset may have at most " + MAX_ROWS + " rows, got " + rows.size());
        }
        this.rows = List.copyOf(rows);
        this.contentKey = contentKey(this.rows);
    }

    /**
     * A dataset version.
     *
     * @throws InvalidName when the name breaks the naming rules
     * @throws IllegalArgumentException when the description or the number of rows is out of bounds
     */
    public static DatasetUpload of(String name, String description, List<DatasetRow> rows) {
        return new DatasetUpload(name, description, rows);
    }

    /**
     * Returns {@code description} when it is valid: not null, at most {@link #MAX_DESCRIPTION}
     * characters, no NUL (which PostgreSQL cannot store).
     *
     * @throws IllegalArgumentException naming the rule broken
     */
    public static String requireValidDescription(String description) {
        if (description == null) {
            throw new IllegalArgumentException("description must not be null; use \"\" for none");
        }
        int length = description.codePointCount(0, description.length());
        if (length > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description must be at most " + MAX_DESCRIPTION
                    + " characters, got " + length);
        }
        int nul = description.indexOf('\u0000');
        if (nul >= 0) {
            throw new IllegalArgumentException("description must not contain NUL (U+0000), found at index " + nul);
        }
        return description;
    }

    /** The content key of {@code rows}; see the class comment. */
    public static String contentKey(List<DatasetRow> rows) {
        MessageDigest digest = Hashing.sha256();
        digest.update((byte) '[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                digest.update((byte) ',');
            }
            rows.get(i).digestInto(digest);
        }
        digest.update((byte) ']');
        return Hashing.hex(digest.digest());
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
    public List<DatasetRow> rows() {
        return rows;
    }

    /** SHA-256 hex of the canonical rows: the version's identity. */
    public String contentKey() {
        return contentKey;
    }
}
