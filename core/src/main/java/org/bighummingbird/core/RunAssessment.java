package org.bighummingbird.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A judge's verdict on one run of a model traced in assess mode: a score (and whether it passed), or
 * why there is none. Every run of an assessed model carries one.
 *
 * <p>The judge is named by its store id, its tag, or both: the embedded store writes the id; a run
 * sent to a team server names the judge by tag (store ids are not exposed there) and the server
 * resolves the tag to its own id before storing.
 *
 * @param judgeVersionId the store id of the judge version, or null when only the tag is known (a
 *     judge read through the team server)
 * @param judgeTag the judge version's tag {@code name:vN}, or null when only the id is known
 * @param score the finite score, or null when the judge could not score the run
 * @param passed the criterion's answer; null without criterion and when there is no score
 * @param error why there is no score (the judge failed, the model threw, too many runs were waiting),
 *     or null
 */
public record RunAssessment(
        @JsonInclude(JsonInclude.Include.NON_NULL) String judgeVersionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String judgeTag,
        Double score,
        Boolean passed,
        String error) {

    @JsonCreator
    public RunAssessment(@JsonProperty("judgeVersionId") String judgeVersionId,
            @JsonProperty("judgeTag") String judgeTag, @JsonProperty("score") Double score,
            @JsonProperty("passed") Boolean passed, @JsonProperty("error") String error) {
        if (judgeVersionId == null && judgeTag == null) {
            throw new NullPointerException("an assessment names its judge by judgeVersionId or judgeTag");
        }
        if ((score == null) == (error == null)) {
            throw new IllegalArgumentException("an assessment has either a score or an error, got " + score + " / "
                    + error);
        }
        this.judgeVersionId = judgeVersionId;
        this.judgeTag = judgeTag;
        this.score = score;
        this.passed = passed;
        this.error = error;
    }

    /** A verdict naming the judge by store id only. */
    public RunAssessment(String judgeVersionId, Double score, Boolean passed, String error) {
        this(Objects.requireNonNull(judgeVersionId, "judgeVersionId"), null, score, passed, error);
    }

    /** This verdict naming the judge by store id (as the embedded store writes it), its tag kept. */
    public RunAssessment withJudgeVersionId(String id) {
        return new RunAssessment(Objects.requireNonNull(id, "id"), judgeTag, score, passed, error);
    }

    /** This verdict as it travels to a team server: the judge named by tag only. */
    public RunAssessment byTag() {
        return judgeVersionId == null ? this
                : new RunAssessment(null, Objects.requireNonNull(judgeTag, "judgeTag"), score, passed, error);
    }
}
