package org.bighummingbird;

/**
 * Implemented by every function {@link BigHummingbird#trace(String, Fn1) trace} returns, beside
 * the {@code FnN} it wraps. Thread-safe.
 */
public interface Traced {
    /** The model's name. */
    String name();

    /**
     * The model version's tag, {@code name:vN}. Registration runs in the background; this waits
     * for it up to the configured timeout (10 s by default).
     *
     * @throws TagUnavailable when the version could not be registered in time, saying why
     */
    String tag();
}
