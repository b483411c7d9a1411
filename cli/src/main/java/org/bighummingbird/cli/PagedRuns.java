package org.bighummingbird.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.store.RunPage;
import org.bighummingbird.store.RunQuery;
import org.bighummingbird.store.RunView;

/**
 * The newest runs up to a limit, read from the store or the server a page at a time as they are
 * printed, so {@code --limit} can be any number without holding the answer in memory.
 */
final class PagedRuns implements Iterable<RunView> {
    static final int PAGE_SIZE = 1_000;

    private final ProjectSource source;
    private final RunQuery query;
    private final long limit;
    private final RunPage first;

    PagedRuns(ProjectSource source, TagReference model, long limit) {
        this.source = source;
        this.query = new RunQuery(model, (int) Math.min(PAGE_SIZE, limit));
        this.limit = limit;
        this.first = source.runsPage(query, null);
    }

    boolean isEmpty() {
        return first.runs().isEmpty();
    }

    /** All of them in a list, for output that must see every row first (a table's column widths). */
    List<RunView> toList() {
        List<RunView> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    @Override
    public Iterator<RunView> iterator() {
        return new Iterator<>() {
            private RunPage page = first;
            private int index;
            private long returned;

            @Override
            public boolean hasNext() {
                if (returned >= limit) {
                    return false;
                }
                if (index == page.runs().size() && page.nextCursor() != null) {
                    page = source.runsPage(query, page.nextCursor());
                    index = 0;
                }
                return index < page.runs().size();
            }

            @Override
            public RunView next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                returned++;
                return page.runs().get(index++);
            }
        };
    }
}
