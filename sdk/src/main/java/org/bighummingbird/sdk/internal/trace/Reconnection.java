package org.bighummingbird.sdk.internal.trace;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.TagUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a deserialized traced function finds its handle: at its first call (an executor reads the
 * closure before user code opens the SDK), through the open tracker of its project, and again when
 * that tracker closed. Without one, the function is called untracked, and that is logged once per
 * model and JVM. Thread-safe; once connected, a call costs one volatile read more.
 */
final class Reconnection {
    private static final Logger LOG = LoggerFactory.getLogger(Reconnection.class);
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

    private final SerializedModel form;
    private volatile Bound bound;
    /** The tracker that could not trace the function: not asked again on every call. */
    private OpenTrackers.Tracker failed;

    private record Bound(OpenTrackers.Tracker tracker, ModelHandle handle) {}

    Reconnection(SerializedModel form) {
        this.form = form;
    }

    SerializedModel form() {
        return form;
    }

    /** The handle of the open tracker of the project, or null when none is open (or it failed). */
    ModelHandle handle() {
        Bound b = bound;
        if (b != null && b.tracker().isOpen()) {
            return b.handle();
        }
        OpenTrackers.Tracker tracker = OpenTrackers.find(form.project());
        if (tracker == null) {
            tellOnce(null);
            return null;
        }
        return connect(tracker);
    }

    private synchronized ModelHandle connect(OpenTrackers.Tracker tracker) {
        Bound b = bound;
        if (b != null && b.tracker() == tracker) {
            return b.handle();
        }
        if (failed == tracker) {
            return null;
        }
        try {
            ModelHandle handle = tracker.model(form.name(), form.fn(), form.site(), form.judgeTag());
            bound = new Bound(tracker, handle);
            return handle;
        } catch (RuntimeException | LinkageError e) {
            failed = tracker;
            tellOnce(e);
            return null;
        }
    }

    private void tellOnce(Throwable cause) {
        if (!TOLD.add(form.project() + '\u0000' + form.name())) {
            return;
        }
        if (cause == null) {
            LOG.warn("BigHummingbird: no BigHummingbird is open for project \"{}\" in this JVM; calls of the"
                    + " deserialized model \"{}\" are not tracked until one is", form.project(), form.name());
        } else {
            LOG.warn("BigHummingbird could not trace the deserialized model \"{}\" of project \"{}\"; its calls are"
                    + " not tracked", form.name(), form.project(), cause);
        }
    }

    /** The tag through the open tracker; says why there is none when no tracker of the project is open. */
    String tag() {
        ModelHandle handle = handle();
        if (handle == null) {
            throw new TagUnavailable("model \"" + form.name() + "\" was deserialized, and no BigHummingbird is open"
                    + " for project \"" + form.project() + "\" in this JVM to record it: open one first", null);
        }
        return handle.tag();
    }
}
