package org.bighummingbird.sdk.spi.catalog;

import java.util.Objects;
import java.util.regex.Pattern;
import org.bighummingbird.core.RunIds;
import org.bighummingbird.core.Tag;

/**
 * An evaluation about to run.
 *
 * @param id its id, chosen by the client (a lower-case UUID, UUIDv7 like run ids): the idempotency
 *     key of its creation, so that a retried create finds the evaluation the first one made
 * @param modelTag the model version's tag ({@code name:vN})
 * @param datasetTag the dataset version
 * @param judgeTag the judge version
 * @param parallelism how many rows run at once, positive
 */
public record NewEvaluation(String id, Tag modelTag, Tag datasetTag, Tag judgeTag, int parallelism) {
    private static final Pattern ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public NewEvaluation {
        Objects.requireNonNull(id, "id");
        if (!isId(id)) {
            throw new IllegalArgumentException("id must be a lower-case UUID such as"
                    + " 0192f4a8-7c3e-7d2a-9b1f-2c4d6e8fa0b1, got \"" + id + "\"");
        }
        Objects.requireNonNull(modelTag, "modelTag");
        Objects.requireNonNull(datasetTag, "datasetTag");
        Objects.requireNonNull(judgeTag, "judgeTag");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
        }
    }

    /** An evaluation with a new id (a UUIDv7 for now). */
    public NewEvaluation(Tag modelTag, Tag datasetTag, Tag judgeTag, int parallelism) {
        this(RunIds.next().toString(), modelTag, datasetTag, judgeTag, parallelism);
    }

    /** Whether {@code text} has the form of an evaluation id: a lower-case UUID. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }
}
