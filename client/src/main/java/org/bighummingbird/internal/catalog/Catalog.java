package org.bighummingbird.internal.catalog;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.JudgeVersion;

/**
 * One project's versioned things other than runs (datasets and judges) on some back-end: the
 * embedded store ({@link LocalCatalog}), or later a server. Calls are synchronous, on the caller's
 * thread. Implementations are thread-safe.
 */
public interface Catalog extends AutoCloseable {
    /** Most rows one {@link #datasetRows} call returns. */
    int MAX_PAGE = 10_000;

    /** Registers a dataset version and returns its tag: the existing one when the rows are known. */
    Tag uploadDataset(DatasetUpload upload);

    /** A dataset version's header; {@code name:latest} is the highest version; empty when unknown. */
    Optional<DatasetVersionInfo> datasetVersion(TagReference tag);

    /**
     * Up to {@code limit} (at most {@link #MAX_PAGE}) rows of a version from index {@code fromIndex}
     * on, in order; empty past the end.
     */
    List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit);

    /** Registers a judge version and returns its tag: the existing one when the key is known. */
    Tag registerJudge(JudgeRegistration registration);

    /** A judge version; {@code name:latest} is the highest version; empty when unknown. */
    Optional<JudgeVersion> judgeVersion(TagReference tag);

    /** Releases what the catalog holds open; idempotent. */
    @Override
    void close();

    /** A catalog for a back-end without datasets or judges: every call but {@link #close()} says so. */
    static Catalog unavailable(String backend) {
        return new Catalog() {
            @Override
            public Tag uploadDataset(DatasetUpload upload) {
                throw missing("datasets", backend);
            }

            @Override
            public Optional<DatasetVersionInfo> datasetVersion(TagReference tag) {
                throw missing("datasets", backend);
            }

            @Override
            public List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit) {
                throw missing("datasets", backend);
            }

            @Override
            public Tag registerJudge(JudgeRegistration registration) {
                throw missing("judges", backend);
            }

            @Override
            public Optional<JudgeVersion> judgeVersion(TagReference tag) {
                throw missing("judges", backend);
            }

            @Override
            public void close() {}
        };
    }


    private static UnsupportedOperationException missing(String what, String backend) {
        return new UnsupportedOperationException(what + " are not available yet with " + backend
                + "; they work on the embedded store (BigHummingbird.local(project, home))");
    }
}
