package org.bighummingbird.server.rest;

import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.Tag;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.store.NewEvaluation;

/**
 * The body of {@code POST …/evaluations}: {@code {"id", "modelTag", "datasetTag", "judgeTag",
 * "parallelism"}}, each tag a concrete {@code name:vN} (an evaluation names the versions it ran). The
 * id is the client's idempotency key (a lower-case UUID); without one the server picks a new id, and
 * a retry of that creation makes a second evaluation.
 */
record EvaluationBody(String id, String modelTag, String datasetTag, String judgeTag, Integer parallelism) {
    /** The most rows an evaluation may say it runs at once. */
    static final int MAX_PARALLELISM = 10_000;

    NewEvaluation validated() {
        Tag model = tag("modelTag", modelTag);
        Tag dataset = tag("datasetTag", datasetTag);
        Tag judge = tag("judgeTag", judgeTag);
        if (parallelism == null) {
            throw Fields.invalid("parallelism is required");
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw Fields.invalid("parallelism must be from 1 to " + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (id == null) {
            return new NewEvaluation(model, dataset, judge, parallelism);
        }
        return new NewEvaluation(EvaluationsResource.id(id, "id"), model, dataset, judge, parallelism);
    }

    private static Tag tag(String field, String value) {
        String text = Fields.required(field, value, 512);
        try {
            return Tag.parse(text);
        } catch (InvalidTag | InvalidName e) {
            throw ApiProblem.of(ProblemType.INVALID_TAG, field + ": " + e.getMessage());
        }
    }
}
