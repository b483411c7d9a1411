package org.bighummingbird.cli;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.ToIntFunction;

/**
 * Indexed rows (a dataset version's, an evaluation's) from the first up to a limit, read from the
 * store or the server a page at a time as they are printed, so {@code --limit} can be any number
 * without holding the rows in memory. Each page starts after the last row's index.
 *
 * @param <T> the row type
 */
final class IndexedPages<T> implements Iterable<T> {
    static final int PAGE_SIZE = 1_000;

    /** Reads up to {@code limit} rows whose index is {@code from} or more, in order. */
    @FunctionalInterface
    interface PageReader<T> {
        List<T> read(int from, int limit);
    }

    private final PageReader<T> reader;
    private final ToIntFunction<T> indexOf;
    private final long limit;

    IndexedPages(PageReader<T> reader, ToIntFunction<T> indexOf, long limit) {
        this.reader = reader;
        this.indexOf = indexOf;
        this.limit = limit;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private List<T> page = List.of();
            private int index;
            private long returned;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (returned >= limit || exhausted) {
                    return false;
                }
                if (index == page.size()) {
                    int from = page.isEmpty() ? 0 : indexOf.applyAsInt(page.get(page.size() - 1)) + 1;
                    page = reader.read(from, (int) Math.min(PAGE_SIZE, limit - returned));
                    index = 0;
                    exhausted = page.isEmpty();
                }
                return !exhausted;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                returned++;
                return page.get(index++);
            }
        };
    }
}
