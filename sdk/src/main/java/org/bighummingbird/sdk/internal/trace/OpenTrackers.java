package org.bighummingbird.sdk.internal.trace;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bighummingbird.sdk.internal.fingerprint.CallSite;

/**
 * The trackers open in this JVM, by project: how a traced function that was serialized elsewhere
 * (a Spark, Flink or Beam closure) finds the tracker to record its runs through. A tracker adds
 * itself when it opens and removes itself when it closes. Thread-safe.
 */
public final class OpenTrackers {
    private static final List<Tracker> OPEN = new CopyOnWriteArrayList<>();

    private OpenTrackers() {}

    /** An open tracker, as a deserialized traced function sees it. */
    public interface Tracker {
        /** The tracker's project. */
        String project();

        /** Whether it still records runs. */
        boolean isOpen();

        /**
         * Traces {@code fn} as trace() did where it was serialized.
         *
         * @param judgeTag the judge that scores its runs, or null for a model that is not assessed
         * @param site where trace() was called, or null
         */
        ModelHandle model(String name, Serializable fn, CallSite site, String judgeTag);
    }

    /** Makes {@code tracker} findable by its project. */
    public static void add(Tracker tracker) {
        OPEN.add(tracker);
    }

    /** Forgets {@code tracker}; harmless when it was not added. */
    public static void remove(Tracker tracker) {
        OPEN.remove(tracker);
    }

    /** The open tracker of {@code project} opened last, or null when none is. */
    static Tracker find(String project) {
        Object[] open = OPEN.toArray();
        for (int i = open.length - 1; i >= 0; i--) {
            Tracker t = (Tracker) open[i];
            if (t.project().equals(project) && t.isOpen()) {
                return t;
            }
        }
        return null;
    }
}
