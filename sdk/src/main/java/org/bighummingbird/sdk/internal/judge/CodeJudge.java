package org.bighummingbird.sdk.internal.judge;

import java.io.Serializable;
import org.bighummingbird.Criterion;
import org.bighummingbird.RowRubric;
import org.bighummingbird.Rubric;

/**
 * A code judge's functions: a {@link Rubric} or a {@link RowRubric}, and an optional criterion.
 *
 * @param rubric a {@code Rubric} or a {@code RowRubric}
 * @param criterion null when the judge only scores
 */
public record CodeJudge(Serializable rubric, Criterion criterion) implements JudgeDefinition {
    public CodeJudge {
        if (!(rubric instanceof Rubric<?> || rubric instanceof RowRubric<?, ?, ?>)) {
            throw new IllegalArgumentException("rubric must be a Rubric or a RowRubric, got " + rubric);
        }
    }

    @Override
    public String kind() {
        return "code";
    }

    /** Whether the rubric sees the whole row (input, output, expected) rather than the output alone. */
    public boolean seesRow() {
        return rubric instanceof RowRubric<?, ?, ?>;
    }
}
