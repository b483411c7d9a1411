package org.bighummingbird.server.rest;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.RunAssessment;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.NotFound;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * {@code POST …/runs}: a batch is checked whole before anything is stored, then stored in one
 * transaction; the answer comes after the commit. A run naming an unregistered version fails the
 * batch (422) with nothing stored, as does an assessment naming an unregistered judge version.
 * Idempotent by run id.
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
        RunBatch batch = bodies.read(ctx, RunBatchReader::read);
        if (batch.runs() != null && batch.runs().size() > maxBatchRuns) {
            throw ApiProblem.of(ProblemType.PAYLOAD_TOO_LARGE, "a batch holds at most " + maxBatchRuns
                    + " runs, got " + batch.runs().size());
        }
        List<RunRecord> runs = withJudgeIds(project, batch.validated());
        int stored;
        try {
            stored = store.runs().insert(project, runs);
        } catch (NotFound e) {
            throw ApiProblem.of(ProblemType.UNKNOWN_VERSION, e.getMessage() + "; nothing of the batch was stored");
        }
        Replies.json(ctx, 200, Replies.object().put("received", runs.size()).put("stored", stored));
    }

    /**
     * The runs with each assessment's judge tag resolved to the judge version's id in the project
     * (once per distinct tag). A tag never registered fails the batch (422) before anything is stored;
     * judge versions are never removed, so the ids stay valid for the insert's transaction.
     */
    private List<RunRecord> withJudgeIds(ProjectRef project, List<RunRecord> runs) {
        Map<String, String> ids = new HashMap<>();
        List<RunRecord> resolved = null;
        for (int i = 0; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            RunAssessment a = run.assessment();
            if (a == null) {
                continue;
            }
            String id = ids.computeIfAbsent(a.judgeTag(), tag -> store.judges().find(project, TagReference.parse(tag))
                    .map(JudgeVersion::id)
                    .orElseThrow(() -> ApiProblem.of(ProblemType.UNKNOWN_VERSION, "no judge version " + tag
                            + " in project \"" + project.name() + "\"; nothing of the batch was stored")));
            if (resolved == null) {
                resolved = new ArrayList<>(runs);
            }
            resolved.set(i, run.withAssessment(a.withJudgeVersionId(id)));
        }
        return resolved == null ? runs : resolved;
    }
}
