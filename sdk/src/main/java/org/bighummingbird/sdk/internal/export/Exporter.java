package org.bighummingbird.sdk.internal.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.bighummingbird.DropCause;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.SinkUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves runs from the calling threads to a {@link RunSink} on one background thread. The hot path,
 * {@link #offer}, only puts an event into a bounded queue. The exporter thread registers versions,
 * serialises runs in batches and writes them to the sink; when the sink fails or falls behind it
 * appends them to the disk {@link Spool} instead, and replays the spool when the sink is back
 * ({@link RetryClock} says when). Only when the queue is full are runs dropped, counted and logged,
 * and when the sink refuses them for good ({@link SinkRejected}, see {@link Rejections}). The queue
 * is bounded by runs and by the estimated memory their snapshots hold
 * ({@link ExporterOptions#maxQueueBytes()}). Nothing a sink or a value throws stops the exporter
 * thread, not even an {@link Error}: it is logged and the exporter goes on.
 */
public final class Exporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
    private static final long IDLE_POLL_MS = 20;
    private static final long DROP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long REPLAY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long close() waits past its deadline for a sink write in flight (a request times out sooner). */
    private static final long IN_FLIGHT_MS = 10_000;

    private final String project;
    private final RunSink sink;
    private final Spool spool;
    private final ExporterOptions options;
    private final ArrayBlockingQueue<RunEvent> queue;
    /** Estimated memory of the runs in {@link #queue}, reserved by offer() and released by drain(). */
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Snapshots snapshots;
    private final Thread thread;

    private final LongAdder accepted = new LongAdder();
    private final DropCounts drops = new DropCounts();
    private final RunsInBounds inBounds;
    private final Versions versions;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicReference<Throwable> hotPathFault = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    private volatile long deadlineNanos;
    private volatile String sinkProblem;

    // exporter thread only
    private final RetryClock retry;
    private final Rejections rejections;
    private final SpoolReplay replay;
    private long droppedReported;
    private long lastDropReportNanos;
    private long lastReplayNanos;
    private boolean faultReported;
    private boolean spoolFailing;
    private final Set<Class<?>> survivedKinds = new HashSet<>();
    private final ArrayDeque<List<RunRecord>> held = new ArrayDeque<>();
    private final SerializeAhead ahead = new SerializeAhead();

    public Exporter(String project, RunSink sink, Path spoolDir, ExporterOptions options) {
        this(project, sink, new Spool(spoolDir, options.maxSpoolBytes()), options);
    }

    Exporter(String project, RunSink sink, Spool spool, ExporterOptions options) {
        this.project = project;
        // an Error from the sink is a failed write, retried: it must not end the exporter thread
        this.sink = new GuardedSink(sink);
        this.spool = spool;
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.snapshots = new Snapshots(options.snapshotLimits());
        this.retry = new RetryClock(options.retryBackoff(), options.maxRetryBackoff());
        this.rejections = new Rejections(this.sink, drops.adder(DropCause.REFUSED));
        this.inBounds = new RunsInBounds(drops.adder(DropCause.OUT_OF_RANGE));
        this.versions = new Versions(project, this.sink, rejections, drops);
        this.replay = new SpoolReplay(spool, this.sink, options.batchSize(), rejections);
        this.thread = new Thread(this::run, "bhb-exporter");
        this.thread.setDaemon(true);
    }

    /** Starts the background thread. */
    public void start() {
        thread.start();
    }

    /** How the calling threads snapshot inputs and outputs, within this exporter's limits. */
    public Snapshots snapshots() {
        return snapshots;
    }

    /**
     * Hands a finished run over; never blocks. False when it was dropped (queue full by runs or by
     * bytes, or closed).
     */
    public boolean offer(RunEvent event) {
        long bytes = Snapshots.queueBytes(event);
        if (!closing && reserve(bytes)) {
            if (queue.offer(event)) {
                // close() may have begun between the check and the offer, and the exporter's last drain
                // may be over: take the run back and count it rather than leave it unaccounted
                if (closing && queue.remove(event)) {
                    queuedBytes.addAndGet(-bytes);
                    drops.add(DropCause.CLOSED, 1);
                    return false;
                }
                accepted.increment();
                return true;
            }
            queuedBytes.addAndGet(-bytes);
        }
        drops.add(closing ? DropCause.CLOSED : DropCause.QUEUE_FULL, 1);
        return false;
    }

    /**
     * Takes room for a run in the queue's memory budget. A run larger than the whole budget is let in
     * when nothing else is queued, so that it is not dropped for ever.
     */
    private boolean reserve(long bytes) {
        long after = queuedBytes.addAndGet(bytes);
        if (after <= options.maxQueueBytes() || after == bytes) {
            return true;
        }
        queuedBytes.addAndGet(-bytes);
        return false;
    }

    /** Moves up to {@code max} runs from the queue to {@code batch}, releasing their bytes. */
    private void drain(List<RunEvent> batch, int max) {
        int from = batch.size();
        queue.drainTo(batch, max);
        long bytes = 0;
        for (int i = from; i < batch.size(); i++) {
            bytes += Snapshots.queueBytes(batch.get(i));
        }
        queuedBytes.addAndGet(-bytes);
    }

    /** Queues a version for registration in the background. */
    public void register(PendingVersion version) {
        versions.offer(version);
    }

    /** Records a fault on a calling thread; the exporter logs the first one, once. */
    public void fault(Throwable t) {
        hotPathFault.compareAndSet(null, t);
    }

    /** Counts a run lost before it reached the exporter (a calling thread's fault). */
    public void drop(DropCause cause) {
        drops.add(cause, 1);
    }

    /** Runs dropped so far, for every cause: see {@link #droppedByCause()}. */
    public long dropped() {
        return drops.total();
    }

    /** Runs dropped so far by cause, every cause present (zeros too); a snapshot. */
    public Map<DropCause, Long> droppedByCause() {
        return drops.byCause();
    }

    /** Why the sink is away, or null when it is not known to be. */
    public String sinkProblem() {
        return sinkProblem;
    }

    /**
     * Waits until every run accepted before the call is delivered or spooled.
     *
     * @return whether that happened within the timeout
     */
    public boolean flush(Duration timeout) {
        long target = accepted.sum();
        long end = System.nanoTime() + timeout.toNanos();
        while (completed.get() < target || !versions.noneIncoming()) {
            if (System.nanoTime() > end || !thread.isAlive()) {
                return false;
            }
            sleep(1);
        }
        return true;
    }

    private void run() {
        List<RunEvent> batch = new ArrayList<>(options.batchSize());
        try {
            while (!closing) {
                try {
                    exportOnce(batch);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Throwable t) {
                    survive(t);
                }
            }
            finish(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(batch);
        } catch (Throwable t) {
            LOG.error("BigHummingbird exporter failed while closing; runs traced from now on are dropped", t);
            // no one drains the queue any more: offer() must count runs as dropped, not take them
            closing = true;
            abandon(batch);
        }
    }

    /** One round of the loop: versions, held runs, a batch from the queue, the spool when due. */
    private void exportOnce(List<RunEvent> batch) throws InterruptedException, IOException {
        handleVersions();
        if (!retryHeld()) {
            // neither the sink nor the disk takes runs: stop draining, so the queue absorbs
            // calls until it is full, and only then are runs dropped
            sleep(IDLE_POLL_MS);
            reportProblems();
            return;
        }
        drain(batch, options.batchSize());
        boolean idle = batch.isEmpty() && !ahead.pending();
        // the spool goes out when the queue is idle, and at least every REPLAY_EVERY_NANOS
        // under steady traffic, which would otherwise keep it waiting until close()
        boolean replayDue = idle || System.nanoTime() - lastReplayNanos > REPLAY_EVERY_NANOS;
        boolean replayed = replayDue && sinkUsable() && replayOne();
        if (replayDue) {
            lastReplayNanos = System.nanoTime();
        }
        if (idle && !replayed) {
            // sleep rather than wait on the queue: a consumer waiting on it must be woken by
            // every offer(), a system call on the calling thread that costs more than the
            // rest of a traced call; runs wait up to IDLE_POLL_MS and go out in one batch
            Thread.sleep(IDLE_POLL_MS);
        }
        deliverAhead(batch);
        reportProblems();
    }

    /**
     * What the loop does with a failure nothing below it caught, an {@link Error} included: log it
     * (with its stack the first time per kind), pause so that a failure that repeats does not spin,
     * and go on. Runs in hand stay where they were: in the batch, the serialiser, or held.
     */
    private void survive(Throwable t) {
        if (survivedKinds.add(t.getClass())) {
            LOG.error("BigHummingbird's exporter caught a failure and goes on; the model's results are unaffected", t);
        } else {
            LOG.debug("BigHummingbird's exporter caught a failure again and goes on", t);
        }
        sleep(IDLE_POLL_MS);
    }

    /** On close: deliver what is queued, then replay the spool, while the close timeout lasts. */
    private void finish(List<RunEvent> batch) throws IOException {
        while (!pastDeadline() && (!queue.isEmpty() || !versions.noneIncoming() || !held.isEmpty() || ahead.pending())) {
            handleVersions();
            if (!retryHeld()) {
                sleep(IDLE_POLL_MS);
                continue;
            }
            drain(batch, options.batchSize());
            deliverAhead(batch);
        }
        while (!pastDeadline() && (spool.hasData() || versions.anyUnregistered())) {
            if (!sinkUsable()) {
                sleep(Math.min(retry.millisUntilRetry(),
                        TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()) + 1));
                continue;
            }
            handleVersions();
            if (!replayOne() && !spool.hasData()) {
                break;
            }
        }
        abandon(batch);
    }

    /** Puts whatever is still in memory into the spool, counting what even the disk refuses. */
    private void abandon(List<RunEvent> batch) {
        try {
            drain(batch, Integer.MAX_VALUE);
            acceptVersions();
            List<RunRecord> rest = ahead.take();
            rest.addAll(SerializeAhead.serialize(batch));
            batch.clear();
            for (List<RunRecord> records : held) {
                rest.addAll(records);
            }
            held.clear();
            rest = keepInBounds(rest);
            if (!rest.isEmpty() && !spoolRuns(rest)) {
                drops.add(DropCause.NOT_SPOOLED, rest.size());
            }
            spool.close();
        } catch (IOException | RuntimeException | LinkageError | AssertionError e) {
            LOG.error("BigHummingbird could not close its spool cleanly", e);
        }
        reportProblems();
        closeSink();
    }

    private void closeSink() {
        ahead.close();
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.warn("BigHummingbird could not close its sink cleanly", e);
        }
    }

    private void acceptVersions() {
        versions.accept();
    }

    private void handleVersions() {
        acceptVersions();
        if (!versions.anyUnregistered() || !sinkUsable()) {
            return;
        }
        Exception failure = versions.registerPending(this::sinkUp);
        if (failure != null) {
            sinkDown(failure);
        }
    }

    /**
     * Hands {@code batch} (emptied) to the serialiser and delivers the batch it serialised before,
     * so the next batch's JSON is written while this one goes to the sink.
     */
    private void deliverAhead(List<RunEvent> batch) {
        List<RunRecord> ready = ahead.pending() ? ahead.take() : null;
        if (!batch.isEmpty()) {
            ahead.start(batch);
            batch.clear();
        }
        if (ready != null) {
            deliver(ready);
        }
    }

    /** The runs a store keeps; the others are dropped here, and done with. */
    private List<RunRecord> keepInBounds(List<RunRecord> records) {
        List<RunRecord> kept = inBounds.keep(records);
        completed.addAndGet(records.size() - kept.size());
        return kept;
    }

    private void deliver(List<RunRecord> records) {
        acceptVersions();
        records = keepInBounds(records);
        if (records.isEmpty()) {
            return;
        }
        if (versions.anyRefused()) {
            // runs of a version the sink refused can never be stored: drop them before they take disk
            List<RunRecord> deliverable = versions.deliverable(records);
            versions.dropUndeliverable(records, deliverable);
            completed.addAndGet(records.size() - deliverable.size());
            records = deliverable;
            if (records.isEmpty()) {
                return;
            }
        }
        boolean placed;
        try {
            placed = place(records);
        } catch (RuntimeException | Error e) {
            // the loop survives it: keep the runs to be placed again rather than lose them
            held.add(records);
            throw e;
        }
        if (!placed) {
            held.add(records);
        }
    }

    /** Delivers held runs first, in order. False when some are still held. */
    private boolean retryHeld() {
        while (!held.isEmpty()) {
            List<RunRecord> records = held.peek();
            if (!place(records)) {
                return false;
            }
            held.poll();
        }
        return true;
    }

    /** Writes runs to the sink, else to the spool. False when neither took them. */
    private boolean place(List<RunRecord> records) {
        // a sink that falls behind lets the queue fill: spool to make room rather than drop later.
        // Once closing, no call can add runs, so there is no room to make: spooling then would only
        // put a write and a re-read of every run in front of the same sink write.
        boolean fallingBehind = !closing && (queue.remainingCapacity() < options.queueCapacity() / 4
                || queuedBytes.get() > options.maxQueueBytes() / 4 * 3);
        boolean sinkFirst = sinkUsable() && !fallingBehind && !pastDeadline();
        if (sinkFirst && writeToSink(records)) {
            return true;
        }
        if (spoolRuns(records)) {
            completed.addAndGet(records.size());
            return true;
        }
        // the spool is full or the disk refuses: a sink that is merely slow still beats holding on
        return !sinkFirst && sinkUsable() && !pastDeadline() && writeToSink(records);
    }

    private boolean writeToSink(List<RunRecord> records) {
        List<RunRecord> deliverable = records;
        try {
            deliverable = versions.ensureRegistered(records);
            sink.write(project, deliverable);
            sinkUp();
            versions.dropUndeliverable(records, deliverable);
            completed.addAndGet(records.size());
            return true;
        } catch (SinkRejected e) {
            // the sink answered and said no: retrying cannot mend it, and the batches behind it go on
            sinkUp();
            versions.dropUndeliverable(records, deliverable);
            rejections.runs(e, e.refusedRuns().orElse(deliverable.size()));
            completed.addAndGet(records.size());
            return true;
        } catch (Exception e) {
            sinkDown(e);
            return false;
        }
    }

    /** Appends runs to the spool. False when the disk refused them or the spool budget is spent. */
    private boolean spoolRuns(List<RunRecord> records) {
        List<VersionRegistration> registrations = versions.registrationsOf(records);
        try {
            if (spool.append(project, registrations, records)) {
                spoolFailing = false;
                return true;
            }
            if (!spoolFailing) {
                LOG.warn("BigHummingbird's spool is full ({} bytes); runs wait in memory", options.maxSpoolBytes());
            }
        } catch (IOException | RuntimeException e) {
            if (!spoolFailing) {
                LOG.error("BigHummingbird cannot write its spool; runs wait in memory until the store or the disk"
                        + " takes them", e);
            }
        }
        spoolFailing = true;
        return false;
    }

    /** Replays one spool file into the sink. False when there was nothing to replay. */
    private boolean replayOne() throws IOException {
        return switch (replay.replayOne()) {
            case NOTHING -> false;
            case SET_ASIDE -> true;
            case REPLAYED -> {
                sinkUp();
                yield true;
            }
            case SINK_FAILED -> {
                sinkDown(replay.failure());
                yield true;
            }
        };
    }

    private boolean sinkUsable() {
        return retry.usable();
    }

    private void sinkDown(Exception e) {
        versions.forgetConfirmed();
        sinkProblem = Versions.describe(e);
        Duration retryAfter = e instanceof SinkUnavailable u ? u.retryAfter().orElse(null) : null;
        if (retry.failed(retryAfter)) {
            LOG.warn("BigHummingbird cannot deliver to {}; runs are kept in the spool until it is back", sink, e);
        }
    }

    private void sinkUp() {
        if (retry.succeeded()) {
            LOG.info("BigHummingbird can deliver to {} again; replaying the spool", sink);
        }
        sinkProblem = null;
    }

    private void reportProblems() {
        Throwable fault = hotPathFault.get();
        if (fault != null && !faultReported) {
            faultReported = true;
            LOG.error("BigHummingbird failed to record a run; the model's results are unaffected", fault);
        }
        rejections.report(closing);
        long now = System.nanoTime();
        long total = drops.total() - rejections.refusedRuns();
        if (total > droppedReported && (closing || now - lastDropReportNanos > DROP_REPORT_NANOS)) {
            LOG.warn("BigHummingbird dropped {} runs so far (the queue holds {}): {}", total, options.queueCapacity(),
                    drops.byCause());
            droppedReported = total;
            lastDropReportNanos = now;
        }
    }

    private boolean pastDeadline() {
        return closing && System.nanoTime() - deadlineNanos > 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops accepting runs, delivers what is queued and replays the spool for up to the close
     * timeout, then leaves the rest in the spool. Idempotent.
     */
    @Override
    public void close() {
        closeBy(System.nanoTime() + options.closeTimeout().toNanos());
    }

    /**
     * As {@link #close()}, delivering until {@code deadlineNanos} (a {@link System#nanoTime()}
     * reading) instead of for the close timeout: the tracker's one deadline, part of which it spent
     * waiting for judges. A sink write still in flight then is waited for, up to 10 s more, so that
     * its runs end in the sink or the spool. Idempotent.
     */
    public void closeBy(long deadlineNanos) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        this.deadlineNanos = deadlineNanos;
        closing = true;
        try {
            thread.join(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())) + IN_FLIGHT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("BigHummingbird's exporter did not stop in time; undelivered runs stay in the spool");
        }
    }
}
