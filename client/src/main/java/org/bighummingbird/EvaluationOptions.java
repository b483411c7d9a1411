package org.bighummingbird;

/**
 * How {@link BigHummingbird#evaluate(Object, String, String, EvaluationOptions)} runs: how many rows
 * at once, and whether a line per row is printed. Immutable; build with {@link #builder()}.
 *
 * @param parallelism rows run at once, each on its own thread; default {@value #DEFAULT_PARALLELISM}
 * @param printRows whether a line per row goes to stdout; the verdict is always printed. Default true
 */
public record EvaluationOptions(int parallelism, boolean printRows) {
    /** Rows run at once unless set otherwise. */
    public static final int DEFAULT_PARALLELISM = 32;
    /** The most rows an evaluation runs at once. */
    public static final int MAX_PARALLELISM = 1_024;

    public EvaluationOptions {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM + ", got " + parallelism);
        }
    }

    /** The defaults: parallelism 32, a line per row. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(DEFAULT_PARALLELISM, true);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EvaluationOptions}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private int parallelism = DEFAULT_PARALLELISM;
        private boolean printRows = true;

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

        /** The options set so far. */
        public EvaluationOptions build() {
            return new EvaluationOptions(parallelism, printRows);
        }
    }
}
