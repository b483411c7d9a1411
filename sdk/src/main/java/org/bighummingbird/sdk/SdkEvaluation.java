package org.bighummingbird.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.bighummingbird.Evaluation;
import org.bighummingbird.sdk.spi.catalog.Catalog;
import org.bighummingbird.sdk.spi.catalog.EvaluationInfo;
import org.bighummingbird.sdk.spi.catalog.EvaluationRowView;

/**
 * An {@link Evaluation} of the catalog: the header and summary as stored, and rows read back from
 * the catalog a page at a time. Immutable and thread-safe.
 */
final class SdkEvaluation implements Evaluation {
    private static final int PAGE = 1_000;

    private final EvaluationInfo info;
    private final Catalog catalog;

    SdkEvaluation(EvaluationInfo info, Catalog catalog) {
        this.info = info;
        this.catalog = catalog;
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public String modelTag() {
        return info.modelTag().toString();
    }

    @Override
    public String datasetTag() {
        return info.datasetTag().toString();
    }

    @Override
    public String judgeTag() {
        return info.judgeTag().toString();
    }

    @Override
    public Status status() {
        return Status.valueOf(info.status().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(info.failure());
    }

    @Override
    public int parallelism() {
        return info.parallelism();
    }

    @Override
    public Instant createdAt() {
        return micros(info.createdAtMicros());
    }

    @Override
    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(info.finishedAtMicros()).map(SdkEvaluation::micros);
    }

    @Override
    public Summary summary() {
        if (info.rows() == null) {
            throw new IllegalStateException("evaluation " + id() + " is " + info.status() + " and has no summary"
                    + (info.failure() == null ? "" : ": " + info.failure()));
        }
        return new Summary(info.rows(), info.passed(), info.failed(), info.errors(),
                Optional.ofNullable(info.meanScore()), Optional.ofNullable(info.minScore()),
                Optional.ofNullable(info.maxScore()), nanos(info.latencyP50Ns()), nanos(info.latencyP95Ns()));
    }

    @Override
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
