package org.bighummingbird.sdk.internal.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bighummingbird.InvalidDatasetFile;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.InvalidJson;

/** Reads a CSV file with a header into dataset rows; see {@code Dataset.fromCsv} for the rules. */
public final class CsvRows {
    private static final CsvMapper CSV = new CsvMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CsvRows() {}

    /**
     * The rows of {@code file}, in order.
     *
     * @throws InvalidDatasetFile naming the file and line of the first problem
     */
    public static List<DatasetRow> read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            MappingIterator<String[]> records = CSV.readerFor(String[].class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                    .readValues(reader);
            return read(file, records);
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetFile(file + " is not UTF-8 text: " + e, e);
        } catch (NoSuchFileException e) {
            throw new InvalidDatasetFile("no such file: " + file, e);
        } catch (IOException e) {
            throw new InvalidDatasetFile("cannot read " + file + ": " + e, e);
        }
    }

    private static List<DatasetRow> read(Path file, MappingIterator<String[]> records) throws IOException {
        int line = 1;
        try {
            if (!records.hasNextValue()) {
                throw new InvalidDatasetFile(file + " is empty: a CSV dataset starts with a header line", null);
            }
            Header header = Header.of(file, records.nextValue());
            List<DatasetRow> rows = new ArrayList<>();
            line = nextLine(records);
            while (records.hasNextValue()) {
                String[] fields = records.nextValue();
                if (fields.length != header.names.length) {
                    throw problem(file, line, "has " + fields.length + " field" + (fields.length == 1 ? "" : "s")
                            + " but the header has " + header.names.length, null);
                }
                if (rows.size() == DatasetUpload.MAX_ROWS) {
                    throw problem(file, line, "a dataset may have at most " + DatasetUpload.MAX_ROWS + " rows", null);
                }
                try {
                    rows.add(header.row(fields));
                } catch (InvalidJson e) {
                    throw problem(file, line, e.getMessage(), e);
                }
                line = nextLine(records);
            }
            if (rows.isEmpty()) {
                throw new InvalidDatasetFile(file + " has a header but no rows", null);
            }
            return rows;
        } catch (RuntimeJsonMappingException e) {
            throw problem(file, line, "is not CSV: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw problem(file, at(e.getLocation(), line), "is not CSV: " + e.getOriginalMessage(), e);
        }
    }

    /** Where the next record starts: the line after the current position once the line end is consumed. */
    private static int nextLine(MappingIterator<String[]> records) {
        JsonLocation location = records.getCurrentLocation();
        return location == null ? -1 : location.getLineNr() + (location.getColumnNr() > 1 ? 1 : 0);
    }

    private static int at(JsonLocation location, int fallback) {
        return location == null || location.getLineNr() < 1 ? fallback : location.getLineNr();
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static InvalidDatasetFile problem(Path file, int line, String message, Throwable cause) {
        return new InvalidDatasetFile(file + ":" + line + ": " + message, cause);
    }

    /** The header line and what it says about the rows' shape. */
    private static final class Header {
        final String[] names;
        final int input;
        final int expected;

        private Header(String[] names, int input, int expected) {
            this.names = names;
            this.input = input;
            this.expected = expected;
        }

        static Header of(Path file, String[] names) {
            Set<String> seen = new HashSet<>();
            int input = -1;
            int expected = -1;
            for (int i = 0; i < names.length; i++) {
                if (names[i].isEmpty()) {
                    throw problem(file, 1, "header column " + (i + 1) + " has no name", null);
                }
                if (!seen.add(names[i])) {
                    throw problem(file, 1, "header names column \"" + names[i] + "\" twice", null);
                }
                if (names[i].equals("input")) {
                    input = i;
                } else if (names[i].equals("expected")) {
                    expected = i;
                }
            }
            if (input < 0 && names.length == (expected >= 0 ? 1 : 0)) {
                throw problem(file, 1, "header has no column for the input: name one input, or give other columns",
                        null);
            }
            if (input >= 0 && names.length > (expected >= 0 ? 2 : 1)) {
                throw problem(file, 1, "with an input column the only other column may be expected, but the"
                        + " header is " + String.join(",", names), null);
            }
            return new Header(names, input, expected);
        }

        DatasetRow row(String[] fields) {
            TextNode expectedValue = expected >= 0 ? NODES.textNode(fields[expected]) : null;
            if (input >= 0) {
                return DatasetRow.of(NODES.textNode(fields[input]), expectedValue);
            }
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < names.length; i++) {
                if (i != expected) {
                    object.put(names[i], fields[i]);
                }
            }
            return DatasetRow.of(object, expectedValue);
        }
    }
}
