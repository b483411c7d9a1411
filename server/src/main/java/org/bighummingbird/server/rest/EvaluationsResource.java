package org.bighummingbird.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.store.EvaluationComparison;
import org.bighummingbird.store.EvaluationConflict;
import org.bighummingbird.store.EvaluationCreation;
import org.bighummingbird.store.EvaluationIncomplete;
import org.bighummingbird.store.EvaluationRowConflict;
import org.bighummingbird.store.EvaluationRowRejected;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.EvaluationStore;
import org.bighummingbird.store.NewEvaluation;
import org.bighummingbird.store.NotFound;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.json.EvaluationJson;

/**
 * Evaluations over REST v1: {@code POST …/evaluations} creates one running (201) under the client's
 * id, or answers the one a create with that id and the same content made (200; other content is
 * {@code 409 evaluation-conflict}), {@code POST …/{id}/heartbeat} says its process is alive, {@code
 * POST …/{id}/rows} appends a batch of finished rows (idempotent by row index, a heartbeat too),
 * {@code POST
 * …/{id}/complete} completes it with the summary computed here from the stored rows, {@code POST
 * …/{id}/fail} marks it failed; {@code GET …/evaluations}, {@code …/{id}}, {@code …/{id}/rows} and
 * {@code …/compare?a=&b=} answer with {@link EvaluationJson}'s documents, as {@code bhb evals
 * --json} prints them. Writes to an evaluation that is not running (complete, failed, or abandoned
 * by the sweeper for want of heartbeats) are {@code 409 evaluation-not-running}.
 */
final class EvaluationsResource {
    /** Most rows in one append. */
    static final int MAX_BATCH_ROWS = 1_000;
    static final int DEFAULT_LIST = 50;
    static final int DEFAULT_PAGE = 1_000;
    static final int MAX_REASON = 1_000_000;
    private static final Pattern ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> LIST_PARAMETERS = Set.of("limit");
    private static final Set<String> ROW_PARAMETERS = Set.of("offset", "limit");
    private static final Set<String> COMPARE_PARAMETERS = Set.of("a", "b");

    private final Store store;
    private final Lookup lookup;
    private final BodyReader bodies;

    EvaluationsResource(Store store, Lookup lookup, BodyReader bodies) {
        this.store = store;
        this.lookup = lookup;
        this.bodies = bodies;
    }

    void create(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        NewEvaluation spec = bodies.read(ctx, EvaluationBody.class).validated();
        if (store.models().find(project, new TagReference(spec.modelTag().name(), spec.modelTag().version())).isEmpty()) {
            throw ApiProblem.of(ProblemType.NOT_FOUND, "no model version " + spec.modelTag() + " in project \""
                    + project.name() + "\"");
        }
        EvaluationCreation creation;
        try {
            creation = store.evaluations().create(project, spec);
        } catch (NotFound e) {
            throw ApiProblem.of(ProblemType.NOT_FOUND, e.getMessage());
        } catch (EvaluationConflict e) {
            throw ApiProblem.of(ProblemType.EVALUATION_CONFLICT, e.getMessage());
        }
        Replies.json(ctx, creation.created() ? 201 : 200, EvaluationJson.evaluation(creation.evaluation()));
    }

    void heartbeat(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        String id = id(ctx.pathParam("id"), "evaluation id");
        Replies.json(ctx, 200, EvaluationJson.evaluation(writing(project, id,
                () -> store.evaluations().heartbeat(project, id))));
    }

    void appendRows(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        String id = id(ctx.pathParam("id"), "evaluation id");
        EvaluationRowsBody body = bodies.read(ctx, EvaluationRowsBody.class);
        if (body.rows() != null && body.rows().size() > MAX_BATCH_ROWS) {
            throw ApiProblem.of(ProblemType.PAYLOAD_TOO_LARGE, "a batch holds at most " + MAX_BATCH_ROWS
                    + " evaluation rows, got " + body.rows().size());
        }
        List<EvaluationRowView> rows = body.validated();
        writing(project, id, () -> {
            store.evaluations().appendRows(project, id, rows);
            return null;
        });
        Replies.json(ctx, 200, Replies.object().put("received", rows.size()));
    }

    void complete(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        String id = id(ctx.pathParam("id"), "evaluation id");
        Replies.json(ctx, 200, EvaluationJson.evaluation(writing(project, id,
                () -> store.evaluations().complete(project, id))));
    }

    void fail(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        String id = id(ctx.pathParam("id"), "evaluation id");
        String reason = Fields.required("reason", bodies.read(ctx, FailBody.class).reason(), MAX_REASON);
        boolean failed = writing(project, id, () -> store.evaluations().fail(project, id, reason));
        ObjectNode answer = Replies.object().put("failed", failed);
        answer.set("evaluation", EvaluationJson.evaluation(store.evaluations().find(project, id).orElseThrow()));
        Replies.json(ctx, 200, answer);
    }

    void list(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        QueryParameters.requireKnown(ctx, LIST_PARAMETERS);
        int limit = QueryParameters.integer(ctx, "limit", 1, EvaluationStore.MAX_PAGE, DEFAULT_LIST);
        ArrayNode answer = Replies.array();
        for (EvaluationInfo e : store.evaluations().list(project, limit)) {
            answer.add(EvaluationJson.evaluation(e));
        }
        Replies.json(ctx, 200, answer);
    }

    void show(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        Replies.json(ctx, 200, EvaluationJson.evaluation(find(project, id(ctx.pathParam("id"), "evaluation id"))));
    }

    void rows(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        String id = id(ctx.pathParam("id"), "evaluation id");
        QueryParameters.requireKnown(ctx, ROW_PARAMETERS);
        int offset = QueryParameters.integer(ctx, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = QueryParameters.integer(ctx, "limit", 1, EvaluationStore.MAX_PAGE, DEFAULT_PAGE);
        find(project, id);
        List<EvaluationRowView> rows = store.evaluations().rows(project, id, offset, limit);
        ObjectNode answer = Replies.object().put("id", id).put("offset", offset);
        ArrayNode array = answer.putArray("rows");
        for (EvaluationRowView row : rows) {
            array.add(EvaluationJson.row(row));
        }
        if (rows.size() == limit) {
            answer.put("nextOffset", (long) rows.get(rows.size() - 1).index() + 1);
        } else {
            answer.putNull("nextOffset");
        }
        Replies.json(ctx, 200, answer);
    }

    void compare(Context ctx) {
        ProjectRef project = lookup.project(ctx);
        QueryParameters.requireKnown(ctx, COMPARE_PARAMETERS);
        String a = id(required(ctx, "a"), "a");
        String b = id(required(ctx, "b"), "b");
        find(project, a);
        find(project, b);
        EvaluationComparison comparison;
        try {
            comparison = store.evaluations().compare(project, a, b);
        } catch (NotFound e) {
            throw ApiProblem.of(ProblemType.NOT_FOUND, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(ProblemType.NOT_COMPARABLE, e.getMessage());
        }
        Replies.json(ctx, 200, EvaluationJson.comparison(comparison));
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            throw Fields.invalid("query parameter " + name + " is required");
        }
        return value;
    }

    /** An evaluation id: a lower-case UUID, as clients choose them and the server makes them. */
    static String id(String text, String what) {
        if (text == null || !ID.matcher(text).matches()) {
            throw Fields.invalid(what + " must be an evaluation id (a lower-case UUID such as"
                    + " 0192f4a8-7c3e-7d2a-9b1f-2c4d6e8fa0b1), got \""
                    + StrictJson.printable(text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text)
                    + "\"");
        }
        return text;
    }

    private EvaluationInfo find(ProjectRef project, String id) {
        return store.evaluations().find(project, id).orElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND,
                "no evaluation " + id + " in project \"" + project.name() + "\""));
    }

    private static <T> T writing(ProjectRef project, String id, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (NotFound e) {
            throw ApiProblem.of(ProblemType.NOT_FOUND, e.getMessage());
        } catch (EvaluationRowRejected e) {
            throw Fields.invalid("rows[" + e.position() + "]." + e.getMessage());
        } catch (EvaluationRowConflict e) {
            throw ApiProblem.of(ProblemType.EVALUATION_ROW_CONFLICT, "rows[" + e.position() + "]: " + e.getMessage());
        } catch (EvaluationIncomplete e) {
            throw ApiProblem.of(ProblemType.EVALUATION_INCOMPLETE, e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiProblem.of(ProblemType.EVALUATION_NOT_RUNNING, e.getMessage()
                    + "; rows are appended, heartbeats taken, and it is completed or failed, only while it runs");
        }
    }

    /** The body of {@code …/fail}. */
    record FailBody(String reason) {}
}
