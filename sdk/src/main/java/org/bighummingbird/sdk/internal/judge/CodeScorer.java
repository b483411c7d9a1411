package org.bighummingbird.sdk.internal.judge;

import org.bighummingbird.RowRubric;
import org.bighummingbird.Rubric;

/** Runs a code judge's rubric and criterion; thread-safe as long as the user's lambdas are. */
final class CodeScorer implements Scorer {
    private final CodeJudge judge;

    CodeScorer(CodeJudge judge) {
        this.judge = judge;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Score score(Object input, Object output, Object expected) {
        double raw;
        try {
            // A rubric for another output type fails here with a ClassCastException: an error row.
            raw = judge.seesRow()
                    ? ((RowRubric<Object, Object, Object>) judge.rubric()).score(input, output, expected)
                    : ((Rubric<Object>) judge.rubric()).score(output);
        } catch (Throwable t) {
            return Score.error("rubric threw " + Verdicts.describe(Verdicts.rethrowFatal(t)), t);
        }
        return Verdicts.judge("rubric", raw, judge.criterion());
    }
}
