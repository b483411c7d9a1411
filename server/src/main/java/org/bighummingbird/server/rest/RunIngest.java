package org.bighummingbird.server.rest;

import io.javalin.http.Context;
import java.util.List;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.store.NotFound;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * {@code POST …/runs}: a batch is checked whole before anything is stored, then stored in one
 * transaction; the answer comes after the commit. A run naming an unregistered version fails the
 * batch (422) with nothing stored. Idempotent by run id.
 */
final class RunIngest {
    private final Store store;
    private final Lookup lookup;
    private final BodyReader bodies;
    private final int maxBatchRuns;

    RunIngest(Store store, Lookup lookup, BodyReader bodies, Limits limits) {
        this.store = store;
        this.lookup = lookup;
        this.bodies = bodies;
        this.maxBatchRuns = limits.maxBatchRuns();
    }

    void ingest(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        RunBatch batch = bodies.read(ctx, RunBatch.class);
        if (batch.runs() != null && batch.runs().size() > maxBatchRuns) {
            throw ApiProblem.of(ProblemType.PAYLOAD_TOO_LARGE, "a batch holds at most " + maxBatchRuns
                    + " runs, got " + batch.runs().size());
        }
        List<RunRecord> runs = batch.validated();
        int stored;
        try {
            stored = store.insertRuns(project, runs);
        } catch (NotFound e) {
            throw ApiProblem.of(ProblemType.UNKNOWN_VERSION, e.getMessage() + "; nothing of the batch was stored");
        }
        Replies.json(ctx, 200, Replies.object().put("received", runs.size()).put("stored", stored));
    }
}
