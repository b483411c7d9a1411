package org.bighummingbird.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Items up to a limit, read from the store or the server a page at a time as they are printed, each
 * page continuing at the previous page's cursor, so {@code --limit} can be any number without holding
 * the answer in memory. The first page is read when this is made, so {@link #isEmpty()} costs nothing.
 *
 * @param <T> the item type (a run, a model version)
 */
final class CursorPages<T> implements Iterable<T> {
    static final int PAGE_SIZE = 1_000;

    /**
     * One page: its items and where the next starts.
     *
     * @param items the page's items
     * @param nextCursor the next page's cursor, or null after the last page
     */
    record Page<T>(List<T> items, String nextCursor) {}

    /** Reads up to {@code size} items after {@code cursor} (null for the first page). */
    @FunctionalInterface
    interface PageReader<T> {
        Page<T> read(String cursor, int size);
    }

    private final PageReader<T> reader;
    private final int pageSize;
    private final long limit;
    private final Page<T> first;

    /** Reads the first page at once; each page holds up to {@link #PAGE_SIZE} items. */
    CursorPages(PageReader<T> reader, long limit) {
        this(reader, limit, PAGE_SIZE);
    }

    CursorPages(PageReader<T> reader, long limit, int maxPageSize) {
        this.reader = reader;
        this.pageSize = (int) Math.min(maxPageSize, limit);
        this.limit = limit;
        this.first = reader.read(null, pageSize);
    }

    boolean isEmpty() {
        return first.items().isEmpty();
    }

    /** All of them in a list, for output that must see every row first (a table's column widths). */
    List<T> toList() {
        List<T> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page = first;
            private int index;
            private long returned;

            @Override
            public boolean hasNext() {
                if (returned >= limit) {
                    return false;
                }
                if (index == page.items().size() && page.nextCursor() != null) {
                    page = reader.read(page.nextCursor(), pageSize);
                    index = 0;
                }
                return index < page.items().size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                returned++;
                return page.items().get(index++);
            }
        };
    }
}
