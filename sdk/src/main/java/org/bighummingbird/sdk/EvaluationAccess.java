package org.bighummingbird.sdk;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.Evaluation;
import org.bighummingbird.EvaluationComparison;
import org.bighummingbird.EvaluationOptions;
import org.bighummingbird.Fn0;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.Fn3;
import org.bighummingbird.NoSuchDataset;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.internal.eval.AssessmentQueue;
import org.bighummingbird.sdk.internal.eval.ConsoleReporter;
import org.bighummingbird.sdk.internal.eval.EvaluationRunner;
import org.bighummingbird.sdk.internal.eval.ModelCall;
import org.bighummingbird.sdk.internal.export.Exporter;
import org.bighummingbird.sdk.internal.fingerprint.CallSite;
import org.bighummingbird.sdk.internal.judge.Judges;
import org.bighummingbird.sdk.internal.trace.ModelHandle;
import org.bighummingbird.sdk.internal.trace.TracedFn0;
import org.bighummingbird.sdk.internal.trace.TracedFn1;
import org.bighummingbird.sdk.internal.trace.TracedFn2;
import org.bighummingbird.sdk.internal.trace.TracedFn3;
import org.bighummingbird.sdk.internal.trace.Tracer;
import org.bighummingbird.sdk.spi.catalog.DatasetVersionInfo;
import org.bighummingbird.sdk.spi.catalog.JudgeVersion;
import org.bighummingbird.sdk.spi.catalog.NewEvaluation;
import org.bighummingbird.sdk.spi.catalog.NotFound;

/**
 * {@link BigHummingbird}'s evaluation and assess-mode calls over its project's {@link Catalog}, its
 * judges and its tracer. Remembers every model version traced in this instance, so that a model can
 * be evaluated by tag. Thread-safe.
 */
final class EvaluationAccess {
    private final String project;
    private final Catalog catalog;
    private final Judges judges;
    private final Tracer tracer;
    private final Exporter exporter;
    /** Every model version traced here, by name and key: the function an evaluation by tag calls. */
    private final Map<String, TracedFunction> traced = new ConcurrentHashMap<>();
    /** Assess mode's scoring queues, one per judge version. */
    private final Map<String, AssessmentQueue> assessments = new ConcurrentHashMap<>();

    EvaluationAccess(String project, Catalog catalog, Judges judges, Tracer tracer, Exporter exporter) {
        this.project = project;
        this.catalog = catalog;
        this.judges = judges;
        this.tracer = tracer;
        this.exporter = exporter;
    }

    /** Fingerprints a model (see {@link Tracer#model}) and remembers it for evaluations by tag. */
    ModelHandle model(String name, Serializable fn, CallSite site) {
        ModelHandle handle = tracer.model(name, fn, site);
        traced.put(handle.name() + '\u0000' + handle.versionKey(), new TracedFunction(handle, fn));
        return handle;
    }

    Evaluation evaluate(Object model, String judgeTag, String datasetTag, EvaluationOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null; EvaluationOptions.defaults() has the"
                    + " defaults");
        }
        Object fn = tracedModel(model);
        Tag modelTag = Tag.parse(ModelHandle.of(fn).tag());
        TagReference datasetRef = TagReference.parse(datasetTag);
        JudgeVersion judge = judges.version(judgeTag);
        DatasetVersionInfo dataset = catalog.datasetVersion(datasetRef).orElseThrow(() -> new NoSuchDataset(
                "no dataset version " + datasetRef + " in project \"" + project + "\""));
        NewEvaluation spec = new NewEvaluation(modelTag, dataset.tag(), judge.tag(), options.parallelism());
        var runner = new EvaluationRunner(catalog, options.heartbeatInterval());
        var info = runner.run(spec, dataset, ModelCall.of(fn), () -> judges.scorer(judge),
                (name, rows) -> ConsoleReporter.standard(name, rows, options.printRows()));
        return new SdkEvaluation(info, catalog);
    }

    /** The traced function {@code model} is or names. */
    private Object tracedModel(Object model) {
        if (model instanceof String tag) {
            Tag wanted = Tag.parse(tag);
            for (TracedFunction t : traced.values()) {
                if (t.handle().name().equals(wanted.name()) && t.handle().tag().equals(wanted.toString())) {
                    return t.wrapper();
                }
            }
            throw new IllegalArgumentException("no model traced in this process has the tag " + tag + ": evaluate a"
                    + " model by tag only after trace() of it in this process, or pass the traced function");
        }
        ModelHandle handle = ModelHandle.of(model);
        if (handle == null || !tracer.owns(handle)) {
            throw new IllegalArgumentException("the model must be a function trace() of this BigHummingbird returned,"
                    + " or its tag; got " + (model == null ? "null" : handle == null ? model.getClass().getName()
                    : handle + " traced by another BigHummingbird"));
        }
        return model;
    }

    Evaluation evaluation(String id) {
        return new SdkEvaluation(catalog.evaluation(id).orElseThrow(() -> new IllegalArgumentException(
                "no evaluation " + id + " in project \"" + project + "\"")), catalog);
    }

    EvaluationComparison compare(String idA, String idB) {
        org.bighummingbird.sdk.spi.catalog.EvaluationComparison c;
        try {
            c = catalog.compareEvaluations(idA, idB);
        } catch (NotFound e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        var rows = c.rows().stream().map(r -> new EvaluationComparison.RowChange(r.index(), SdkEvaluation.row(r.a()),
                SdkEvaluation.row(r.b()), EvaluationComparison.Change.valueOf(r.change().toUpperCase(Locale.ROOT))))
                .toList();
        return new EvaluationComparison(new SdkEvaluation(c.a(), catalog), new SdkEvaluation(c.b(), catalog), rows,
                c.regressions(), c.improvements());
    }

    SdkAssessor assess(SdkTracker bhb, String judgeTag) {
        JudgeVersion judge = judges.version(judgeTag);
        var scorer = judges.scorer(judge);
        String tag = judge.tag().toString();
        // a judge read from a team server has no store id: its runs name it by tag, the server resolves it
        String key = judge.id() != null ? judge.id() : tag;
        AssessmentQueue queue = assessments.computeIfAbsent(key, k -> new AssessmentQueue(scorer, judge.id(), tag,
                exporter));
        return new SdkAssessor(bhb, queue, judge.tag().toString());
    }

    /** Waits for the runs being scored in assess mode; false when some still were after {@code timeout}. */
    boolean drainAssessments(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (AssessmentQueue queue : assessments.values()) {
            if (!queue.drain(Math.max(0, (deadline - System.nanoTime()) / 1_000_000))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scores the runs waiting in assess mode until {@code deadlineNanos} (a {@link System#nanoTime()}
     * reading), hands the rest to the exporter unscored with the reason, and stops the judges' threads.
     */
    void closeAssessments(long deadlineNanos) {
        for (AssessmentQueue queue : assessments.values()) {
            queue.closeBy(deadlineNanos);
        }
    }

    /** A traced model's handle and the function it wraps. */
    private record TracedFunction(ModelHandle handle, Serializable fn) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object wrapper() {
            if (fn instanceof Fn0 f) {
                return new TracedFn0<>(f, handle);
            }
            if (fn instanceof Fn1 f) {
                return new TracedFn1<>(f, handle);
            }
            if (fn instanceof Fn2 f) {
                return new TracedFn2<>(f, handle);
            }
            return new TracedFn3<>((Fn3) fn, handle);
        }
    }
}
