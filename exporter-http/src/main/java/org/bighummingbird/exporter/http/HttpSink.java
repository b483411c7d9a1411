package org.bighummingbird.exporter.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.SinkUnavailable;

/**
 * The team server as a sink, over its REST API v1 ({@code docs/api.md}) with {@link ApiClient}'s
 * plumbing (gzip, the key, projects ensured once and again after a 404); splits runs into requests
 * the server takes ({@link RunBodies}). Failures are
 * {@link SinkUnavailable} or {@link SinkRejected} (see {@link Answers}), with one rule of its own:
 * only a refusal of the data itself (400, 413, 415, 422) is a {@link SinkRejected} here, which the
 * exporter drops. A refusal that says nothing about the runs — a wrong or revoked key (401, 403),
 * a URL that is not an API v1 server (404, 405), a server fault (500 and up) — keeps them: it is
 * a {@link SinkUnavailable} with a long wait, so the runs stay in the spool until a person mends
 * it. A 422 {@code unknown-version} (the server lost a registration, e.g. a new database behind the
 * same URL) is unavailable too: the exporter then registers its versions again. A run request
 * refused as too large (413: a proxy in front of the server may take less than the SDK's 4 MiB) is
 * split in halves and sent again, down to single runs; only a run refused alone is dropped, and
 * later requests stay within the size that was refused, halved. Used by the
 * exporter thread only (with sender threads of its own for run requests); not thread-safe.
 */
public final class HttpSink implements RunSink {
    /**
     * Most runs per request when a write goes as a pipeline of requests. 2,048: each request costs
     * the server and the client a fixed share (authentication, the project, gzip streams, the
     * HTTP exchange); on SQLite 1,024 gave 49-56 % of the raw insert rate end to end, 2,048
     * 59-65 %, 4,096 no more (docs/benchmarks.md 4g).
     */
    static final int CHUNK = 2_048;
    /**
     * Run requests one write keeps open at once while this thread writes the next one's JSON. Two,
     * so the server always has the next request in hand when it commits one, instead of waiting a
     * round trip for it (1,024-run requests on SQLite: 42–46 % of the raw insert rate with one,
     * 49–56 % with two); requests start in the order of their runs, but two neighbours may commit
     * in either order. {@link #writeInOrder} (the spool's replay) keeps one open.
     */
    static final int IN_FLIGHT = 2;
    /**
     * Runs per write the exporter should hand over: eight requests' worth, so the pipeline rarely
     * drains at a write's end, where the next write's runs are not serialised yet.
     */
    public static final int BATCH = 8 * CHUNK;
    private static final String UNKNOWN_VERSION = "unknown-version";
    /** The least JSON per run request a 413 lowers the body size to: 64 KiB. */
    static final int MIN_BODY_BYTES = 64 * 1024;

    private final ApiClient api;
    private final String server;
    private final Duration mendWait;
    /** The most JSON a run request holds: {@link RunBodies#MAX_BYTES}, less once a body was refused as too large. */
    private final AtomicInteger maxBodyBytes = new AtomicInteger(RunBodies.MAX_BYTES);
    /** Posts a write's run requests, {@link #IN_FLIGHT} at a time, while the exporter thread writes the next one's JSON. */
    private final ExecutorService sender = senders(IN_FLIGHT);
    /** Posts {@link #writeInOrder}'s requests one after the other, in the order handed over. */
    private final ExecutorService orderedSender = senders(1);

    /**
     * A sink for the server at {@code url}; opens no connection until the first call.
     *
     * @param apiKey the API key, or null to send no {@code Authorization} header (a server run
     *     with {@code --no-auth})
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for an answer, from the request's start
     * @param mendWait how long runs wait after a refusal a person has to mend (a key, a URL, a
     *     server fault) before they are sent again: the exporter's longest backoff
     */
    public HttpSink(ServerUrl url, String apiKey, Duration connectTimeout, Duration requestTimeout,
            Duration mendWait) {
        this.api = new ApiClient(url, apiKey, connectTimeout, requestTimeout);
        this.server = api.server();
        this.mendWait = mendWait;
    }

    @Override
    public Tag register(String project, VersionRegistration registration) {
        String what = "the registration of model \"" + registration.modelName() + "\"";
        JsonNode answer;
        try {
            answer = api.object(api.postToProject(project, "versions", api.json(registration), what), what);
        } catch (SinkRejected e) {
            throw refusesData(e) ? e : keep(e);
        }
        JsonNode tag = answer.get("tag");
        if (tag == null || !tag.isTextual()) {
            throw Answers.malformed(server, what, "no tag", utf8(answer.toString()));
        }
        try {
            Tag parsed = Tag.parse(tag.asText());
            if (!parsed.name().equals(registration.modelName())) {
                throw Answers.malformed(server, what, "the tag of another model", utf8(tag.asText()));
            }
            return parsed;
        } catch (InvalidTag | InvalidName e) {
            throw Answers.malformed(server, what, "an invalid tag (" + e.getMessage() + ")",
                    utf8(tag.asText()));
        }
    }

    /**
     * Stores runs. A write of more than {@link #CHUNK} runs goes as a pipeline of requests: the
     * sender threads post them while this thread writes (and compresses) the next one's JSON, so
     * the client and the server work at the same time instead of taking turns. Returns only when
     * every request is answered; the runs of a refused request are counted in the
     * {@link SinkRejected} thrown at the end, after the other requests went through.
     */
    @Override
    public void write(String project, List<RunRecord> runs) {
        write(project, runs, sender, IN_FLIGHT);
    }

    /** As {@link #write}, one request open at a time, so the server receives the runs in order. */
    @Override
    public void writeInOrder(String project, List<RunRecord> runs) {
        write(project, runs, orderedSender, 1);
    }

    /**
     * Posts the requests on {@code senders}, {@code open} threads, so at most {@code open} at a time.
     * After a failure that keeps the runs (the server away), no further request is handed over: the
     * runs go again later, in order.
     */
    private void write(String project, List<RunRecord> runs, ExecutorService senders, int open) {
        Outcome outcome = new Outcome();
        ArrayDeque<Request> inFlight = new ArrayDeque<>();
        AtomicBoolean away = new AtomicBoolean();
        try {
            send:
            for (int from = 0; from < runs.size(); from += CHUNK) {
                List<RunRecord> chunk = runs.subList(from, Math.min(runs.size(), from + CHUNK));
                int first = 0;
                for (BodyPacker.Body body : bodies(chunk, maxBodyBytes.get())) {
                    List<RunRecord> itsRuns = chunk.subList(first, first + body.items());
                    first += body.items();
                    GzipBody gzipped = GzipBody.of(body.json());
                    if (outcome.keepsAll()) {
                        break send;
                    }
                    // one more than open is handed over: it waits in the senders' queue and starts the
                    // moment a sender is free, not when this thread next gets to run
                    inFlight.add(new Request(body, senders.submit(() -> postUnlessAway(away, project, itsRuns,
                            body.json().length, gzipped))));
                    if (inFlight.size() > open) {
                        outcome.settle(inFlight.poll());
                    }
                }
            }
        } finally {
            while (!inFlight.isEmpty()) {
                outcome.settle(inFlight.poll());
            }
        }
        outcome.throwIfFailed();
    }

    private List<BodyPacker.Body> bodies(List<RunRecord> runs, int maxBytes) {
        try {
            return RunBodies.split(api.mapper(), runs, RunBodies.MAX_RUNS, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write runs as JSON", e);
        }
    }

    /**
     * Posts a request unless an earlier one of the same write found the server away (then false):
     * a request handed over behind a failed one must not overtake it.
     */
    private boolean postUnlessAway(AtomicBoolean away, String project, List<RunRecord> runs, int jsonBytes,
            GzipBody body) {
        if (away.get()) {
            return false;
        }
        try {
            postSplitting(project, runs, jsonBytes, body);
            return true;
        } catch (SinkRejected e) {
            if (!refusesData(e)) {
                away.set(true);
            }
            throw e;
        } catch (RuntimeException e) {
            away.set(true);
            throw e;
        }
    }

    /**
     * Posts runs; when the body is refused as too large (413) and holds more than one run, sends
     * each half again the same way, in order, and when that helped lowers the size of later bodies
     * to half the one refused.
     *
     * @throws SinkRejected counting the runs refused, when some were (the others are stored)
     */
    private void postSplitting(String project, List<RunRecord> runs, int jsonBytes, GzipBody body) {
        try {
            post(project, body, runs.size(), runs.size() == 1 ? "1 run" : runs.size() + " runs");
            return;
        } catch (SinkRejected e) {
            if (e.status() != 413 || runs.size() == 1) {
                throw e;
            }
        }
        int half = runs.size() / 2;
        SinkRejected refusal = null;
        int refused = 0;
        for (List<RunRecord> part : List.of(runs.subList(0, half), runs.subList(half, runs.size()))) {
            byte[] json = bodies(part, Integer.MAX_VALUE).get(0).json();
            try {
                postSplitting(project, part, json.length, GzipBody.of(json));
            } catch (SinkRejected e) {
                if (!refusesData(e)) {
                    throw e;
                }
                refused += e.refusedRuns().orElse(part.size());
                refusal = refusal == null ? e : refusal;
            }
        }
        if (refused < runs.size()) {
            // halves went through: the size was the problem, so later bodies stay under it. Not when
            // every run was refused anyway, and never below MIN_BODY_BYTES, so that one odd answer
            // cannot make every later request carry a single run
            maxBodyBytes.accumulateAndGet(Math.max(MIN_BODY_BYTES, jsonBytes / 2), Math::min);
        }
        if (refusal != null) {
            throw new SinkRejected(refusal.status(), refusal.type(), refusal.reason(), refused);
        }
    }

    private void post(String project, GzipBody body, int runs, String what) {
        JsonNode answer = api.object(api.postToProject(project, "runs", body, what), what);
        if (answer.path("received").asLong(-1) != runs) {
            throw Answers.malformed(server, what, "a count other than " + runs, utf8(answer.toString()));
        }
    }

    /** A request handed to the sender threads. */
    private record Request(BodyPacker.Body body, Future<Boolean> answer) {}

    /**
     * What the requests of one write came to: a refusal of some runs' data (the others went through)
     * or a reason to keep all of them (the first such failure).
     */
    private final class Outcome {
        private SinkRejected refusal;
        private int refused;
        private RuntimeException keepAll;

        void settle(Request request) {
            try {
                if (!request.answer().get()) {
                    keep(new SinkUnavailable("not sent: an earlier request of the write found " + server + " away",
                            null, null));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                keep(new SinkUnavailable("interrupted while waiting for " + server, null, e));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SinkRejected rejected && refusesData(rejected)) {
                    refused += rejected.refusedRuns().orElse(request.body().items());
                    if (refusal == null) {
                        refusal = rejected;
                    } else {
                        refusal.addSuppressed(rejected);
                    }
                } else if (cause instanceof SinkRejected rejected) {
                    keep(HttpSink.this.keep(rejected));
                } else if (cause instanceof RuntimeException runtime) {
                    keep(runtime);
                } else {
                    keep(new SinkUnavailable("sending runs to " + server + " failed: " + cause, null, cause));
                }
            }
        }

        /** Whether a failure keeps every run of the write for later. */
        boolean keepsAll() {
            return keepAll != null;
        }

        private void keep(RuntimeException e) {
            if (keepAll == null) {
                keepAll = e;
            }
        }

        void throwIfFailed() {
            // nothing is wrong with runs whose request was not refused: keep all of them (the ones
            // already stored are stored once more at no cost, ingest is idempotent by run id)
            if (keepAll != null) {
                throw keepAll;
            }
            if (refusal != null) {
                SinkRejected rejected = new SinkRejected(refusal.status(), refusal.type(), refusal.reason(), refused);
                for (Throwable other : refusal.getSuppressed()) {
                    rejected.addSuppressed(other);
                }
                throw rejected;
            }
        }
    }

    /** Stops the sender threads. */
    @Override
    public void close() {
        sender.shutdownNow();
        orderedSender.shutdownNow();
    }

    /** Whether a refusal is about the data sent, so that sending it again can never succeed. */
    static boolean refusesData(SinkRejected e) {
        int status = e.status();
        if (status == 422) {
            return e.type() == null || !UNKNOWN_VERSION.equals(Answers.shortType(e.type()));
        }
        return status == 400 || status == 413 || status == 415;
    }

    /** A refusal that is not about the data, as a reason to keep the runs and try again later. */
    private SinkUnavailable keep(SinkRejected e) {
        if (e.status() == 422) {
            return new SinkUnavailable(e.reason() + "; registering the versions again", null, e);
        }
        String hint = e.status() == 401 || e.status() == 403 ? " (check BHB_API_KEY)"
                : e.status() == 404 || e.status() == 405 ? " (is BHB_URL the address of a bhb server?)" : "";
        return new SinkUnavailable(e.reason() + hint + "; the runs wait in the spool and go again in "
                + mendWait.toMillis() + " ms", mendWait, e);
    }

    private static ExecutorService senders(int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bhb-http-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return server;
    }
}
