package org.bighummingbird;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.bighummingbird.internal.catalog.Catalog;
import org.bighummingbird.store.EvaluationInfo;
import org.bighummingbird.store.EvaluationRowView;

/**
 * A stored evaluation: a model version run over a dataset version, each row scored by a judge
 * version. Holds the header and summary; {@link #rows()} reads the rows back from the store a page
 * at a time, so an evaluation of any size takes little memory. Immutable and thread-safe; iterating
 * the rows needs the {@link BigHummingbird} that returned it to be open.
 */
public final class Evaluation {
    private static final int PAGE = 1_000;

    private final EvaluationInfo info;
    private final Catalog catalog;

    Evaluation(EvaluationInfo info, Catalog catalog) {
        this.info = info;
        this.catalog = catalog;
    }

    /** Where an evaluation stands. */
    public enum Status {
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
    public record Summary(int rows, int passed, int failed, int errors, Optional<Double> meanScore,
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
    public record Row(int index, String inputJson, String outputJson, Double score, Boolean passed, Duration latency,
            String error, String runId) {
        /** Whether the model or the judge failed on this row. */
        public boolean isError() {
            return error != null;
        }
    }

    /** The evaluation's id, a time-ordered UUID. */
    public String id() {
        return info.id();
    }

    /** The model version's tag, {@code name:vN}. */
    public String modelTag() {
        return info.modelTag().toString();
    }

    /** The dataset version's tag. */
    public String datasetTag() {
        return info.datasetTag().toString();
    }

    /** The judge version's tag. */
    public String judgeTag() {
        return info.judgeTag().toString();
    }

    /** Where it stands; an evaluation {@code evaluate} returns is always complete. */
    public Status status() {
        return Status.valueOf(info.status().toUpperCase(java.util.Locale.ROOT));
    }

    /** Why it failed or was abandoned; empty unless {@link #status()} is {@code FAILED} or {@code ABANDONED}. */
    public Optional<String> failure() {
        return Optional.ofNullable(info.failure());
    }

    /** Rows it ran at once. */
    public int parallelism() {
        return info.parallelism();
    }

    /** When it started. */
    public Instant createdAt() {
        return micros(info.createdAtMicros());
    }

    /** When it completed, failed or was abandoned; empty while it runs. */
    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(info.finishedAtMicros()).map(Evaluation::micros);
    }

    /**
     * The summary of a complete evaluation.
     *
     * @throws IllegalStateException when it is running or failed, saying which
     */
    public Summary summary() {
        if (info.rows() == null) {
            throw new IllegalStateException("evaluation " + id() + " is " + info.status() + " and has no summary"
                    + (info.failure() == null ? "" : ": " + info.failure()));
        }
        return new Summary(info.rows(), info.passed(), info.failed(), info.errors(),
                Optional.ofNullable(info.meanScore()), Optional.ofNullable(info.minScore()),
                Optional.ofNullable(info.maxScore()), nanos(info.latencyP50Ns()), nanos(info.latencyP95Ns()));
    }

    /**
     * The rows in index order, read from the store {@value #PAGE} at a time as the iteration goes;
     * each iteration starts over.
     */
    public Iterable<Row> rows() {
        return RowIterator::new;
    }

    /** The public form of a stored row; null for null. */
    static Row row(EvaluationRowView r) {
        return r == null ? null : new Row(r.index(), r.inputJson(), r.outputJson(), r.score(), r.passed(),
                Duration.ofNanos(r.latencyNs()), r.error(), r.runId());
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static Duration nanos(Long ns) {
        return ns == null ? Duration.ZERO : Duration.ofNanos(ns);
    }

    @Override
    public String toString() {
        return "evaluation " + id() + " of " + modelTag() + " on " + datasetTag() + " by " + judgeTag() + " ("
                + info.status() + ")";
    }

    private final class RowIterator implements Iterator<Row> {
        private List<EvaluationRowView> page = List.of();
        private int position;
        private int nextIndex;
        private boolean last;

        @Override
        public boolean hasNext() {
            if (position < page.size()) {
                return true;
            }
            if (last) {
                return false;
            }
            page = catalog.evaluationRows(id(), nextIndex, PAGE);
            position = 0;
            last = page.size() < PAGE;
            if (!page.isEmpty()) {
                nextIndex = page.get(page.size() - 1).index() + 1;
            }
            return !page.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return row(page.get(position++));
        }
    }
}
