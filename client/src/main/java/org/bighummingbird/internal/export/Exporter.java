package org.bighummingbird.internal.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.bighummingbird.core.BhbException;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.spi.RunSink;
import org.bighummingbird.store.NotFound;
import org.bighummingbird.store.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves runs from the calling threads to a {@link RunSink} on one background thread. The hot path,
 * {@link #offer}, only puts an event into a bounded queue. The exporter thread registers versions,
 * serialises runs in batches and writes them to the sink; when the sink fails or falls behind it
 * appends them to the disk {@link Spool} instead, and replays the spool when the sink is back. Only
 * when the queue is full are runs dropped, counted and logged.
 */
public final class Exporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
    private static final long IDLE_POLL_MS = 20;
    private static final long DROP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String project;
    private final RunSink sink;
    private final Spool spool;
    private final ExporterOptions options;
    private final ArrayBlockingQueue<RunEvent> queue;
    private final ConcurrentLinkedQueue<PendingVersion> incoming = new ConcurrentLinkedQueue<>();
    private final Thread thread;

    private final LongAdder accepted = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicReference<Throwable> hotPathFault = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    private volatile long deadlineNanos;
    private volatile String sinkProblem;

    // exporter thread only
    private final Map<String, VersionRegistration> built = new HashMap<>();
    private final Map<String, PendingVersion> unregistered = new LinkedHashMap<>();
    private final Set<String> confirmed = new HashSet<>();
    private boolean sinkDown;
    private long retryAtNanos;
    private long backoffNanos;
    private long droppedReported;
    private long lastDropReportNanos;
    private boolean faultReported;
    private boolean spoolFailing;
    private final ArrayDeque<List<RunRecord>> held = new ArrayDeque<>();

    public Exporter(String project, RunSink sink, Path spoolDir, ExporterOptions options) {
        this.project = project;
        this.sink = sink;
        this.spool = new Spool(spoolDir, options.maxSpoolBytes());
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.thread = new Thread(this::run, "bhb-exporter");
        this.thread.setDaemon(true);
    }

    /** Starts the background thread. */
    public void start() {
        thread.start();
    }

    /** Hands a finished run over; never blocks. False when it was dropped (queue full or closed). */
    public boolean offer(RunEvent event) {
        if (!closing && queue.offer(event)) {
            // close() may have begun between the check and the offer, and the exporter's last drain
            // may be over: take the run back and count it rather than leave it unaccounted
            if (closing && queue.remove(event)) {
                dropped.increment();
                return false;
            }
            accepted.increment();
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Queues a version for registration in the background. */
    public void register(PendingVersion version) {
        incoming.add(version);
    }

    /** Records a fault on a calling thread; the exporter logs the first one, once. */
    public void fault(Throwable t) {
        hotPathFault.compareAndSet(null, t);
    }

    /** Runs dropped so far because the queue was full, the spool budget spent or the exporter closed. */
    public long dropped() {
        return dropped.sum();
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
        while (completed.get() < target || !incoming.isEmpty()) {
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
                handleVersions();
                if (!retryHeld()) {
                    // neither the sink nor the disk takes runs: stop draining, so the queue absorbs
                    // calls until it is full, and only then are runs dropped
                    sleep(IDLE_POLL_MS);
                    reportProblems();
                    continue;
                }
                queue.drainTo(batch, options.batchSize());
                if (batch.isEmpty() && !(sinkUsable() && replayOne())) {
                    // sleep rather than wait on the queue: a consumer waiting on it must be woken by
                    // every offer(), a system call on the calling thread that costs more than the
                    // rest of a traced call; runs wait up to IDLE_POLL_MS and go out in one batch
                    Thread.sleep(IDLE_POLL_MS);
                }
                if (!batch.isEmpty()) {
                    deliver(batch);
                    batch.clear();
                }
                reportProblems();
            }
            finish(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(batch);
        } catch (Throwable t) {
            LOG.error("BigHummingbird exporter failed; runs traced from now on are dropped", t);
            abandon(batch);
        }
    }

    /** On close: deliver what is queued, then replay the spool, while the close timeout lasts. */
    private void finish(List<RunEvent> batch) throws IOException {
        while (!pastDeadline() && (!queue.isEmpty() || !incoming.isEmpty() || !held.isEmpty())) {
            handleVersions();
            if (!retryHeld()) {
                sleep(IDLE_POLL_MS);
                continue;
            }
            queue.drainTo(batch, options.batchSize());
            if (!batch.isEmpty()) {
                deliver(batch);
                batch.clear();
            }
        }
        while (!pastDeadline() && (spool.hasData() || !unregistered.isEmpty())) {
            if (!sinkUsable()) {
                sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(retryAtNanos - System.nanoTime()) + 1,
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
            queue.drainTo(batch);
            acceptVersions();
            List<RunRecord> rest = serialize(batch);
            batch.clear();
            for (List<RunRecord> records : held) {
                rest.addAll(records);
            }
            held.clear();
            if (!rest.isEmpty() && !spoolRuns(rest)) {
                dropped.add(rest.size());
                LOG.error("BigHummingbird lost {} runs: neither the store nor the spool under {} took them",
                        rest.size(), spool);
            }
            spool.close();
        } catch (IOException | RuntimeException | LinkageError | AssertionError e) {
            LOG.error("BigHummingbird could not close its spool cleanly", e);
        }
        reportProblems();
        closeSink();
    }

    private void closeSink() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.warn("BigHummingbird could not close its sink cleanly", e);
        }
    }

    /**
     * Builds registrations handed over by trace(). trace() queues a version before any call of the
     * model can queue a run, so after draining runs, this finds every version they name.
     */
    private void acceptVersions() {
        PendingVersion v;
        while ((v = incoming.poll()) != null) {
            VersionRegistration reg = build(v);
            if (reg != null && !built.containsKey(v.id())) {
                built.put(v.id(), reg);
                unregistered.put(v.id(), v);
            }
        }
    }

    private void handleVersions() {
        acceptVersions();
        if (unregistered.isEmpty() || !sinkUsable()) {
            return;
        }
        for (PendingVersion pending : new ArrayList<>(unregistered.values())) {
            try {
                registerVersion(pending.id(), built.get(pending.id()));
                sinkUp();
            } catch (Exception e) {
                pending.failed(e.toString());
                sinkDown(e);
                return;
            }
        }
    }

    private static VersionRegistration build(PendingVersion v) {
        try {
            return v.build().get();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            v.failed("could not build the registration: " + e);
            LOG.error("BigHummingbird could not build the registration of version {}; its runs cannot be stored",
                    v.key(), e);
            return null;
        }
    }

    private void deliver(List<RunEvent> events) {
        acceptVersions();
        List<RunRecord> records = serialize(events);
        if (!place(records)) {
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
        boolean fallingBehind = !closing && queue.remainingCapacity() < options.queueCapacity() / 4;
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
        try {
            List<RunRecord> deliverable = ensureRegistered(records);
            sink.write(project, deliverable);
            sinkUp();
            completed.addAndGet(records.size());
            return true;
        } catch (Exception e) {
            sinkDown(e);
            return false;
        }
    }

    private static List<RunRecord> serialize(List<RunEvent> events) {
        List<RunRecord> records = new ArrayList<>(events.size());
        for (RunEvent e : events) {
            records.add(RunSerializer.toRecord(e));
        }
        return records;
    }

    /**
     * Registers the versions a batch names that the sink has not confirmed, and returns the runs
     * that can be written: runs of a version whose registration could not even be built can never
     * be stored, and are counted as dropped rather than block the batch around them.
     */
    private List<RunRecord> ensureRegistered(List<RunRecord> records) throws Exception {
        Set<String> unbuildable = null;
        for (String id : versionIds(records)) {
            if (confirmed.contains(id)) {
                continue;
            }
            VersionRegistration reg = built.get(id);
            if (reg == null) {
                unbuildable = unbuildable == null ? new HashSet<>() : unbuildable;
                unbuildable.add(id);
            } else {
                registerVersion(id, reg);
            }
        }
        if (unbuildable == null) {
            return records;
        }
        List<RunRecord> deliverable = new ArrayList<>(records.size());
        for (RunRecord r : records) {
            if (!unbuildable.contains(PendingVersion.id(r.modelName(), r.versionKey()))) {
                deliverable.add(r);
            }
        }
        dropped.add(records.size() - deliverable.size());
        return deliverable;
    }

    /** Registers one version with the sink, marks it confirmed and completes the tag trace() waits for. */
    private void registerVersion(String id, VersionRegistration reg) throws Exception {
        Tag tag = sink.register(project, reg);
        confirmed.add(id);
        PendingVersion pending = unregistered.remove(id);
        if (pending != null) {
            pending.tag().complete(tag);
        }
    }

    /** The versions a batch names, as {@link PendingVersion#id(String, String)}. */
    private static Set<String> versionIds(List<RunRecord> records) {
        Set<String> ids = new LinkedHashSet<>();
        for (RunRecord r : records) {
            ids.add(PendingVersion.id(r.modelName(), r.versionKey()));
        }
        return ids;
    }

    /** Appends runs to the spool. False when the disk refused them or the spool budget is spent. */
    private boolean spoolRuns(List<RunRecord> records) {
        List<VersionRegistration> registrations = new ArrayList<>();
        for (String id : versionIds(records)) {
            VersionRegistration reg = built.get(id);
            if (reg != null) {
                registrations.add(reg);
            }
        }
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
        if (!spool.hasData()) {
            return false;
        }
        Path claimed = spool.claim();
        if (claimed == null) {
            return false;
        }
        try {
            Map<String, List<RunRecord>> byProject = new LinkedHashMap<>();
            for (SpoolLine line : Spool.read(claimed)) {
                if (line.v() != null) {
                    sink.register(line.p(), line.v());
                } else if (line.r() != null) {
                    List<RunRecord> runs = byProject.computeIfAbsent(line.p(), p -> new ArrayList<>());
                    runs.add(line.r());
                    if (runs.size() >= options.batchSize()) {
                        sink.write(line.p(), runs);
                        runs.clear();
                    }
                }
            }
            for (Map.Entry<String, List<RunRecord>> e : byProject.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    sink.write(e.getKey(), e.getValue());
                }
            }
            spool.done(claimed);
            sinkUp();
        } catch (Exception e) {
            if (isRejection(e)) {
                // the store is there and says no to this file's content: retrying it would block every
                // file behind it forever, so set it aside for a person to look at
                Path rejected = spool.reject(claimed);
                LOG.error("BigHummingbird's store rejected the spooled runs in {}; the file is kept as {}",
                        claimed.getFileName(), rejected, e);
            } else {
                sinkDown(e);
                spool.release(claimed);
            }
        }
        return true;
    }

    /** Failures that retrying cannot mend: the store answered, and refused the data. */
    private static boolean isRejection(Exception e) {
        return e instanceof NotFound || e instanceof IllegalArgumentException
                || (e instanceof BhbException && !(e instanceof StoreUnavailable));
    }

    private boolean sinkUsable() {
        return !sinkDown || System.nanoTime() - retryAtNanos >= 0;
    }

    private void sinkDown(Exception e) {
        confirmed.clear();
        sinkProblem = e.toString();
        long initial = options.retryBackoff().toNanos();
        backoffNanos = backoffNanos == 0 ? initial : Math.min(backoffNanos * 2, options.maxRetryBackoff().toNanos());
        retryAtNanos = System.nanoTime() + backoffNanos;
        if (!sinkDown) {
            sinkDown = true;
            LOG.warn("BigHummingbird cannot deliver to its store; runs are kept in the spool until it is back", e);
        }
    }

    private void sinkUp() {
        if (sinkDown) {
            LOG.info("BigHummingbird's store is back; replaying the spool");
        }
        sinkDown = false;
        sinkProblem = null;
        backoffNanos = 0;
    }

    private void reportProblems() {
        Throwable fault = hotPathFault.get();
        if (fault != null && !faultReported) {
            faultReported = true;
            LOG.error("BigHummingbird failed to record a run; the model's results are unaffected", fault);
        }
        long now = System.nanoTime();
        long total = dropped.sum();
        if (total > droppedReported && (closing || now - lastDropReportNanos > DROP_REPORT_NANOS)) {
            LOG.warn("BigHummingbird dropped {} runs so far: the queue of {} was full and the spool could not keep up",
                    total, options.queueCapacity());
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
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        deadlineNanos = System.nanoTime() + options.closeTimeout().toNanos();
        closing = true;
        try {
            thread.join(options.closeTimeout().toMillis() + 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("BigHummingbird's exporter did not stop in time; undelivered runs stay in the spool");
        }
    }
}
