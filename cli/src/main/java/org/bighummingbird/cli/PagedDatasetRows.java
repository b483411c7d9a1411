package org.bighummingbird.cli;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bighummingbird.core.Tag;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * A dataset version's rows from the first up to a limit, read a page at a time as they are printed,
 * so {@code --limit} can be any number without holding the rows in memory.
 */
final class PagedDatasetRows implements Iterable<DatasetRowView> {
    static final int PAGE_SIZE = 1_000;

    private final Store store;
    private final ProjectRef project;
    private final Tag tag;
    private final long limit;

    PagedDatasetRows(Store store, ProjectRef project, Tag tag, long limit) {
        this.store = store;
        this.project = project;
        this.tag = tag;
        this.limit = limit;
    }

    @Override
    public Iterator<DatasetRowView> iterator() {
        return new Iterator<>() {
            private List<DatasetRowView> page = List.of();
            private int index;
            private long returned;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (returned >= limit || exhausted) {
                    return false;
                }
                if (index == page.size()) {
                    int from = page.isEmpty() ? 0 : page.get(page.size() - 1).index() + 1;
                    page = store.datasetRows(project, tag, from, (int) Math.min(PAGE_SIZE, limit - returned));
                    index = 0;
                    exhausted = page.isEmpty();
                }
                return !exhausted;
            }

            @Override
            public DatasetRowView next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                returned++;
                return page.get(index++);
            }
        };
    }
}
