package org.bighummingbird;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link BigHummingbird#evaluate(Object, String, String, EvaluationOptions)} runs: how many rows
 * at once, whether a line per row is printed, and how often the running evaluation tells the store
 * that its process is alive. Immutable; build with {@link #builder()}.
 *
 * @param parallelism rows run at once, each on its own thread; default {@value #DEFAULT_PARALLELISM}
 * @param printRows whether a line per row goes to stdout; the verdict is always printed. Default true
 * @param heartbeatInterval how often the evaluation's heartbeat is sent while it runs, 1 ms to 1
 *     minute; default 10 s. A running evaluation without a heartbeat for 2 minutes (the store's and
 *     the server's default) is marked abandoned, as when its process died
 */
public record EvaluationOptions(int parallelism, boolean printRows, Duration heartbeatInterval) {
    /** Rows run at once unless set otherwise. */
    public static final int DEFAULT_PARALLELISM = 32;
    /** The most rows an evaluation runs at once. */
    public static final int MAX_PARALLELISM = 1_024;
    /** How often a running evaluation's heartbeat is sent unless set otherwise. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    /** The longest heartbeat interval: half the time after which a silent evaluation is abandoned. */
    public static final Duration MAX_HEARTBEAT_INTERVAL = Duration.ofMinutes(1);

    public EvaluationOptions {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM + ", got " + parallelism);
        }
        requireInterval(heartbeatInterval);
    }

    /** Options with the default heartbeat interval. */
    public EvaluationOptions(int parallelism, boolean printRows) {
        this(parallelism, printRows, DEFAULT_HEARTBEAT_INTERVAL);
    }

    /** The defaults: parallelism 32, a line per row, a heartbeat every 10 s. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(DEFAULT_PARALLELISM, true, DEFAULT_HEARTBEAT_INTERVAL);
    }

    private static void requireInterval(Duration interval) {
        Objects.requireNonNull(interval, "heartbeatInterval");
        if (interval.toMillis() < 1 || interval.compareTo(MAX_HEARTBEAT_INTERVAL) > 0) {
            throw new IllegalArgumentException("heartbeatInterval must be from 1 ms to " + MAX_HEARTBEAT_INTERVAL
                    .toSeconds() + " s, got " + interval);
        }
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EvaluationOptions}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private int parallelism = DEFAULT_PARALLELISM;
        private boolean printRows = true;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;

        private Builder() {}

        /** Rows run at once, 1 to {@value EvaluationOptions#MAX_PARALLELISM}; default 32. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM + ", got "
                        + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Whether a line per row goes to stdout (the verdict always does); default true. */
        public Builder printRows(boolean printRows) {
            this.printRows = printRows;
            return this;
        }

        /** How often the running evaluation's heartbeat is sent, 1 ms to 1 minute; default 10 s. */
        public Builder heartbeatInterval(Duration heartbeatInterval) {
            requireInterval(heartbeatInterval);
            this.heartbeatInterval = heartbeatInterval;
            return this;
        }

        /** The options set so far. */
        public EvaluationOptions build() {
            return new EvaluationOptions(parallelism, printRows, heartbeatInterval);
        }
    }
}
