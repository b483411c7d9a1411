package org.bighummingbird;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.internal.catalog.Catalog;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetVersionInfo;

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
        return catalog.uploadDataset(dataset.toUpload()).toString();
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
                rows.add(new Dataset.Row(DatasetRow.parse(row.inputJson(), row.expectedJson())));
            }
        }
        return Dataset.restore(version.tag().name(), version.description(), rows);
    }
}
