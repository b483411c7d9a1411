package org.bighummingbird.spi;

import java.nio.file.Path;
import java.util.List;
import org.bighummingbird.Dataset;

/**
 * What the API's value types need from an implementation: the naming rules, canonical JSON of row
 * values, and reading dataset files. The API holds plain Java values; the rules and the JSON live
 * behind this interface. Thread-safe.
 */
public interface Values {
    /**
     * Checks a name of a project, model, dataset or judge.
     *
     * @param what what is named, for the message ({@code "dataset name"})
     * @return the name
     * @throws IllegalArgumentException (the SDK's {@code InvalidName}) naming {@code what} and the rule broken
     */
    String requireName(String what, String name);

    /**
     * Checks a dataset's description and row count against the limits of a dataset upload.
     *
     * @throws IllegalArgumentException naming the limit broken
     */
    void requireDataset(String description, int rows);

    /**
     * The canonical form of a JSON-able value: as a plain Java JSON value and as RFC 8785 canonical
     * JSON text.
     *
     * @param field the value's role, for messages ({@code "input"}, {@code "expected"})
     * @throws IllegalArgumentException when the value is not JSON-able or breaks a limit, naming {@code field}
     */
    CanonicalValue canonical(String field, Object value);

    /**
     * Reads canonical JSON text as {@code type}.
     *
     * @throws IllegalArgumentException when the JSON does not fit {@code type}, naming {@code field}
     */
    <T> T read(String json, Class<T> type, String field);

    /**
     * Reads the rows of a JSON Lines file; see {@link Dataset#fromJsonl}.
     *
     * @throws org.bighummingbird.InvalidDatasetFile naming the file and line of the first problem
     */
    List<Dataset.Row> jsonlRows(Path file);

    /**
     * Reads the rows of a CSV file; see {@link Dataset#fromCsv}.
     *
     * @throws org.bighummingbird.InvalidDatasetFile naming the file and line of the first problem
     */
    List<Dataset.Row> csvRows(Path file);
}
