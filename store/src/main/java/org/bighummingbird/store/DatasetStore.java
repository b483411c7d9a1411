package org.bighummingbird.store;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;

/** The store's dataset versions and their rows: {@link Store#datasets()}. Thread-safe. */
public final class DatasetStore {
    /** Most rows {@link #rows} returns in one page. */
    public static final int MAX_PAGE = 10_000;

    private final Datasets datasets;
    private final StoreCalls calls;

    DatasetStore(Database db, StoreCalls calls) {
        this.datasets = new Datasets(db);
        this.calls = calls;
    }

    /**
     * Registers a dataset version: the existing tag when the dataset has these rows (by content key)
     * already, and then nothing is written and the first upload's description stays; else the next
     * version number, its rows written in the same transaction, so no reader sees half a version.
     * Atomic with any number of concurrent uploaders in any number of processes.
     */
    public RegisteredDataset register(ProjectRef project, DatasetUpload upload) {
        return calls.call(() -> datasets.register(project, upload));
    }

    /** Every version of every dataset in the project, by name then version; rows not included. */
    public List<DatasetVersionInfo> list(ProjectRef project) {
        return calls.call(() -> datasets.list(project));
    }

    /** One dataset version's header; {@code name:latest} is the highest version. */
    public Optional<DatasetVersionInfo> find(ProjectRef project, TagReference tag) {
        return calls.call(() -> datasets.version(project, tag));
    }

    /**
     * A page of a dataset version's rows, in order, from index {@code fromIndex} (0 for the first
     * row; the next page starts at the last row's index + 1). Each page costs the same however deep.
     * Takes a {@link Tag}, not {@code name:latest}: resolve that once with {@link #find}, so that
     * every page comes from the same version.
     *
     * @param limit 1 to {@link #MAX_PAGE}
     * @return up to {@code limit} rows; empty past the last row
     * @throws NotFound when the project has no such dataset version
     */
    public List<DatasetRowView> rows(ProjectRef project, Tag tag, int fromIndex, int limit) {
        if (fromIndex < 0) {
            throw new IllegalArgumentException("fromIndex must not be negative, got " + fromIndex);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", got " + limit);
        }
        return calls.call(() -> datasets.rows(project, tag, fromIndex, limit));
    }
}
