package org.bighummingbird.store;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.RunRecord;

/**
 * The store's runs, written in batches and read in pages: {@link Store#runs()}. Thread-safe.
 */
public final class RunStore {
    private final Database db;
    private final RunWriter writer;
    private final Queries queries;
    private final StoreCalls calls;

    RunStore(Database db, VersionRegistry versions, Queries queries, StoreCalls calls) {
        this.db = db;
        this.writer = new RunWriter(db, versions);
        this.queries = queries;
        this.calls = calls;
    }

    /**
     * Stores runs whose versions are registered, in one transaction, ignoring ids already stored.
     *
     * @return how many runs were new
     * @throws NotFound when a run names a version key that was never registered; nothing is stored then
     */
    public int insert(ProjectRef project, List<RunRecord> runs) {
        return calls.call(() -> writer.insert(project, runs));
    }

    /** The first page of the project's runs matching the query, newest first. */
    public List<RunView> list(ProjectRef project, RunQuery query) {
        return page(project, query, null).runs();
    }

    /**
     * A page of the project's runs matching the query, newest first (by start time, then id).
     * Paging with each page's {@link RunPage#nextCursor()} returns every matching run exactly once,
     * in order; runs stored meanwhile appear only if they sort after the cursor.
     *
     * @param cursor the previous page's {@code nextCursor}, or null for the first page
     * @throws IllegalArgumentException when the cursor is not one this store made
     */
    public RunPage page(ProjectRef project, RunQuery query, String cursor) {
        RunCursor after = RunCursor.decode(cursor);
        return calls.call(() -> queries.runsPage(project, query, after));
    }

    /** How many runs the project holds. */
    public long count(ProjectRef project) {
        return calls.call(() -> queries.countRuns(project));
    }

    /** The judge's verdict on a run of a model traced in assess mode; empty for any other run. */
    public Optional<RunAssessment> assessment(ProjectRef project, String runId) {
        return calls.call(() -> db.read(c -> RunAssessments.read(c, project.id(), runId)));
    }
}
