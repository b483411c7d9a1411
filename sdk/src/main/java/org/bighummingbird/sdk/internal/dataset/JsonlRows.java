package org.bighummingbird.sdk.internal.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.InvalidDatasetFile;
import org.bighummingbird.core.CanonicalJson;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.InvalidJson;

/** Reads a JSON Lines file into dataset rows; see {@code Dataset.fromJsonl} for the rules. */
public final class JsonlRows {
    /** Longest line read, in characters: room for a 1 MiB row with generous whitespace. */
    public static final int MAX_LINE_CHARS = 8 << 20;

    private JsonlRows() {}

    /**
     * The rows of {@code file}, in order.
     *
     * @throws InvalidDatasetFile naming the file and line of the first problem
     */
    public static List<DatasetRow> read(Path file) {
        List<DatasetRow> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(reader, MAX_LINE_CHARS);
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                if (rows.size() == DatasetUpload.MAX_ROWS) {
                    throw problem(file, lines.number(), "a dataset may have at most " + DatasetUpload.MAX_ROWS
                            + " rows", null);
                }
                try {
                    rows.add(row(CanonicalJson.parse(line)));
                } catch (InvalidJson e) {
                    throw problem(file, lines.number(), e.getMessage(), e);
                }
            }
        } catch (BoundedLines.LineTooLong e) {
            throw new InvalidDatasetFile(file + ": " + e.getMessage(), e);
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetFile(file + " is not UTF-8 text: " + e, e);
        } catch (NoSuchFileException e) {
            throw new InvalidDatasetFile("no such file: " + file, e);
        } catch (IOException e) {
            throw new InvalidDatasetFile("cannot read " + file + ": " + e, e);
        }
        if (rows.isEmpty()) {
            throw new InvalidDatasetFile(file + " has no rows: every line is blank", null);
        }
        return rows;
    }

    /** {@code {"input": …}} or {@code {"input": …, "expected": …}} is an input/expected row; anything else is an input. */
    static DatasetRow row(JsonNode value) {
        if (value.isObject() && value.has("input") && value.size() <= 2 && (value.size() == 1 || value.has("expected"))) {
            return DatasetRow.of(value.get("input"), value.get("expected"));
        }
        return DatasetRow.of(value, null);
    }

    private static InvalidDatasetFile problem(Path file, int line, String message, Throwable cause) {
        return new InvalidDatasetFile(file + ":" + line + ": " + message, cause);
    }
}
