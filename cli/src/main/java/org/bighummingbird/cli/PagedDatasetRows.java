package org.bighummingbird.cli;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bighummingbird.core.Tag;
import org.bighummingbird.store.DatasetRowView;

/**
 * A dataset version's rows from the first up to a limit, read from the store or the server a page at a time as they are printed,
 * so {@code --limit} can be any number without holding the rows in memory.
 */
final class PagedDatasetRows implements Iterable<DatasetRowView> {
    static final int PAGE_SIZE = 1_000;

    private final ProjectSource source;
    private final Tag tag;
    private final long limit;

    /** @param tag a resolved tag (never {@code name:latest}), so pages never mix versions */
    PagedDatasetRows(ProjectSource source, Tag tag, long limit) {
        this.source = source;
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
                    page = source.datasetRows(tag, from, (int) Math.min(PAGE_SIZE, limit - returned));
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
