package org.bighummingbird.store;

import java.util.Objects;
import org.bighummingbird.core.Tag;

/**
 * An evaluation about to run.
 *
 * @param modelTag the model version's tag ({@code name:vN})
 * @param datasetTag the dataset version
 * @param judgeTag the judge version
 * @param parallelism how many rows run at once, positive
 */
public record NewEvaluation(Tag modelTag, Tag datasetTag, Tag judgeTag, int parallelism) {
    public NewEvaluation {
        Objects.requireNonNull(modelTag, "modelTag");
        Objects.requireNonNull(datasetTag, "datasetTag");
        Objects.requireNonNull(judgeTag, "judgeTag");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
        }
    }
}
