package org.bighummingbird.exporter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.PathSegment;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.SinkUnavailable;
import org.bighummingbird.sdk.spi.catalog.DatasetRowView;
import org.bighummingbird.sdk.spi.catalog.DatasetVersionInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationComparison;
import org.bighummingbird.sdk.spi.catalog.EvaluationInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;
import org.bighummingbird.sdk.spi.catalog.JudgeVersion;
import org.bighummingbird.sdk.spi.catalog.NewEvaluation;
import org.bighummingbird.sdk.spi.catalog.NotFound;

/**
 * A project's datasets, judges and evaluations on the team server, over REST API v1 ({@code docs/api.md}) with
 * {@link ApiClient}'s plumbing. Calls are synchronous (the user asked for a tag); connection
 * failures and 429, 502, 503 and 504 are retried up to {@link #MAX_ATTEMPTS} times in all, after
 * a doubling backoff or the server's {@code Retry-After} when longer (at most {@link #MAX_WAIT}), and then
 * thrown as {@link SinkUnavailable}; every other refusal is a {@link SinkRejected} at once, a 401
 * saying the key was refused (never showing it) and a 413 naming the limit. A dataset whose upload
 * body is over {@link #MAX_BODY_BYTES} is refused before anything is sent. Thread-safe.
 */
public final class RemoteCatalog implements Catalog {
    /** The server's default body limit (after gzip decoding): one dataset upload must fit in it. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** Attempts of one call, the first included. */
    static final int MAX_ATTEMPTS = 4;
    /** The longest wait between attempts, whatever {@code Retry-After} asks. */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** The server's most evaluation rows in one append. */
    static final int MAX_APPEND_ROWS = 1_000;
    private static final Pattern EVALUATION_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ApiClient api;
    private final ProjectCalls calls;
    private final String project;

    /**
     * The catalog of {@code project} on the server at {@code url}; opens no connection until the
     * first call, which finds or creates the project.
     *
     * @param apiKey the API key, or null to send none (a server run with {@code --no-auth})
     * @param firstBackoff the wait before the first retry, doubled per retry
     */
    public RemoteCatalog(ServerUrl url, String apiKey, String project, Duration connectTimeout,
            Duration requestTimeout, Duration firstBackoff) {
        this.api = new ApiClient(url, apiKey, connectTimeout, requestTimeout);
        this.project = project;
        this.calls = new ProjectCalls(api, project, firstBackoff);
    }

    @Override
    public Tag uploadDataset(DatasetUpload upload) {
        byte[] body = uploadBody(upload);
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("dataset \"" + upload.name() + "\" is " + body.length
                    + " bytes as an upload, more than the server's limit of " + MAX_BODY_BYTES + " bytes (8 MiB) for"
                    + " one request; split it into smaller datasets, or keep it in the embedded store");
        }
        String what = "the upload of dataset \"" + upload.name() + "\"";
        JsonNode answer = calls.post("datasets", body, what);
        Tag tag = calls.tag(answer, upload.name(), what);
        if (!upload.contentKey().equals(answer.path("contentKey").asText(null))) {
            throw Answers.malformed(api.server(), what, "a content key other than this SDK's "
                    + upload.contentKey(), ProjectCalls.bytes(answer));
        }
        return tag;
    }

    @Override
    public Optional<DatasetVersionInfo> datasetVersion(TagReference tag) {
        return calls.find("datasets/" + PathSegment.encode(tag.toString()), "dataset version " + tag)
                .map(CatalogDocuments::dataset);
    }

    @Override
    public List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_PAGE + ", got " + limit);
        }
        Optional<JsonNode> page = calls.find("datasets/" + PathSegment.encode(tag.toString()) + "/rows?offset=" + fromIndex
                + "&limit=" + limit, "rows of dataset version " + tag);
        List<DatasetRowView> rows = new ArrayList<>();
        if (page.isEmpty()) {
            return rows;
        }
        if (!tag.toString().equals(page.get().path("tag").asText(null))) {
            throw Answers.malformed(api.server(), "rows of dataset version " + tag, "rows of another version",
                    ProjectCalls.bytes(page.get()));
        }
        for (JsonNode row : page.get().path("rows")) {
            rows.add(CatalogDocuments.datasetRow(row));
        }
        return rows;
    }

    @Override
    public Tag registerJudge(JudgeRegistration registration) {
        String what = "the registration of judge \"" + registration.judgeName() + "\"";
        // the key stays here: the server derives it from the spec and answers with it
        JsonNode answer = calls.post("judges", api.json(new JudgeBody(registration)), what);
        Tag tag = calls.tag(answer, registration.judgeName(), what);
        if (!registration.key().equals(answer.path("key").asText(null))) {
            throw Answers.malformed(api.server(), what, "a key other than this SDK's " + registration.key(),
                    ProjectCalls.bytes(answer));
        }
        return tag;
    }

    @Override
    public Optional<JudgeVersion> judgeVersion(TagReference tag) {
        return calls.find("judges/" + PathSegment.encode(tag.toString()), "judge version " + tag).map(CatalogDocuments::judge);
    }

    /**
     * Creates the evaluation under its id, retried like every call: the id makes the retry of a
     * create whose answer was lost find the evaluation the first attempt made (200) instead of
     * making a second one.
     */
    @Override
    public EvaluationInfo createEvaluation(NewEvaluation evaluation) {
        String what = "the creation of evaluation " + evaluation.id() + " of " + evaluation.modelTag();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", evaluation.id());
        body.put("modelTag", evaluation.modelTag().toString());
        body.put("datasetTag", evaluation.datasetTag().toString());
        body.put("judgeTag", evaluation.judgeTag().toString());
        body.put("parallelism", evaluation.parallelism());
        JsonNode answer = evaluationCall(() -> calls.post("evaluations", api.json(body), what));
        EvaluationInfo created = evaluationFrom(answer, what);
        if (!created.id().equals(evaluation.id())) {
            throw Answers.malformed(api.server(), what, "an evaluation with another id", ProjectCalls.bytes(answer));
        }
        return created;
    }

    @Override
    public void heartbeatEvaluation(String evaluationId) {
        String what = "the heartbeat of evaluation " + evaluationId;
        evaluationCall(() -> calls.post(evaluationRoute(evaluationId) + "/heartbeat", api.json(Map.of()), what));
    }

    @Override
    public void appendEvaluationRows(String evaluationId, List<EvaluationRowView> rows) {
        String route = evaluationRoute(evaluationId) + "/rows";
        String what = "rows of evaluation " + evaluationId;
        EvaluationRowBodies.send(api.mapper(), rows, MAX_APPEND_ROWS, MAX_BODY_BYTES,
                body -> evaluationCall(() -> calls.post(route, body, what)));
    }

    @Override
    public EvaluationInfo completeEvaluation(String evaluationId) {
        String what = "the completion of evaluation " + evaluationId;
        try {
            return evaluationFrom(evaluationCall(() -> calls.post(evaluationRoute(evaluationId) + "/complete",
                    api.json(Map.of()), what)), what);
        } catch (IllegalStateException e) {
            // a retry after an answer that was lost finds it complete already: that is success
            Optional<EvaluationInfo> now = evaluation(evaluationId);
            if (now.isPresent() && EvaluationInfo.COMPLETE.equals(now.get().status())) {
                return now.get();
            }
            throw e;
        }
    }

    @Override
    public boolean failEvaluation(String evaluationId, String reason) {
        String what = "the failure of evaluation " + evaluationId;
        JsonNode answer = evaluationCall(() -> calls.post(evaluationRoute(evaluationId) + "/fail",
                api.json(Map.of("reason", reason == null ? "unknown" : EvaluationRowBodies.storable(reason))), what));
        JsonNode failed = answer.get("failed");
        if (failed == null || !failed.isBoolean()) {
            throw Answers.malformed(api.server(), what, "no \"failed\"", ProjectCalls.bytes(answer));
        }
        return failed.booleanValue();
    }

    @Override
    public Optional<EvaluationInfo> evaluation(String evaluationId) {
        if (!isEvaluationId(evaluationId)) {
            return Optional.empty();
        }
        String what = "evaluation " + evaluationId;
        return calls.find(evaluationRoute(evaluationId), what).map(node -> evaluationFrom(node, what));
    }

    @Override
    public List<EvaluationInfo> evaluations(int limit) {
        requirePage(limit);
        String what = "the evaluations";
        JsonNode list = calls.findAny("evaluations?limit=" + limit, what)
                .orElseThrow(() -> new NotFound("no project \"" + project + "\" on " + api.server()));
        if (!list.isArray()) {
            throw Answers.malformed(api.server(), what, "something that is not a JSON array", ProjectCalls.bytes(list));
        }
        List<EvaluationInfo> out = new ArrayList<>();
        for (JsonNode node : list) {
            out.add(evaluationFrom(node, what));
        }
        return out;
    }

    @Override
    public List<EvaluationRowView> evaluationRows(String evaluationId, int fromIndex, int limit) {
        requirePage(limit);
        String what = "rows of evaluation " + evaluationId;
        if (!isEvaluationId(evaluationId)) {
            throw new NotFound("no evaluation " + evaluationId + " in project \"" + project + "\"");
        }
        JsonNode page = calls.find(evaluationRoute(evaluationId) + "/rows?offset=" + fromIndex + "&limit=" + limit, what)
                .orElseThrow(() -> new NotFound("no evaluation " + evaluationId + " in project \"" + project + "\""));
        List<EvaluationRowView> rows = new ArrayList<>();
        try {
            for (JsonNode row : page.path("rows")) {
                rows.add(CatalogDocuments.evaluationRow(row));
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Answers.malformed(api.server(), what, "a row that is not one (" + e.getMessage() + ")", ProjectCalls.bytes(page));
        }
        return rows;
    }

    @Override
    public EvaluationComparison compareEvaluations(String idA, String idB) {
        for (String id : List.of(idA, idB)) {
            if (!isEvaluationId(id)) {
                throw new NotFound("no evaluation " + id + " in project \"" + project + "\"");
            }
        }
        String what = "the comparison of evaluations " + idA + " and " + idB;
        JsonNode answer = evaluationCall(() -> calls.find("evaluations/compare?a=" + idA + "&b=" + idB, what))
                .orElseThrow(() -> new NotFound("no evaluation " + idA + " or " + idB + " in project \"" + project
                        + "\""));
        try {
            return CatalogDocuments.comparison(answer);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Answers.malformed(api.server(), what, "no comparison (" + e.getMessage() + ")", ProjectCalls.bytes(answer));
        }
    }

    /** Whether {@code id} has the form of the server's evaluation ids; no other id can name one. */
    static boolean isEvaluationId(String id) {
        return id != null && EVALUATION_ID.matcher(id).matches();
    }

    private static String evaluationRoute(String id) {
        if (!isEvaluationId(id)) {
            throw new NotFound("no evaluation " + id + ": an evaluation id is a lower-case UUID");
        }
        return "evaluations/" + id;
    }

    private static void requirePage(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_PAGE + ", got " + limit);
        }
    }

    private EvaluationInfo evaluationFrom(JsonNode node, String what) {
        try {
            return CatalogDocuments.evaluation(node);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Answers.malformed(api.server(), what, "no evaluation (" + e.getMessage() + ")", ProjectCalls.bytes(node));
        }
    }

    // The server's refusals of evaluation calls as the embedded store throws them, so the runner and
    // the SDK treat both alike: 404 NotFound, 409 IllegalStateException, 422 IllegalArgumentException.
    private static <T> T evaluationCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (SinkRejected e) {
            String type = e.type() == null ? "" : Answers.shortType(e.type());
            if (e.status() == 404 && type.equals("not-found")) {
                throw new NotFound(e.getMessage());
            }
            if (e.status() == 409 && type.equals("evaluation-not-running")) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            if (e.status() == 422 && type.equals("not-comparable")) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        calls.close();
    }

    /** The wire form of a judge registration: its fields but the key. */
    private record JudgeBody(String judgeName, String kind, String description, String specJson, String code,
            String metadataJson) {
        JudgeBody(JudgeRegistration r) {
            this(r.judgeName(), r.kind(), r.description(), r.specJson(), r.code(), r.metadataJson());
        }
    }

    private byte[] uploadBody(DatasetUpload upload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = api.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("name", upload.name());
            json.writeStringField("description", upload.description());
            json.writeArrayFieldStart("rows");
            for (DatasetRow row : upload.rows()) {
                json.writeStartObject();
                json.writeStringField("inputJson", row.inputJson());
                if (row.hasExpected()) {
                    json.writeStringField("expectedJson", row.expectedJson());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
