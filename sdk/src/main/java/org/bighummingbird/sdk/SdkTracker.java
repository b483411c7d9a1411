package org.bighummingbird.sdk;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bighummingbird.Assessor;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.DropCause;
import org.bighummingbird.Evaluation;
import org.bighummingbird.EvaluationComparison;
import org.bighummingbird.EvaluationOptions;
import org.bighummingbird.Fn0;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.Fn3;
import org.bighummingbird.Judge;
import org.bighummingbird.core.InvalidJudgeSpec;
import org.bighummingbird.core.Names;
import org.bighummingbird.sdk.internal.capsule.CapsuleKeeper;
import org.bighummingbird.sdk.internal.export.Exporter;
import org.bighummingbird.sdk.internal.export.ExporterOptions;
import org.bighummingbird.sdk.internal.export.SnapshotLimits;
import org.bighummingbird.sdk.internal.fingerprint.AppClasses;
import org.bighummingbird.sdk.internal.fingerprint.CallSite;
import org.bighummingbird.sdk.internal.fingerprint.Fingerprinter;
import org.bighummingbird.sdk.internal.fingerprint.SourceFiles;
import org.bighummingbird.sdk.internal.judge.Judges;
import org.bighummingbird.sdk.internal.trace.ModelHandle;
import org.bighummingbird.sdk.internal.trace.OpenTrackers;
import org.bighummingbird.sdk.internal.trace.TracedFn0;
import org.bighummingbird.sdk.internal.trace.TracedFn1;
import org.bighummingbird.sdk.internal.trace.TracedFn2;
import org.bighummingbird.sdk.internal.trace.TracedFn3;
import org.bighummingbird.sdk.internal.trace.Tracer;
import org.bighummingbird.sdk.spi.Backend;
import org.bighummingbird.sdk.spi.BackendSettings;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SpoolLocations;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.spi.Tracker;
import org.bighummingbird.spi.TrackerSettings;

/**
 * The SDK behind one {@link BigHummingbird}: the tracer and fingerprinter, the exporter with its
 * spool, the judges and evaluations, on the back-ends found for the settings (a team server when a
 * URL is set, else the embedded store, or a custom sink with the embedded store's catalog beside it).
 * Registered in the JVM's open trackers for deserialized traced functions, and closed by a shutdown
 * hook on JVM exit. Thread-safe.
 */
final class SdkTracker implements Tracker {
    private final String project;
    private final Exporter exporter;
    private final Tracer tracer;
    private final Thread shutdownHook;
    private final Catalog catalog;
    private final DatasetAccess datasets;
    private final Judges judges;
    private final EvaluationAccess evaluations;
    private final Duration closeTimeout;
    private final CapsuleKeeper capsules;
    /** This instance in the JVM's registry of open trackers, for deserialized traced functions. */
    private final OpenTracker registered;

    /**
     * Opens the back-ends and starts the exporter.
     *
     * @throws IllegalArgumentException when the project name, or a custom sink, is not acceptable
     * @throws IllegalStateException when the back-end the settings need is not on the class path
     */
    SdkTracker(TrackerSettings s) {
        this.project = Names.requireValid("project name", s.project());
        RunSink custom = customSink(s);
        BackendSettings backend = new BackendSettings(project, s.home(), s.url(), s.apiKey(), s.connectTimeout(),
                s.requestTimeout(), s.retryBackoff(), s.maxRetryBackoff());
        // a custom sink's spool name is checked before anything is opened
        Path customSpool = custom != null ? SpoolLocations.custom(s.home(), custom) : null;
        Backend.Delivery delivery;
        // datasets and judges (and evaluations) are asked for by the user and answered at once, beside
        // the exporter's background path. Beside a custom sink they live in the embedded store under
        // the home, when it is on the class path.
        if (s.url() != null) {
            Backend server = Backends.require(Backend.Kind.SERVER);
            this.catalog = server.catalog(backend);
            delivery = server.delivery(backend);
        } else if (custom == null) {
            Backend embedded = Backends.require(Backend.Kind.EMBEDDED);
            this.catalog = embedded.catalog(backend);
            delivery = embedded.delivery(backend);
        } else {
            this.catalog = Backends.find(Backend.Kind.EMBEDDED).map(b -> b.catalog(backend))
                    .orElseGet(UnavailableCatalog::new);
            delivery = new Backend.Delivery(custom, customSpool, ExporterOptions.defaults().batchSize());
        }
        this.datasets = new DatasetAccess(project, catalog);
        ExporterOptions options = new ExporterOptions(s.queueCapacity(), delivery.batchSize(), s.closeTimeout(),
                ExporterOptions.defaults().maxSpoolBytes(), s.retryBackoff(), s.maxRetryBackoff(), s.maxQueueBytes(),
                new SnapshotLimits(s.maxSnapshotBytes(), s.maxSnapshotDepth(), s.maxSnapshotElements(),
                        s.safeTypes()));
        this.exporter = new Exporter(project, delivery.sink(), delivery.spoolDirectory(), options);
        Fingerprinter fingerprinter = new Fingerprinter(new AppClasses(s.appPackages()),
                new SourceFiles(Path.of("")));
        this.tracer = new Tracer(project, fingerprinter, exporter, s.tagTimeout());
        this.capsules = new CapsuleKeeper(catalog);
        tracer.keepCapsules(capsules);
        this.judges = new Judges(catalog, fingerprinter);
        this.evaluations = new EvaluationAccess(project, catalog, judges, tracer, exporter);
        exporter.start();
        this.closeTimeout = s.closeTimeout();
        this.shutdownHook = new Thread(this::closeQuietly, "bhb-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.registered = new OpenTracker(this);
        OpenTrackers.add(registered);
    }

    private static RunSink customSink(TrackerSettings s) {
        if (s.sink() == null) {
            return null;
        }
        if (!(s.sink() instanceof RunSink sink)) {
            throw new IllegalArgumentException("sink must implement " + RunSink.class.getName() + " (bhb-sdk), got "
                    + s.sink().getClass().getName());
        }
        return sink;
    }

    @Override
    public String project() {
        return project;
    }

    @Override
    public <R> Fn0<R> trace(String name, Fn0<R> fn) {
        return new TracedFn0<>(fn, model(name, fn));
    }

    @Override
    public <A, R> Fn1<A, R> trace(String name, Fn1<A, R> fn) {
        return new TracedFn1<>(fn, model(name, fn));
    }

    @Override
    public <A, B, R> Fn2<A, B, R> trace(String name, Fn2<A, B, R> fn) {
        return new TracedFn2<>(fn, model(name, fn));
    }

    @Override
    public <A, B, C, R> Fn3<A, B, C, R> trace(String name, Fn3<A, B, C, R> fn) {
        return new TracedFn3<>(fn, model(name, fn));
    }

    /** The call site is the user's call of the facade's {@code trace}, for the declared types there. */
    private ModelHandle model(String name, Serializable fn) {
        return evaluations.model(name, fn, CallSite.current(BigHummingbird.class));
    }

    /** Fingerprints a model traced from {@code site} (assess mode's entry) and remembers it for evaluations. */
    ModelHandle tracedModel(String name, Serializable fn, CallSite site) {
        return evaluations.model(name, fn, site);
    }

    @Override
    public String uploadDataset(Dataset dataset) {
        return datasets.upload(dataset);
    }

    @Override
    public Dataset dataset(String tag) {
        return datasets.fetch(tag);
    }

    @Override
    public String addJudge(Judge judge) {
        try {
            return judges.add(judge.name(), judge.description(), JudgeDefinitions.of(judge));
        } catch (InvalidJudgeSpec e) {
            // the public API names no core type: the caller's mistake is an IllegalArgumentException
            throw new IllegalArgumentException("judge " + judge.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Evaluation evaluate(Object model, String judgeTag, String datasetTag, EvaluationOptions options) {
        return evaluations.evaluate(model, judgeTag, datasetTag, options);
    }

    @Override
    public Evaluation evaluation(String id) {
        return evaluations.evaluation(id);
    }

    @Override
    public EvaluationComparison compare(String idA, String idB) {
        return evaluations.compare(idA, idB);
    }

    @Override
    public Assessor assess(String judgeTag) {
        return evaluations.assess(this, judgeTag);
    }

    /** Assess mode for a deserialized model: the assessor's own type, to trace from a given call site. */
    SdkAssessor assessor(String judgeTag) {
        return evaluations.assess(this, judgeTag);
    }

    /** This project's judges: registration, and scorers for tags (evaluations run judges through it). */
    Judges judges() {
        return judges;
    }

    @Override
    public boolean flush(Duration timeout) {
        long start = System.nanoTime();
        return evaluations.drainAssessments(timeout)
                && exporter.flush(timeout.minusNanos(System.nanoTime() - start));
    }

    @Override
    public long droppedRuns() {
        return exporter.dropped();
    }

    @Override
    public Map<DropCause, Long> droppedRunsByCause() {
        return exporter.droppedByCause();
    }

    @Override
    public void close() {
        closeQuietly();
        catalog.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    /** Scores the runs waiting in assess mode, then delivers what is queued: one deadline for both. */
    private void closeQuietly() {
        OpenTrackers.remove(registered);
        registered.closed();
        long timeout = closeTimeout.toNanos();
        long deadline = System.nanoTime() + timeout;
        // the exporter delivers the judged runs while the judges work; the part kept back is for
        // the runs they did not finish, which go on unscored
        long forDelivery = Math.min(timeout / 5, TimeUnit.SECONDS.toNanos(2));
        evaluations.closeAssessments(deadline - forDelivery);
        exporter.closeBy(deadline);
        // the last versions' tags came with the exporter's last delivery: their capsules follow
        capsules.closeBy(deadline);
    }
}
