package org.bighummingbird.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Lines up the rows of two evaluations by paging both in index order. */
final class EvaluationComparisons {
    private static final int PAGE = 1_000;

    private EvaluationComparisons() {}

    static EvaluationComparison compare(Evaluations evaluations, ProjectRef project, String idA, String idB)
            throws SQLException {
        EvaluationInfo[] ab = comparable(evaluations, project, idA, idB);
        EvaluationInfo a = ab[0];
        EvaluationInfo b = ab[1];
        List<EvaluationComparison.RowDelta> rows = new ArrayList<>();
        List<Integer> regressions = new ArrayList<>();
        List<Integer> improvements = new ArrayList<>();
        Pager pa = new Pager(evaluations, project, idA);
        Pager pb = new Pager(evaluations, project, idB);
        EvaluationRowView ra = pa.next();
        EvaluationRowView rb = pb.next();
        while (ra != null || rb != null) {
            int index = Math.min(ra == null ? Integer.MAX_VALUE : ra.index(), rb == null ? Integer.MAX_VALUE : rb.index());
            EvaluationRowView x = ra != null && ra.index() == index ? ra : null;
            EvaluationRowView y = rb != null && rb.index() == index ? rb : null;
            String change = change(x, y);
            if (change.equals(EvaluationComparison.RowDelta.REGRESSION)) {
                regressions.add(index);
            } else if (change.equals(EvaluationComparison.RowDelta.IMPROVEMENT)) {
                improvements.add(index);
            }
            rows.add(new EvaluationComparison.RowDelta(index, x, y, change));
            if (x != null) {
                ra = pa.next();
            }
            if (y != null) {
                rb = pb.next();
            }
        }
        return new EvaluationComparison(a, b, rows, regressions, improvements);
    }

    /**
     * Checks that both are complete evaluations of one dataset version in the project, and answers
     * them, A first.
     */
    static EvaluationInfo[] comparable(Evaluations evaluations, ProjectRef project, String idA, String idB)
            throws SQLException {
        EvaluationInfo a = complete(evaluations, project, idA);
        EvaluationInfo b = complete(evaluations, project, idB);
        if (!a.datasetTag().equals(b.datasetTag())) {
            throw new IllegalArgumentException("evaluations " + idA + " and " + idB + " ran on different datasets ("
                    + a.datasetTag() + " and " + b.datasetTag() + "): only evaluations of one dataset version"
                    + " can be compared row by row");
        }
        return new EvaluationInfo[] {a, b};
    }

    /** How row {@code y} of B changed from row {@code x} of A; either may be missing (null). */
    static String change(EvaluationRowView x, EvaluationRowView y) {
        if (x != null && y != null && !x.isFailure() && y.isFailure()) {
            return EvaluationComparison.RowDelta.REGRESSION;
        }
        if (x != null && y != null && x.isFailure() && !y.isFailure()) {
            return EvaluationComparison.RowDelta.IMPROVEMENT;
        }
        return EvaluationComparison.RowDelta.SAME;
    }

    private static EvaluationInfo complete(Evaluations evaluations, ProjectRef project, String id)
            throws SQLException {
        EvaluationInfo info = evaluations.find(project, id).orElseThrow(() -> Evaluations.notFound(project, id));
        if (!info.status().equals(EvaluationInfo.COMPLETE)) {
            throw new IllegalArgumentException("evaluation " + id + " is " + info.status()
                    + (info.failure() == null ? "" : " (" + info.failure() + ")")
                    + ": only complete evaluations can be compared");
        }
        return info;
    }

    /** Reads one evaluation's rows a page at a time. */
    private static final class Pager {
        private final Evaluations evaluations;
        private final ProjectRef project;
        private final String id;
        private List<EvaluationRowView> page = List.of();
        private int position;
        private int nextIndex;
        private boolean done;

        Pager(Evaluations evaluations, ProjectRef project, String id) {
            this.evaluations = evaluations;
            this.project = project;
            this.id = id;
        }

        EvaluationRowView next() throws SQLException {
            if (position == page.size()) {
                if (done) {
                    return null;
                }
                page = evaluations.rows(project, id, nextIndex, PAGE);
                position = 0;
                done = page.size() < PAGE;
                if (page.isEmpty()) {
                    return null;
                }
                nextIndex = page.get(page.size() - 1).index() + 1;
            }
            return page.get(position++);
        }
    }
}
