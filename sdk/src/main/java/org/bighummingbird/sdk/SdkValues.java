package org.bighummingbird.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.Dataset;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.InvalidJson;
import org.bighummingbird.core.Names;
import org.bighummingbird.sdk.internal.dataset.CsvRows;
import org.bighummingbird.sdk.internal.dataset.JsonValues;
import org.bighummingbird.sdk.internal.dataset.JsonlRows;
import org.bighummingbird.spi.CanonicalValue;
import org.bighummingbird.spi.Values;

/**
 * The API's value rules on the SDK: the naming rules of {@link Names}, dataset limits of
 * {@link DatasetUpload}, and RFC 8785 canonical JSON of row values through the SDK's Jackson
 * configuration. Stateless and thread-safe.
 */
final class SdkValues implements Values {
    @Override
    public String requireName(String what, String name) {
        return Names.requireValid(what, name);
    }

    @Override
    public void requireDataset(String description, int rows) {
        DatasetUpload.requireValidDescription(description);
        if (rows > DatasetUpload.MAX_ROWS) {
            throw new IllegalArgumentException("a dataset may have at most " + DatasetUpload.MAX_ROWS
                    + " rows, got " + rows);
        }
    }

    @Override
    public CanonicalValue canonical(String field, Object value) {
        JsonNode tree = JsonValues.toTree(field, value);
        String json;
        try {
            // a row of the value alone: the row's size limit holds for each value, and messages name the field
            json = "expected".equals(field) ? DatasetRow.of(NullNode.instance, tree).expectedJson()
                    : DatasetRow.of(tree, null).inputJson();
        } catch (InvalidJson e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new CanonicalValue(JsonValues.toJava(json), json);
    }

    @Override
    public <T> T read(String json, Class<T> type, String field) {
        return JsonValues.read(json, type, field);
    }

    @Override
    public List<Dataset.Row> jsonlRows(Path file) {
        return rows(JsonlRows.read(file));
    }

    @Override
    public List<Dataset.Row> csvRows(Path file) {
        return rows(CsvRows.read(file));
    }

    private static List<Dataset.Row> rows(List<DatasetRow> rows) {
        List<Dataset.Row> out = new ArrayList<>(rows.size());
        for (DatasetRow row : rows) {
            out.add(row(row.inputJson(), row.expectedJson()));
        }
        return out;
    }

    /** A row of the API from canonical JSON texts (a stored row, a row read from a file); null: no expected value. */
    static Dataset.Row row(String inputJson, String expectedJson) {
        Object input = JsonValues.toJava(inputJson);
        return expectedJson == null ? Dataset.Row.of(input) : Dataset.Row.of(input, JsonValues.toJava(expectedJson));
    }
}
