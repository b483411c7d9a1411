package org.bighummingbird.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's evaluations: a model version run over a dataset version and scored by a judge
 * version, created running, fed rows, then completed, failed or abandoned: {@link Store#evaluations()}.
 * Thread-safe.
 */
public final class EvaluationStore {
    /** Most rows {@link #rows} returns in one page, and most evaluations one {@link #list} returns. */
    public static final int MAX_PAGE = 10_000;

    /**
     * How long a running evaluation may go without a heartbeat before {@link #abandonSilent} marks
     * it abandoned, unless the caller says otherwise: 2 minutes, twelve times the SDK's default
     * heartbeat interval.
     */
    public static final Duration DEFAULT_SILENCE = Duration.ofMinutes(2);

    private final Evaluations evaluations;
    private final EvaluationSweep sweep;
    private final ComparisonQueries comparisons;
    private final StoreCalls calls;

    EvaluationStore(Database db, StoreCalls calls) {
        this.evaluations = new Evaluations(db);
        this.sweep = new EvaluationSweep(db);
        this.comparisons = new ComparisonQueries(db);
        this.calls = calls;
    }

    /**
     * Creates a running evaluation of the model version over the dataset version scored by the
     * judge version, under the id the client chose. Idempotent: when an evaluation with that id
     * exists with the same versions and parallelism (a retry whose first answer was lost), that one
     * is answered, {@code created} false, whatever its status now. The model version may be missing
     * from this store (its runs went elsewhere); the dataset and judge versions must be here.
     *
     * @throws NotFound when the project has no such dataset or judge version
     * @throws EvaluationConflict when the id is taken by an evaluation with other content, or in
     *     another project
     */
    public EvaluationCreation create(ProjectRef project, NewEvaluation evaluation) {
        return calls.call(() -> evaluations.create(project, evaluation));
    }

    /**
     * Records that the process running the evaluation is alive, and returns the evaluation. Appending
     * rows and completing are heartbeats too.
     *
     * @throws NotFound when the project has no such evaluation
     * @throws IllegalStateException when it is not running (complete, failed or abandoned)
     */
    public EvaluationInfo heartbeat(ProjectRef project, String evaluationId) {
        return calls.call(() -> evaluations.heartbeat(project, evaluationId));
    }

    /**
     * Marks the running evaluations of every project whose last heartbeat is more than {@code
     * silence} before {@code now} {@code abandoned}, with the reason ({@code no heartbeat since
     * <instant> …}) as their failure; at most 1,000 per call (the next call takes the rest). Safe
     * to call from many processes and servers at once. Cheap when there is nothing to abandon: one
     * indexed read.
     *
     * @param now the time to measure from (a parameter, so that tests need not wait)
     * @return how many this call abandoned
     */
    public int abandonSilent(Instant now, Duration silence) {
        if (silence.isNegative() || silence.isZero()) {
            throw new IllegalArgumentException("silence must be positive, got " + silence);
        }
        return calls.call(() -> sweep.abandon(now, silence));
    }

    /**
     * Appends finished rows to a running evaluation in one transaction; a row index stored already
     * is ignored, so a retried batch is stored once.
     *
     * @throws NotFound when the project has no such evaluation
     * @throws IllegalStateException when it is not running (complete, failed or abandoned)
     */
    public void appendRows(ProjectRef project, String evaluationId, List<EvaluationRowView> rows) {
        calls.run(() -> evaluations.appendRows(project, evaluationId, rows));
    }

    /**
     * Marks a running evaluation complete, with its summary computed from the stored rows in the
     * same transaction, and returns it.
     *
     * @throws NotFound when the project has no such evaluation
     * @throws IllegalStateException when it is not running (complete, failed or abandoned)
     */
    public EvaluationInfo complete(ProjectRef project, String evaluationId) {
        return calls.call(() -> evaluations.complete(project, evaluationId));
    }

    /**
     * Marks a running evaluation failed with its reason.
     *
     * @return false when it was complete, failed or abandoned already, and is left as it was
     * @throws NotFound when the project has no such evaluation
     */
    public boolean fail(ProjectRef project, String evaluationId, String reason) {
        return calls.call(() -> evaluations.fail(project, evaluationId, reason));
    }

    /** One evaluation by id; empty when the project has none with that id. */
    public Optional<EvaluationInfo> find(ProjectRef project, String evaluationId) {
        return calls.call(() -> evaluations.find(project, evaluationId));
    }

    /** The project's evaluations, newest first; {@code limit} 1 to {@link #MAX_PAGE}. */
    public List<EvaluationInfo> list(ProjectRef project, int limit) {
        requirePage(limit);
        return calls.call(() -> evaluations.list(project, limit));
    }

    /**
     * A page of an evaluation's rows in index order from {@code fromIndex} (the next page starts at
     * the last row's index + 1); empty past the last row.
     *
     * @throws NotFound when the project has no such evaluation
     */
    public List<EvaluationRowView> rows(ProjectRef project, String evaluationId, int fromIndex, int limit) {
        if (fromIndex < 0) {
            throw new IllegalArgumentException("fromIndex must not be negative, got " + fromIndex);
        }
        requirePage(limit);
        return calls.call(() -> evaluations.rows(project, evaluationId, fromIndex, limit));
    }

    /**
     * Lines up two complete evaluations of one dataset version row by row (B against A).
     *
     * @throws NotFound when either is not in the project
     * @throws IllegalArgumentException when either is not complete, or they ran on different dataset versions
     */
    public EvaluationComparison compare(ProjectRef project, String idA, String idB) {
        return calls.call(() -> EvaluationComparisons.compare(evaluations, project, idA, idB));
    }

    /**
     * The counts of {@link #compare} (regressions, improvements, unchanged) without reading the rows
     * into memory: one aggregate query over the rows both hold.
     *
     * @throws NotFound when either is not in the project
     * @throws IllegalArgumentException when either is not complete, or they ran on different dataset versions
     */
    public EvaluationComparisonSummary compareSummary(ProjectRef project, String idA, String idB) {
        return calls.call(() -> {
            EvaluationInfo[] ab = EvaluationComparisons.comparable(evaluations, project, idA, idB);
            return comparisons.summary(ab[0], ab[1]);
        });
    }

    /**
     * A page of {@link #compare}'s rows (those {@code show} keeps) in index order from {@code
     * fromIndex}, at most {@code limit}: reads at most a page of each evaluation's rows for {@link
     * EvaluationComparisonPage.Show#ALL}, and walks the rows both hold from {@code fromIndex} by
     * their index until a page is found for the others.
     *
     * @throws NotFound when either is not in the project
     * @throws IllegalArgumentException when either is not complete, they ran on different dataset
     *     versions, {@code fromIndex} is negative or {@code limit} is not 1 to {@link #MAX_PAGE}
     */
    public EvaluationComparisonPage compareRows(ProjectRef project, String idA, String idB,
            EvaluationComparisonPage.Show show, int fromIndex, int limit) {
        if (fromIndex < 0) {
            throw new IllegalArgumentException("fromIndex must not be negative, got " + fromIndex);
        }
        requirePage(limit);
        Objects.requireNonNull(show, "show");
        return calls.call(() -> {
            EvaluationInfo[] ab = EvaluationComparisons.comparable(evaluations, project, idA, idB);
            return comparisons.page(ab[0], ab[1], show, fromIndex, limit);
        });
    }

    private static void requirePage(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", got " + limit);
        }
    }
}
