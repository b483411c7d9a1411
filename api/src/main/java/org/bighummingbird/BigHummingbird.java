package org.bighummingbird;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bighummingbird.spi.CustomSink;
import org.bighummingbird.spi.Tracker;
import org.bighummingbird.spi.TrackerSettings;

/**
 * A project's tracker: wrap models with {@code trace(...)}, and every call becomes a run, every
 * change of the model's code a new version.
 *
 * <pre>{@code
 * try (var bhb = BigHummingbird.local("Concept Project", Path.of("bhb-home"))) {
 *     var model = bhb.trace("model", (Integer a, Integer b) -> a + b);
 *     model.apply(1, 2);                          // a run
 *     String tag = ((Traced) model).tag();        // "model:v1"
 * }
 * }</pre>
 *
 * <p>{@code trace()} fingerprints the model at once, on the calling thread; calls of the traced
 * model do no I/O: runs go to a background exporter that writes them to the store (or the server)
 * in batches and spools them to disk when it is away. Nothing here touches the network: versions
 * are registered with the server in the background, and {@link Traced#tag()} says why when that
 * failed. {@link #close()} delivers what is left (for up to
 * 30 s by default); a shutdown hook does the same on JVM exit. A traced function is serializable: read
 * back in another JVM (a Spark executor, say), it records its runs through the {@code BigHummingbird}
 * open there for the same project, found at its first call, and without one it calls the model
 * untracked. Thread-safe.
 *
 * <p>This class is a facade: the work is done by the implementation that
 * {@link java.util.ServiceLoader} finds on the class path (a
 * {@link org.bighummingbird.spi.BigHummingbirdProvider}; {@code bhb-sdk} has one, and
 * {@code bhb-client} brings it with both back-ends). Without one, opening a project is an
 * {@link IllegalStateException} that names the artifact to add.
 */
public final class BigHummingbird implements AutoCloseable {
    private final Tracker tracker;

    /**
     * Opens a project: on the server at {@code BHB_URL} (or {@code bhb.url}) when that is set, else
     * on the embedded store under {@code BHB_HOME} (default {@code ~/.bighummingbird}). With a
     * server, nothing touches the network here: the project is found or created in the background.
     *
     * @param projectName the project, found or created by name
     * @param apiKey the server's API key; null reads {@code BHB_API_KEY} (or {@code bhb.apiKey}), and
     *     when that is unset too no key is sent (a server run with {@code --no-auth}). Unused by the
     *     embedded store
     * @throws RuntimeException (bhb-sdk: {@code InvalidName}) when the project name breaks the naming rules
     * @throws IllegalArgumentException when {@code BHB_URL} is not an absolute http or https URL, or
     *     the key is not printable ASCII without spaces
     * @throws RuntimeException (bhb-sdk: a {@code StoreException}) when the embedded store cannot be opened
     */
    public BigHummingbird(String projectName, String apiKey) {
        this(fromEnvironment(projectName, apiKey));
    }

    private static Builder fromEnvironment(String projectName, String apiKey) {
        Builder b = builder(projectName);
        String url = Settings.get("bhb.url", "BHB_URL");
        if (url != null) {
            b.url(url);
        }
        if (apiKey != null) {
            b.apiKey(apiKey);
        }
        return b;
    }

    private BigHummingbird(Builder b) {
        if (b.sink != null && b.url != null) {
            throw new IllegalArgumentException("set either url or sink, not both: url is " + b.url);
        }
        this.tracker = Objects.requireNonNull(Implementation.provider().open(b.settings()),
                "the BigHummingbird implementation opened no tracker");
    }

    /**
     * Opens a project on the embedded store under {@code home}, whatever {@code BHB_URL} says.
     *
     * @throws RuntimeException (bhb-sdk: a {@code StoreException}) when the store cannot be opened: a directory
     *     that is not writable, a file that is not a database
     */
    public static BigHummingbird local(String project, Path home) {
        return builder(project).home(home).build();
    }

    /**
     * A builder, with defaults from the environment ({@code BHB_HOME}, {@code BHB_APP_PACKAGES},
     * {@code BHB_API_KEY}); it opens the embedded store unless given a {@link Builder#url(String)} or a
     * {@link Builder#sink(CustomSink)}.
     */
    public static Builder builder(String project) {
        return new Builder(project);
    }

    /** The project's name. */
    public String project() {
        return tracker.project();
    }

    /**
     * Traces a model of no arguments.
     *
     * @param name the model's name: 1–200 letters, digits, spaces and {@code _ - .}
     * @param fn a lambda or method reference
     * @return a function that calls {@code fn} and records each call; it also implements {@link Traced}
     * @throws IllegalArgumentException when fn is null or not a lambda or method reference
     * @throws RuntimeException (bhb-sdk: {@code InvalidName}) when the name is not valid
     */
    public <R> Fn0<R> trace(String name, Fn0<R> fn) {
        return tracker.trace(requireName(name), fn);
    }

    /** Traces a model of one argument; see {@link #trace(String, Fn0)}. */
    public <A, R> Fn1<A, R> trace(String name, Fn1<A, R> fn) {
        return tracker.trace(requireName(name), fn);
    }

    /** Traces a model of two arguments; see {@link #trace(String, Fn0)}. */
    public <A, B, R> Fn2<A, B, R> trace(String name, Fn2<A, B, R> fn) {
        return tracker.trace(requireName(name), fn);
    }

    /** Traces a model of three arguments; see {@link #trace(String, Fn0)}. */
    public <A, B, C, R> Fn3<A, B, C, R> trace(String name, Fn3<A, B, C, R> fn) {
        return tracker.trace(requireName(name), fn);
    }

    /**
     * Traces a method reference, naming the model after the method ({@code Models::add} is
     * {@code add}). A lambda has no name: it is an {@link IllegalArgumentException}.
     */
    public <R> Fn0<R> trace(Fn0<R> methodRef) {
        return tracker.trace(null, methodRef);
    }

    /** Traces a method reference of one argument; see {@link #trace(Fn0)}. */
    public <A, R> Fn1<A, R> trace(Fn1<A, R> methodRef) {
        return tracker.trace(null, methodRef);
    }

    /** Traces a method reference of two arguments; see {@link #trace(Fn0)}. */
    public <A, B, R> Fn2<A, B, R> trace(Fn2<A, B, R> methodRef) {
        return tracker.trace(null, methodRef);
    }

    /** Traces a method reference of three arguments; see {@link #trace(Fn0)}. */
    public <A, B, C, R> Fn3<A, B, C, R> trace(Fn3<A, B, C, R> methodRef) {
        return tracker.trace(null, methodRef);
    }

    private static String requireName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("model name must not be null; trace(methodRef) names a model after"
                    + " its method");
        }
        return name;
    }

    /**
     * Uploads a dataset version and returns its tag, {@code name:vN}: the existing tag when this
     * dataset has had exactly these rows before (the description is not compared), else the next
     * version. Synchronous: the rows are stored when this returns. Safe with concurrent uploaders.
     *
     * <p>With a server ({@code BHB_URL}) the upload is one request, so it must fit the server's 8 MiB
     * body limit; a larger dataset is refused here, before anything is sent.
     *
     * @throws IllegalArgumentException when the dataset is over the server's body limit
     * @throws RuntimeException (bhb-sdk: {@code SinkRejected}) when the server refuses the upload (a bad key, 413)
     * @throws RuntimeException (bhb-sdk: {@code SinkUnavailable}) when the server stays unreachable or busy
     * @throws RuntimeException (bhb-sdk: a {@code StoreException}) when the store cannot be written
     */
    public String uploadDataset(Dataset dataset) {
        return tracker.uploadDataset(Objects.requireNonNull(dataset, "dataset"));
    }

    /**
     * Fetches a dataset version with all its rows.
     *
     * @param tag {@code name:vN}, or {@code name:latest} for the highest version
     * @throws RuntimeException (bhb-sdk: {@code InvalidTag}) when {@code tag} is not a tag
     * @throws NoSuchDataset when the project has no such version, naming the tag and the project
     * @throws RuntimeException (bhb-sdk: {@code SinkRejected}) when the server refuses the request (a bad key)
     * @throws RuntimeException (bhb-sdk: {@code SinkUnavailable}) when the server stays unreachable or busy
     */
    public Dataset dataset(String tag) {
        return tracker.dataset(tag);
    }

    /**
     * Registers a judge and returns its tag, {@code name:vN}: the existing tag when this judge's
     * name has seen the same code (code judges, fingerprinted like models) or the same spec
     * (declarative judges) before, else the next version. Synchronous, on the calling thread.
     * Judges live in the embedded store under the home (also with a custom sink), or on the team
     * server ({@code BHB_URL}).
     *
     * <p>A code judge can then be run by its tag in this process only; a declarative judge's tag
     * runs in any process.
     *
     * @throws IllegalArgumentException when judge is null, a code judge's rubric or criterion is
     *     not a lambda or method reference, or a declarative judge's spec could never run (checked as
     *     the server checks it, before anything is sent; the message names the field)
     * @throws RuntimeException (bhb-sdk: {@code SinkRejected}) when the server refuses the registration
     * @throws RuntimeException (bhb-sdk: {@code SinkUnavailable}) when the server stays unreachable or busy
     * @throws RuntimeException (bhb-sdk: a {@code StoreException}) when the store cannot be written
     */
    public String addJudge(Judge judge) {
        if (judge == null) {
            throw new IllegalArgumentException("judge must not be null");
        }
        return tracker.addJudge(judge);
    }

    /**
     * Evaluates a traced model on a dataset version with a judge version, with the
     * {@linkplain EvaluationOptions#defaults() default options}: see
     * {@link #evaluate(Object, String, String, EvaluationOptions)}.
     */
    public Evaluation evaluate(Object model, String judgeTag, String datasetTag) {
        return evaluate(model, judgeTag, datasetTag, EvaluationOptions.defaults());
    }

    /**
     * Evaluates a traced model: calls it on every row of the dataset version, up to
     * {@code options.parallelism()} rows at once (32 by default), scores each output with the judge,
     * and stores each row (input, output, score, passed, latency, error) as it finishes. Each call is
     * a run of the model like any other, and the row names its run. Prints a line per row to stdout in
     * row order ({@code ✔ name[i] score: s}, {@code ✖ name[i] score: s}, {@code ✖ name[i] error: …}),
     * then {@code ✔ All cases in dataset passed.} or {@code ✖ N out of M failed.}; a progress bar
     * goes to stderr when a terminal is attached. Blocks until the last row is stored.
     *
     * <p>Each row's input goes to the model as Jackson reads its JSON (a Map, List, String, Integer,
     * Long, Double, Boolean or null): a {@code Fn1} gets it whole, a {@code Fn2} or {@code Fn3} the
     * elements of an input that is a JSON array of two or three elements, a {@code Fn0} nothing. A row
     * whose input does not fit, whose model throws, or whose judge fails (a rubric or criterion that
     * throws, a non-finite score, an LLM endpoint that errs) is an error row, and the evaluation goes
     * on. A row fails when it is an error row or its criterion says no; with a judge without
     * criterion only error rows fail.
     *
     * @param model a function {@link #trace(String, Fn1) trace} of this instance returned, or the tag
     *     ({@code name:vN}) of a model version traced in this process
     * @param judgeTag the judge version, {@code name:vN} or {@code name:latest}
     * @param datasetTag the dataset version, {@code name:vN} or {@code name:latest}
     * <p>With a team server ({@code BHB_URL}) the model and the judge run here and the evaluation is
     * kept on the server, rows sent in batches as they finish; the console lines are the same.
     *
     * @return the complete evaluation: summary, and rows read back a page at a time
     * @throws IllegalArgumentException when the model is not one this instance traced, or options is null
     * @throws RuntimeException (bhb-sdk: {@code InvalidTag}) when a tag is malformed
     * @throws NoSuchDataset when the project has no such dataset version
     * @throws JudgeUnavailable when the project has no such judge version, or it cannot run in this
     *     process (an evaluation that was created is then stored failed with the reason)
     * @throws EvaluationFailed when the evaluation stopped early; it is stored failed with the reason
     * @throws TagUnavailable when the model's version could not be registered
     */
    public Evaluation evaluate(Object model, String judgeTag, String datasetTag, EvaluationOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null; EvaluationOptions.defaults() has the"
                    + " defaults");
        }
        return tracker.evaluate(model, judgeTag, datasetTag, options);
    }

    /**
     * One stored evaluation of this project by id, in any state.
     *
     * @throws IllegalArgumentException when the project has no evaluation with this id
     */
    public Evaluation evaluation(String id) {
        return tracker.evaluation(id);
    }

    /**
     * Lines up two complete evaluations of one dataset version row by row: B against A, with
     * regressions (rows that did not fail in A and fail in B), improvements, per-row score deltas and
     * summary deltas. Holds one entry per row in memory.
     *
     * @param idA the baseline evaluation's id
     * @param idB the id of the evaluation compared with it
     * @throws IllegalArgumentException when either is not an evaluation of this project, is not
     *     complete, or they ran on different dataset versions (naming both)
     */
    public EvaluationComparison compare(String idA, String idB) {
        return tracker.compare(idA, idB);
    }

    /**
     * Assess mode: models traced through the returned {@link Assessor} have every run scored by the
     * judge version {@code judgeTag}, and stored with it (see {@link Assessor}). The judge is made
     * ready here, so a judge that cannot run fails now rather than on every run.
     *
     * @param judgeTag {@code name:vN}, or {@code name:latest} (resolved now)
     * @throws RuntimeException (bhb-sdk: {@code InvalidTag}) when the tag is malformed
     * @throws JudgeUnavailable when the project (on the embedded store or the team server) has no such
     *     judge version, or it cannot run in this process
     */
    public Assessor assess(String judgeTag) {
        return tracker.assess(judgeTag);
    }

    /**
     * Waits until every run recorded so far is in the store or the spool.
     *
     * @return false when that did not happen within {@code timeout}
     */
    public boolean flush(Duration timeout) {
        return tracker.flush(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Runs dropped so far, neither stored nor left in the spool: the sum of
     * {@link #droppedRunsByCause()}. Runs left in the spool at close are not dropped; the next process
     * that opens the store (or the same server URL) delivers them.
     */
    public long droppedRuns() {
        return tracker.droppedRuns();
    }

    /**
     * Runs dropped so far, by cause: every {@link DropCause}, with 0 for those that did not happen
     * (the in-memory queue was full and the disk spool could not keep up, calls after close, runs the
     * store or server refused for good, ...). The first drop of each cause is logged (a refusal with
     * the sink's reason). A snapshot, unmodifiable; thread-safe.
     */
    public Map<DropCause, Long> droppedRunsByCause() {
        return tracker.droppedRunsByCause();
    }

    /**
     * Delivers what is queued and replays the spool, all within one close timeout (30 s by default):
     * in assess mode the judges first score the runs waiting for them, up to the close timeout less a
     * fifth of it (at most 2 s) kept for delivery, and the runs they did not finish are delivered
     * unscored with the reason ({@code "not judged: closed before the judge finished"}). What is not
     * delivered by then stays in the spool for the next process; a write to the server in flight at
     * the deadline is waited for (see {@link Builder#requestTimeout}). Idempotent.
     */
    @Override
    public void close() {
        tracker.close();
    }

    @Override
    public String toString() {
        return "BigHummingbird[" + tracker.project() + "]";
    }

    /** Options for {@link BigHummingbird}; every setter validates at once. Not thread-safe. */
    public static final class Builder {
        /** The deepest {@link #maxSnapshotDepth(int)} accepted. */
        public static final int MAX_DEPTH_CEILING = 1_000;

        private final String project;
        private Path home = Settings.home();
        private List<String> appPackages = Settings.appPackages();
        private int queueCapacity = 131_072;
        private long maxQueueBytes = 256L << 20;
        private int maxSnapshotBytes = 64 * 1024;
        private int maxSnapshotDepth = 64;
        private int maxSnapshotElements = 1_000;
        private List<Class<?>> safeTypes = List.of();
        private Duration closeTimeout = Duration.ofSeconds(30);
        private Duration tagTimeout = Duration.ofSeconds(10);
        private Duration retryBackoff = Duration.ofMillis(100);
        private Duration maxRetryBackoff = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private String url;
        private String apiKey = Settings.get("bhb.apiKey", "BHB_API_KEY");
        private CustomSink sink;

        private Builder(String project) {
            this.project = project;
        }

        /** The embedded store's directory; default {@code BHB_HOME}, else {@code ~/.bighummingbird}. */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /** Packages whose classes count as application code even inside jars; default {@code BHB_APP_PACKAGES}. */
        public Builder appPackages(List<String> packages) {
            this.appPackages = new ArrayList<>(Objects.requireNonNull(packages, "packages"));
            return this;
        }

        /** Runs held in memory before calls start dropping them; default 131,072. */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be positive, got " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Estimated memory the runs waiting in the in-memory queue may hold (their snapshots, and large
         * primitive arrays held until they are hashed); past it, calls drop their runs (counted in
         * {@link BigHummingbird#droppedRuns()}) as when the queue is full. Default 256 MiB.
         */
        public Builder maxQueueBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxQueueBytes must be positive, got " + bytes);
            }
            this.maxQueueBytes = bytes;
            return this;
        }

        /**
         * The byte budget of one run's recorded inputs and output, estimated as JSON (a character
         * counts one byte, a number its longest form): the inputs share at most half of it, the output
         * gets what the inputs left. Past it, strings are cut and containers end early, each with a
         * {@code {"$truncated": {…}}} marker. Default 64 KiB.
         */
        public Builder maxSnapshotBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxSnapshotBytes must be positive, got " + bytes);
            }
            this.maxSnapshotBytes = bytes;
            return this;
        }

        /**
         * Nesting levels recorded; a deeper container becomes a {@code $truncated} marker. Default 64,
         * at most 1,000.
         */
        public Builder maxSnapshotDepth(int depth) {
            if (depth < 1 || depth > MAX_DEPTH_CEILING) {
                throw new IllegalArgumentException(
                        "maxSnapshotDepth must be between 1 and " + MAX_DEPTH_CEILING + ", got " + depth);
            }
            this.maxSnapshotDepth = depth;
            return this;
        }

        /**
         * Elements recorded of one collection, map, object array or object's fields; then a
         * {@code $truncated} marker with the total size. A longer primitive array is recorded as its
         * length, a prefix and the SHA-256 of its elements. Default 1,000.
         */
        public Builder maxSnapshotElements(int elements) {
            if (elements < 1) {
                throw new IllegalArgumentException("maxSnapshotElements must be positive, got " + elements);
            }
            this.maxSnapshotElements = elements;
            return this;
        }

        /**
         * Types (and their subtypes) whose values Jackson may write through their getters and
         * annotations, on the calling thread, as it sees fit. Values of every other type are read by
         * their fields only: no user code runs on the caller's thread. Default: none.
         */
        public Builder safeTypes(Class<?>... types) {
            if (types == null) {
                throw new IllegalArgumentException("safeTypes must not be null");
            }
            if (Arrays.asList(types).contains(null)) {
                throw new IllegalArgumentException("safeTypes must not be or contain null, got "
                        + Arrays.asList(types));
            }
            this.safeTypes = List.of(types);
            return this;
        }

        /** The settings as the implementation gets them. */
        private TrackerSettings settings() {
            return new TrackerSettings(project, home, appPackages, queueCapacity, maxQueueBytes, maxSnapshotBytes,
                    maxSnapshotDepth, maxSnapshotElements, safeTypes, closeTimeout, tagTimeout, retryBackoff,
                    maxRetryBackoff, connectTimeout, requestTimeout, url, checkKey(apiKey), sink);
        }

        /**
         * How long {@link BigHummingbird#close()} takes at most to score (assess mode) and deliver what
         * is left, before leaving the rest in the spool; default 30 s.
         */
        public Builder closeTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative, got " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** How long {@link Traced#tag()} waits for registration; default 10 s. */
        public Builder tagTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("tagTimeout must not be negative, got " + timeout);
            }
            this.tagTimeout = timeout;
            return this;
        }

        /**
         * First wait before retrying a store or server that failed; doubles up to
         * {@link #maxRetryBackoff(Duration)}. Default 100 ms. Also the first wait before a dataset or
         * judge call to a server is retried (three retries at most).
         */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = positive("retryBackoff", backoff);
            return this;
        }

        /**
         * Longest wait between attempts on a store or server that is away; default 5 s. A server's
         * {@code Retry-After} is honoured beyond it, up to 5 minutes.
         */
        public Builder maxRetryBackoff(Duration backoff) {
            this.maxRetryBackoff = positive("maxRetryBackoff", backoff);
            return this;
        }

        /**
         * Delivers to the team server at {@code url} (as in {@code https://bhb.example.com}) instead of
         * the embedded store. Runs waiting for the server are spooled under
         * {@code home/spool-remote/<hash of the URL and the API key's id>}, and replayed by the next
         * process with the same URL, key (its {@code bhb_<id>_} part) and home. Default: none, the
         * embedded store.
         *
         * @throws IllegalArgumentException when {@code url} is not an absolute http or https URL with
         *     a host and without query, fragment or user info
         */
        public Builder url(String url) {
            this.url = org.bighummingbird.spi.ServerUrls.normalise(url);
            return this;
        }

        /**
         * The server's API key ({@code bhb_<id>_<secret>}), sent as {@code Authorization: Bearer}; null
         * sends none (a server run with {@code --no-auth}). Default {@code BHB_API_KEY}.
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = checkKey(apiKey);
            return this;
        }

        /** The key, when it can go in a header; a key from the environment is checked when it is used. */
        private static String checkKey(String apiKey) {
            if (apiKey != null && (apiKey.isBlank() || apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
                // the key is a secret: say what is wrong with it, never what it is
                throw new IllegalArgumentException("apiKey must be printable ASCII without spaces (it is sent in"
                        + " an HTTP header); the " + apiKey.length() + " characters given are not");
            }
            return apiKey;
        }

        /** How long to wait for a connection to the server; default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * How long to wait for the server's answer to one request (at most 5,000 runs, about 4 MiB of
         * JSON before gzip); default 10 s. A request still running when the close timeout is up
         * keeps {@link BigHummingbird#close()} waiting up to this much longer, at most 10 s.
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        /**
         * Delivers runs to this sink instead of the embedded store (tests, benchmarks, custom
         * back-ends); not together with {@link #url(String)}. Runs it cannot take wait in
         * {@code home/spool-sink/<sink.spoolName()>}, apart from the embedded store's spool, and are
         * replayed only into a sink with the same {@code RunSink#spoolName()}. With bhb-sdk the sink is
         * an {@code org.bighummingbird.sdk.spi.RunSink}; the implementation refuses any other kind when
         * the project is opened.
         */
        public Builder sink(CustomSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Opens the project.
         *
         * @throws RuntimeException (bhb-sdk: {@code InvalidName}) when the project name is not valid
         * @throws IllegalArgumentException when both a url and a sink were set, the API key from
         *     {@code BHB_API_KEY} is not printable ASCII without spaces, or the sink's
         *     {@code RunSink#spoolName()} cannot name a directory
         * @throws RuntimeException (bhb-sdk: a {@code StoreException}) when the store cannot be opened
         */
        public BigHummingbird build() {
            return new BigHummingbird(this);
        }
    }
}
