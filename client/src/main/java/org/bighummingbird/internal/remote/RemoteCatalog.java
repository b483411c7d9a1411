package org.bighummingbird.internal.remote;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.JudgeRegistration;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.internal.catalog.Catalog;
import org.bighummingbird.spi.SinkRejected;
import org.bighummingbird.spi.SinkUnavailable;
import org.bighummingbird.store.DatasetRowView;
import org.bighummingbird.store.DatasetVersionInfo;
import org.bighummingbird.store.EvaluationComparison;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.NewEvaluation;
import org.bighummingbird.store.json.CatalogJson;

/**
 * A project's datasets and judges on the team server, over REST API v1 ({@code docs/api.md}) with
 * {@link ApiClient}'s plumbing. Calls are synchronous (the user asked for a tag); connection
 * failures and 429, 502, 503 and 504 are retried up to {@link #MAX_ATTEMPTS} times in all, after
 * the server's {@code Retry-After} (at most {@link #MAX_WAIT}) or a doubling backoff, and then
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

    private final ApiClient api;
    private final String project;
    private final Duration firstBackoff;
    /** Evaluations are not in the REST API yet: every evaluation call says so. */
    private final Catalog evaluations = Catalog.unavailable("a server (BHB_URL)");
    private volatile boolean closed;

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
        this.firstBackoff = firstBackoff;
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
        JsonNode answer = post("datasets", body, what);
        Tag tag = tag(answer, upload.name(), what);
        if (!upload.contentKey().equals(answer.path("contentKey").asText(null))) {
            throw Answers.malformed(api.server(), what, "a content key other than this SDK's "
                    + upload.contentKey(), bytes(answer));
        }
        return tag;
    }

    @Override
    public Optional<DatasetVersionInfo> datasetVersion(TagReference tag) {
        return find("datasets/" + PathSegment.encode(tag.toString()), "dataset version " + tag)
                .map(CatalogJson::datasetFrom);
    }

    @Override
    public List<DatasetRowView> datasetRows(Tag tag, int fromIndex, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_PAGE + ", got " + limit);
        }
        Optional<JsonNode> page = find("datasets/" + PathSegment.encode(tag.toString()) + "/rows?offset=" + fromIndex
                + "&limit=" + limit, "rows of dataset version " + tag);
        List<DatasetRowView> rows = new ArrayList<>();
        if (page.isEmpty()) {
            return rows;
        }
        if (!tag.toString().equals(page.get().path("tag").asText(null))) {
            throw Answers.malformed(api.server(), "rows of dataset version " + tag, "rows of another version",
                    bytes(page.get()));
        }
        for (JsonNode row : page.get().path("rows")) {
            rows.add(CatalogJson.datasetRowFrom(row));
        }
        return rows;
    }

    @Override
    public Tag registerJudge(JudgeRegistration registration) {
        String what = "the registration of judge \"" + registration.judgeName() + "\"";
        // the key stays here: the server derives it from the spec and answers with it
        JsonNode answer = post("judges", api.json(new JudgeBody(registration)), what);
        Tag tag = tag(answer, registration.judgeName(), what);
        if (!registration.key().equals(answer.path("key").asText(null))) {
            throw Answers.malformed(api.server(), what, "a key other than this SDK's " + registration.key(),
                    bytes(answer));
        }
        return tag;
    }

    @Override
    public Optional<JudgeVersion> judgeVersion(TagReference tag) {
        return find("judges/" + PathSegment.encode(tag.toString()), "judge version " + tag).map(CatalogJson::judgeFrom);
    }

    @Override
    public EvaluationInfo createEvaluation(NewEvaluation evaluation) {
        return evaluations.createEvaluation(evaluation);
    }

    @Override
    public void appendEvaluationRows(String evaluationId, List<EvaluationRowView> rows) {
        evaluations.appendEvaluationRows(evaluationId, rows);
    }

    @Override
    public EvaluationInfo completeEvaluation(String evaluationId) {
        return evaluations.completeEvaluation(evaluationId);
    }

    @Override
    public boolean failEvaluation(String evaluationId, String reason) {
        return evaluations.failEvaluation(evaluationId, reason);
    }

    @Override
    public Optional<EvaluationInfo> evaluation(String evaluationId) {
        return evaluations.evaluation(evaluationId);
    }

    @Override
    public List<EvaluationInfo> evaluations(int limit) {
        return evaluations.evaluations(limit);
    }

    @Override
    public List<EvaluationRowView> evaluationRows(String evaluationId, int fromIndex, int limit) {
        return evaluations.evaluationRows(evaluationId, fromIndex, limit);
    }

    @Override
    public EvaluationComparison compareEvaluations(String idA, String idB) {
        return evaluations.compareEvaluations(idA, idB);
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The wire form of a judge registration: its fields but the key. */
    private record JudgeBody(String judgeName, String kind, String description, String specJson, String code,
            String metadataJson) {
        JudgeBody(JudgeRegistration r) {
            this(r.judgeName(), r.kind(), r.description(), r.specJson(), r.code(), r.metadataJson());
        }
    }

    private JsonNode post(String route, byte[] body, String what) {
        return withRetries(() -> api.object(explained(() -> api.postToProject(project, route, body, what)), what));
    }

    /** GETs a project's route: the answer, or empty on a 404 (the project is ensured first). */
    private Optional<JsonNode> find(String route, String what) {
        return withRetries(() -> explained(() -> {
            api.ensure(project);
            HttpResponse<byte[]> answer = api.get(api.projectRoute(project, route));
            if (answer.statusCode() == 404) {
                return Optional.empty();
            }
            if (!Answers.ok(answer.statusCode())) {
                throw api.failure("the request for " + what + " in project \"" + project + "\"", answer);
            }
            return Optional.of(api.object(answer.body(), what));
        }));
    }

    private <T> T withRetries(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            if (closed) {
                throw new IllegalStateException("this BigHummingbird is closed");
            }
            try {
                return call.get();
            } catch (SinkUnavailable e) {
                if (attempt >= MAX_ATTEMPTS || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                Duration backoff = firstBackoff.multipliedBy(1L << (attempt - 1));
                Duration wait = e.retryAfter().orElse(backoff);
                sleep(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait, e);
            }
        }
    }

    // The 401 and 413 a user meets here deserve words of their own; every other refusal says what
    // the server said.
    private <T> T explained(Supplier<T> call) {
        try {
            return call.get();
        } catch (SinkRejected e) {
            if (e.status() == 401) {
                throw new SinkRejected(401, e.type(), api.server() + " refused the API key (401 unauthenticated): "
                        + (api.hasKey() ? "it is unknown there, revoked, or malformed" : "none is set")
                        + "; set BHB_API_KEY (or the builder's apiKey) to a key of the project's workspace, made with"
                        + " `bhb keys create --workspace W`");
            }
            if (e.status() == 413) {
                throw new SinkRejected(413, e.type(), e.reason() + "; one request may carry at most the server's"
                        + " body limit (" + MAX_BODY_BYTES + " bytes by default)");
            }
            throw e;
        }
    }

    private static void sleep(Duration wait, SinkUnavailable cause) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(e);
            throw cause;
        }
    }

    private Tag tag(JsonNode answer, String name, String what) {
        JsonNode tag = answer.get("tag");
        if (tag == null || !tag.isTextual()) {
            throw Answers.malformed(api.server(), what, "no tag", bytes(answer));
        }
        try {
            Tag parsed = Tag.parse(tag.asText());
            if (parsed.name().equals(name)) {
                return parsed;
            }
        } catch (InvalidTag | InvalidName e) {
            // reported below
        }
        throw Answers.malformed(api.server(), what, "an invalid tag or another name's", bytes(answer));
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

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
