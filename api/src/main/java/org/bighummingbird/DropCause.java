package org.bighummingbird;

/**
 * Why a run was dropped: neither stored nor left in the disk spool for a later process. Runs left
 * in the spool are not dropped; {@link BigHummingbird#droppedRunsByCause()} counts the rest by
 * cause, and the first drop of each cause is logged.
 */
public enum DropCause {
    /** The in-memory queue was full: the store or server, and the disk spool, could not keep up. */
    QUEUE_FULL("the in-memory queue was full and the spool could not keep up"),
    /** The model was called after {@link BigHummingbird#close()} began (or the exporter had stopped). */
    CLOSED("the model was called after the tracker closed"),
    /** The store or server refused the runs for good (a 4xx other than 429, a 500; see the log for why). */
    REFUSED("the store or server refused them for good"),
    /** Their model version could not be registered: its registration could not even be built. */
    NO_VERSION("their model version's registration could not be built"),
    /** At close, neither the store or server nor the disk spool took them. */
    NOT_SPOOLED("at close neither the store nor the disk spool took them"),
    /**
     * The run's times are outside what a store keeps ({@code RunBounds}): a start before 1970 or
     * after 9999, or a latency below zero or of a day or more. It is dropped alone, so that the
     * server does not refuse the other runs of its batch.
     */
    OUT_OF_RANGE("their start was outside years 1970 to 9999 or their latency outside 0 to 1 day"),
    /** Recording the run failed inside the tracker (the first fault is logged with its stack). */
    FAULT("recording the run failed");

    private final String description;

    DropCause(String description) {
        this.description = description;
    }

    /** What happened to runs dropped for this cause, in words, as the log says it. */
    public String description() {
        return description;
    }
}
