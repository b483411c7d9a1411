package org.bighummingbird.cli;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bighummingbird.store.EvaluationRowView;

/** An evaluation's rows from the first up to a limit, read a page at a time as they are printed. */
final class PagedEvaluationRows implements Iterable<EvaluationRowView> {
    static final int PAGE_SIZE = 1_000;

    private final ProjectSource source;
    private final String id;
    private final long limit;

    PagedEvaluationRows(ProjectSource source, String id, long limit) {
        this.source = source;
        this.id = id;
        this.limit = limit;
    }

    @Override
    public Iterator<EvaluationRowView> iterator() {
        return new Iterator<>() {
            private List<EvaluationRowView> page = List.of();
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
                    page = source.evaluationRows(id, from, (int) Math.min(PAGE_SIZE, limit - returned));
                    index = 0;
                    exhausted = page.isEmpty();
                }
                return !exhausted;
            }

            @Override
            public EvaluationRowView next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                returned++;
                return page.get(index++);
            }
        };
    }
}
