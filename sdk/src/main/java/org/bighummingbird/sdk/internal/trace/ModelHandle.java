package org.bighummingbird.sdk.internal.trace;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bighummingbird.DropCause;
import org.bighummingbird.TagUnavailable;
import org.bighummingbird.core.RunIds;
import org.bighummingbird.sdk.internal.export.Exporter;
import org.bighummingbird.sdk.internal.export.ModelIdentity;
import org.bighummingbird.sdk.internal.export.PendingVersion;
import org.bighummingbird.sdk.internal.export.RunEvent;
import org.bighummingbird.sdk.internal.fingerprint.CallSite;

/**
 * One traced model: the hot path of every call. {@link #begin} and {@link #end} do no I/O, never
 * throw and take no lock but the exporter queue's; a fault is handed to the exporter to be logged
 * once, and the model's result goes back to the caller regardless.
 */
public final class ModelHandle {
    /**
     * Each thread's calls: one thread-local read per begin and per end, the rest are array writes.
     * Slot {@link #CURRENT} holds the innermost call in progress, slot {@link #LAST_ROOT} the id of the
     * last outermost call that ended (how an evaluation row names its run). A JDK array, not a class
     * of ours, so that a thread pool that outlives the application does not pin its class loader.
     */
    private static final ThreadLocal<Object[]> CALLS = ThreadLocal.withInitial(() -> new Object[2]);
    private static final int CURRENT = 0;
    private static final int LAST_ROOT = 1;
    private static final Object[] NO_INPUTS = new Object[0];

    private final ModelIdentity identity;
    private final PendingVersion version;
    private final Exporter exporter;
    private final WallClock clock;
    private final long tagTimeoutMs;
    /** Where trace() was called, and in which project: what a serialized wrapper reconnects with. */
    private final Origin origin;
    /** Where finished runs go instead of the exporter (assess mode), or null. */
    private final RunRoute route;

    ModelHandle(ModelIdentity identity, PendingVersion version, Exporter exporter, WallClock clock, long tagTimeoutMs,
            Origin origin) {
        this(identity, version, exporter, clock, tagTimeoutMs, origin, null);
    }

    private ModelHandle(ModelIdentity identity, PendingVersion version, Exporter exporter, WallClock clock,
            long tagTimeoutMs, Origin origin, RunRoute route) {
        this.identity = identity;
        this.version = version;
        this.exporter = exporter;
        this.clock = clock;
        this.tagTimeoutMs = tagTimeoutMs;
        this.origin = origin;
        this.route = route;
    }

    /** The project a model was traced in, and where trace() was called (null when not known). */
    record Origin(String project, CallSite site) {}

    /**
     * The same model version whose runs go to {@code route} (assess mode: it scores them and hands
     * them to the exporter) instead of straight to the exporter. {@code route} must not block.
     */
    public ModelHandle routedTo(RunRoute route) {
        return new ModelHandle(identity, version, exporter, clock, tagTimeoutMs, origin, route);
    }

    /** The model's name. */
    public String name() {
        return identity.name();
    }

    /** Starts a call: snapshots inputs and makes it the current call of this thread. Null on a fault. */
    Call begin(Object... inputs) {
        try {
            Object[] snapshots = inputs.length == 0 ? NO_INPUTS : inputs;
            // a judge scores the arguments themselves, as evaluate() does; the run stores snapshots
            Object[] arguments = route == null ? null : snapshots.clone();
            exporter.snapshots().inputs(snapshots);
            long epochNanos = clock.epochNanos();
            long start = System.nanoTime();
            UUID id = RunIds.at(epochNanos / 1_000_000L);
            Object[] calls = CALLS.get();
            Call call = new Call(id, (Call) calls[CURRENT], start, epochNanos, snapshots, arguments);
            calls[CURRENT] = call;
            return call;
        } catch (Throwable t) {
            lost(t);
            return null;
        }
    }

    /** A run this handle could not record: counted as dropped, and the first such fault logged. */
    private void lost(Throwable t) {
        exporter.fault(t);
        exporter.drop(DropCause.FAULT);
    }

    /** Ends a call: restores the enclosing call and hands the run to the exporter. */
    void end(Call call, Object output, Throwable error) {
        long end = System.nanoTime();
        if (call == null) {
            return;
        }
        try {
            Object[] calls = CALLS.get();
            calls[CURRENT] = call.parent;
            if (call.parent == null) {
                calls[LAST_ROOT] = call.id;
            }
            RunEvent run = new RunEvent(identity, call.id, call.parent == null ? null : call.parent.id,
                    call.rootId(), call.startEpochNanos, end - call.startNanos,
                    Thread.currentThread().getName(), call.inputs,
                    error == null ? exporter.snapshots().output(output, call.inputs) : null,
                    error);
            if (route == null) {
                exporter.offer(run);
            } else {
                route.accept(run, call.arguments, error == null ? output : null);
            }
        } catch (Throwable t) {
            lost(t);
        }
    }

    /**
     * The traced model's handle when {@code fn} is a function {@code trace} returned, else null (also
     * for one deserialized where no tracker of its project is open).
     */
    public static ModelHandle of(Object fn) {
        return fn instanceof TracedModel traced ? traced.model() : null;
    }

    Origin origin() {
        return origin;
    }

    /** The judge's tag when this model's runs are assessed, else null. */
    String judgeTag() {
        return route == null ? null : route.judgeTag();
    }

    /**
     * The id of the last outermost traced call that ended on this thread, cleared as it is read;
     * null when none ended since the last read (or its run could not be recorded).
     */
    public static UUID takeLastRunId() {
        Object[] calls = CALLS.get();
        UUID id = (UUID) calls[LAST_ROOT];
        calls[LAST_ROOT] = null;
        return id;
    }

    PendingVersion version() {
        return version;
    }

    /** The version's identity key. */
    public String versionKey() {
        return identity.versionKey();
    }

    /** The version's tag, waiting for registration up to the configured timeout. */
    public String tag() {
        try {
            return version.tag().get(tagTimeoutMs, TimeUnit.MILLISECONDS).toString();
        } catch (TimeoutException e) {
            throw new TagUnavailable(unavailable(), e);
        } catch (ExecutionException e) {
            throw new TagUnavailable("model \"" + name() + "\" has no tag: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TagUnavailable("interrupted while waiting for the tag of model \"" + name() + "\"", e);
        }
    }

    private String unavailable() {
        String why = version.lastFailure() != null ? version.lastFailure() : exporter.sinkProblem();
        return "model \"" + name() + "\" has no tag yet: registration did not finish within " + tagTimeoutMs + " ms"
                + (why != null ? "; the last attempt failed: " + why : "; it is still running in the background");
    }

    @Override
    public String toString() {
        return "traced model " + name();
    }
}
