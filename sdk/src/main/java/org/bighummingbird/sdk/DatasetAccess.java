package org.bighummingbird.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bighummingbird.Dataset;
import org.bighummingbird.NoSuchDataset;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.spi.catalog.DatasetRowView;
import org.bighummingbird.sdk.spi.catalog.DatasetVersionInfo;

/**
 * {@link BigHummingbird}'s dataset calls over its project's {@link Catalog}, which BigHummingbird
 * closes. Thread-safe.
 */
final class DatasetAccess {
    private static final int PAGE = 1_000;

    private final String project;
    private final Catalog catalog;

    DatasetAccess(String project, Catalog catalog) {
        this.project = project;
        this.catalog = catalog;
    }

    String upload(Dataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return catalog.uploadDataset(toUpload(dataset)).toString();
    }

    Dataset fetch(String tag) {
        TagReference ref = TagReference.parse(tag);
        DatasetVersionInfo version = catalog.datasetVersion(ref).orElseThrow(() -> new NoSuchDataset(
                "no dataset version " + ref + " in project \"" + project + "\""));
        List<Dataset.Row> rows = new ArrayList<>(version.rowCount());
        while (rows.size() < version.rowCount()) {
            List<DatasetRowView> page = catalog.datasetRows(version.tag(), rows.size(), PAGE);
            if (page.isEmpty()) {
                throw new IllegalStateException("dataset version " + version.tag() + " should have "
                        + version.rowCount() + " rows but the store has " + rows.size());
            }
            for (DatasetRowView row : page) {
                rows.add(SdkValues.row(row.inputJson(), row.expectedJson()));
            }
        }
        return Dataset.of(version.tag().name(), version.description(), rows);
    }

    /** The dataset as an upload: its rows' canonical JSON, checked against the row limits once more. */
    static DatasetUpload toUpload(Dataset dataset) {
        List<DatasetRow> rows = new ArrayList<>(dataset.size());
        for (Dataset.Row row : dataset.rows()) {
            rows.add(DatasetRow.parse(row.inputJson(), row.expectedJson()));
        }
        return DatasetUpload.of(dataset.name(), dataset.description(), rows);
    }
}
