package org.bighummingbird;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored evaluation: a model version run over a dataset version, each row scored by a judge
 * version. Holds the header and summary; {@link #rows()} reads the rows back from the store a page
 * at a time, so an evaluation of any size takes little memory. Immutable and thread-safe; iterating
 * the rows needs the {@link BigHummingbird} that returned it to be open.
 */
public interface Evaluation {
    /** Where an evaluation stands. */
    enum Status {
        /** Rows are still being run and stored. */
        RUNNING,
        /** Every row is stored and the summary is filled. */
        COMPLETE,
        /** It stopped early; {@link #failure()} says why. */
        FAILED,
        /**
         * Its process stopped sending heartbeats while it ran (it died or hangs), and a sweep marked it
         * so; {@link #failure()} says since when.
         */
        ABANDONED
    }

    /**
     * What an evaluation found.
     *
     * @param rows rows scored
     * @param passed rows whose criterion said yes
     * @param failed rows whose criterion said no (error rows not included)
     * @param errors error rows: the model threw, or the judge failed
     * @param meanScore mean of the scores, empty when no row has one
     * @param minScore the lowest score, empty when no row has one
     * @param maxScore the highest score, empty when no row has one
     * @param latencyP50 the median model latency (nearest rank); zero without rows
     * @param latencyP95 the 95th percentile model latency (nearest rank); zero without rows
     */
    record Summary(int rows, int passed, int failed, int errors, Optional<Double> meanScore,
            Optional<Double> minScore, Optional<Double> maxScore, Duration latencyP50, Duration latencyP95) {
        /** Rows that count against the verdict: {@code failed + errors}. */
        public int failures() {
            return failed + errors;
        }

        /** Whether no row failed or errored (a judge without criterion fails no row). */
        public boolean allPassed() {
            return failures() == 0;
        }
    }

    /**
     * One row's result.
     *
     * @param index the dataset row's index, from 0
     * @param inputJson the row's input as JSON
     * @param outputJson the model's output as JSON, null when the model threw
     * @param score the judge's score, null on an error row
     * @param passed the criterion's answer; null on an error row and for a judge without criterion
     * @param latency the model call's wall time
     * @param error why this is an error row, or null
     * @param runId the model call's run id, or null when none was recorded
     */
    record Row(int index, String inputJson, String outputJson, Double score, Boolean passed, Duration latency,
            String error, String runId) {
        /** Whether the model or the judge failed on this row. */
        public boolean isError() {
            return error != null;
        }
    }

    /** The evaluation's id, a time-ordered UUID. */
    String id();

    /** The model version's tag, {@code name:vN}. */
    String modelTag();

    /** The dataset version's tag. */
    String datasetTag();

    /** The judge version's tag. */
    String judgeTag();

    /** Where it stands; an evaluation {@code evaluate} returns is always complete. */
    Status status();

    /** Why it failed or was abandoned; empty unless {@link #status()} is {@code FAILED} or {@code ABANDONED}. */
    Optional<String> failure();

    /** Rows it ran at once. */
    int parallelism();

    /** When it started. */
    Instant createdAt();

    /** When it completed, failed or was abandoned; empty while it runs. */
    Optional<Instant> finishedAt();

    /**
     * The summary of a complete evaluation.
     *
     * @throws IllegalStateException when it is running or failed, saying which
     */
    Summary summary();

    /**
     * The rows in index order, read from the store {@value #PAGE} at a time as the iteration goes;
     * each iteration starts over.
     */
    Iterable<Row> rows();
}
