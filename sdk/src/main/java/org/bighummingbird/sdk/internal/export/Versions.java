package org.bighummingbird.sdk.internal.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bighummingbird.core.BhbException;
import org.bighummingbird.DropCause;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model versions the {@link Exporter} knows: handed over by trace() ({@link #offer}, any
 * thread), built into registrations, registered with the sink, confirmed, or refused for good. Says
 * which runs of a batch can be written and counts the others as dropped. Apart from {@link #offer}
 * and {@link #noneIncoming}, exporter thread only.
 */
final class Versions {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

    private final String project;
    private final RunSink sink;
    private final Rejections rejections;
    private final DropCounts drops;
    private final ConcurrentLinkedQueue<PendingVersion> incoming = new ConcurrentLinkedQueue<>();
    private final Map<String, VersionRegistration> built = new HashMap<>();
    private final Map<String, PendingVersion> unregistered = new LinkedHashMap<>();
    private final Set<String> confirmed = new HashSet<>();
    private final Map<String, SinkRejected> refused = new HashMap<>();

    Versions(String project, RunSink sink, Rejections rejections, DropCounts drops) {
        this.project = project;
        this.sink = sink;
        this.rejections = rejections;
        this.drops = drops;
    }

    /** Hands a version over from trace(); any thread. */
    void offer(PendingVersion version) {
        incoming.add(version);
    }

    /** Whether every version handed over was accepted; any thread. */
    boolean noneIncoming() {
        return incoming.isEmpty();
    }

    /** Whether some accepted version is neither registered nor refused yet. */
    boolean anyUnregistered() {
        return !unregistered.isEmpty();
    }

    /** Whether the sink refused some version for good. */
    boolean anyRefused() {
        return !refused.isEmpty();
    }

    /** Forgets which versions the sink confirmed: a sink that went away may have lost them. */
    void forgetConfirmed() {
        confirmed.clear();
    }

    /**
     * Builds registrations handed over by trace(). trace() queues a version before any call of the
     * model can queue a run, so after draining runs, this finds every version they name.
     */
    void accept() {
        PendingVersion v;
        while ((v = incoming.poll()) != null) {
            VersionRegistration reg = build(v);
            if (reg != null && !built.containsKey(v.id())) {
                built.put(v.id(), reg);
                unregistered.put(v.id(), v);
            }
        }
    }

    /**
     * Registers the versions not registered yet, in order, calling {@code registered} after each
     * the sink took; a refusal marks that version refused and goes on.
     *
     * @return the failure that stopped it (the sink is away), or null
     */
    Exception registerPending(Runnable registered) {
        for (PendingVersion pending : new ArrayList<>(unregistered.values())) {
            try {
                register(pending.id(), built.get(pending.id()));
                registered.run();
            } catch (SinkRejected e) {
                refuse(pending.id(), e);
            } catch (Exception e) {
                pending.failed(describe(e));
                return e;
            }
        }
        return null;
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

    /**
     * Registers the versions a batch names that the sink has not confirmed, and returns the runs
     * that can be written: runs of a version whose registration could not even be built, or that
     * the sink refused, can never be stored; they are left out rather than block the batch around
     * them, and counted as dropped once the rest is written ({@link #dropUndeliverable}).
     */
    List<RunRecord> ensureRegistered(List<RunRecord> records) throws Exception {
        for (String id : ids(records)) {
            VersionRegistration reg = built.get(id);
            if (reg == null || confirmed.contains(id) || refused.containsKey(id)) {
                continue;
            }
            try {
                register(id, reg);
            } catch (SinkRejected e) {
                refuse(id, e);
            }
        }
        return deliverable(records);
    }

    /** The runs of versions that were built and that the sink did not refuse. */
    List<RunRecord> deliverable(List<RunRecord> records) {
        List<RunRecord> deliverable = null;
        RunRecord previous = null;
        boolean ok = false;
        for (int i = 0; i < records.size(); i++) {
            RunRecord r = records.get(i);
            if (previous == null || !sameVersion(previous, r)) {
                String id = PendingVersion.id(r.modelName(), r.versionKey());
                ok = built.containsKey(id) && !refused.containsKey(id);
            }
            previous = r;
            if (!ok && deliverable == null) {
                deliverable = new ArrayList<>(records.subList(0, i));
            } else if (ok && deliverable != null) {
                deliverable.add(r);
            }
        }
        return deliverable == null ? records : deliverable;
    }

    /** Counts the runs {@link #deliverable} left out as dropped, with the sink's reason where it gave one. */
    void dropUndeliverable(List<RunRecord> records, List<RunRecord> deliverable) {
        if (records.size() == deliverable.size()) {
            return;
        }
        for (RunRecord r : records) {
            String id = PendingVersion.id(r.modelName(), r.versionKey());
            SinkRejected refusal = refused.get(id);
            if (refusal != null) {
                rejections.runs(refusal, 1);
            } else if (!built.containsKey(id)) {
                drops.add(DropCause.NO_VERSION, 1);
            }
        }
    }

    /** The registrations of the versions a batch names that were built, for the spool. */
    List<VersionRegistration> registrationsOf(List<RunRecord> records) {
        List<VersionRegistration> registrations = new ArrayList<>();
        for (String id : ids(records)) {
            VersionRegistration reg = built.get(id);
            if (reg != null) {
                registrations.add(reg);
            }
        }
        return registrations;
    }

    /** Marks a version the sink refused: it gets no tag, and trace()'s tag() says why. */
    private void refuse(String id, SinkRejected e) {
        refused.put(id, e);
        rejections.registration(e);
        PendingVersion pending = unregistered.remove(id);
        if (pending != null) {
            pending.failed(e.reason());
            pending.tag().completeExceptionally(e);
        }
    }

    /** Registers one version with the sink, marks it confirmed and completes the tag trace() waits for. */
    private void register(String id, VersionRegistration reg) throws Exception {
        Tag tag = sink.register(project, reg);
        confirmed.add(id);
        PendingVersion pending = unregistered.remove(id);
        if (pending != null) {
            pending.tag().complete(tag);
        }
    }

    /** The versions a batch names, as {@link PendingVersion#id(String, String)}. */
    private static Set<String> ids(List<RunRecord> records) {
        Set<String> ids = new LinkedHashSet<>();
        RunRecord previous = null;
        for (RunRecord r : records) {
            if (previous == null || !sameVersion(previous, r)) {
                ids.add(PendingVersion.id(r.modelName(), r.versionKey()));
            }
            previous = r;
        }
        return ids;
    }

    /**
     * Whether two runs name the same version. Runs of one model come in long stretches holding the
     * same two strings, so this spares building and hashing an id per run.
     */
    private static boolean sameVersion(RunRecord a, RunRecord b) {
        return a.versionKey().equals(b.versionKey()) && a.modelName().equals(b.modelName());
    }

    /** A failure as tag() and the logs name it: our exceptions say it all in their message. */
    static String describe(Exception e) {
        return e instanceof BhbException && e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
