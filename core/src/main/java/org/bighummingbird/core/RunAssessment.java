package org.bighummingbird.core;

import java.util.Objects;

/**
 * A judge's verdict on one run of a model traced in assess mode: a score (and whether it passed), or
 * why there is none. Every run of an assessed model carries one.
 *
 * @param judgeVersionId the store id of the judge version
 * @param score the finite score, or null when the judge could not score the run
 * @param passed the criterion's answer; null without criterion and when there is no score
 * @param error why there is no score (the judge failed, the model threw, too many runs were waiting),
 *     or null
 */
public record RunAssessment(String judgeVersionId, Double score, Boolean passed, String error) {
    public RunAssessment {
        Objects.requireNonNull(judgeVersionId, "judgeVersionId");
        if ((score == null) == (error == null)) {
            throw new IllegalArgumentException("an assessment has either a score or an error, got " + score + " / "
                    + error);
        }
    }
}
