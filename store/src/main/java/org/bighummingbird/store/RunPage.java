package org.bighummingbird.store;

import java.util.List;

/**
 * One page of runs, newest first.
 *
 * @param runs the runs of this page, at most the query's limit
 * @param nextCursor pass to {@link RunStore#page} for the page after this one; null on the last page
 */
public record RunPage(List<RunView> runs, String nextCursor) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
