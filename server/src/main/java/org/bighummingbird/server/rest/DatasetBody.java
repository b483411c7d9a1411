package org.bighummingbird.server.rest;

import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.InvalidJson;

/**
 * The body of {@code POST …/datasets}: {@code {"name", "description", "rows": [{"inputJson",
 * "expectedJson"}, …]}}, the values as strings holding JSON (as a run's are). There is no key: the
 * server makes each row canonical and computes the content key itself ({@link DatasetUpload}).
 */
record DatasetBody(String name, String description, List<Row> rows) {

    /** One row as sent; {@code expectedJson} absent (or null) means the row has no expected value. */
    record Row(String inputJson, String expectedJson) {
        DatasetRow validated(String at) {
            String input = Fields.json(at + "inputJson", inputJson);
            String expected = Fields.optionalJson(at + "expectedJson", expectedJson);
            try {
                return DatasetRow.parse(input, expected);
            } catch (InvalidJson e) {
                throw Fields.invalid(at + e.getMessage());
            }
        }
    }

    /** The upload, once every field and row is checked; its content key is the server's own. */
    DatasetUpload validated() {
        String checkedName = Fields.name("name", name);
        String checkedDescription = Fields.required("description", description, Integer.MAX_VALUE);
        if (rows == null) {
            throw Fields.invalid("rows is required");
        }
        if (rows.size() > DatasetUpload.MAX_ROWS) {
            throw Fields.invalid("a dataset may have at most " + DatasetUpload.MAX_ROWS + " rows, got " + rows.size());
        }
        List<DatasetRow> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row == null) {
                throw Fields.invalid("rows[" + i + "] must be an object, got null");
            }
            checked.add(row.validated("rows[" + i + "]."));
        }
        try {
            return DatasetUpload.of(checkedName, checkedDescription, checked);
        } catch (IllegalArgumentException e) {
            throw Fields.invalid(e.getMessage());
        }
    }
}
