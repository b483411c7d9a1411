package org.bighummingbird.store;

import org.bighummingbird.core.Tag;

/**
 * A stored run as queries return it.
 *
 * @param id the run id
 * @param modelTag the model version's tag
 * @param parentId the enclosing traced call, or null
 * @param rootId the outermost traced call, or null
 * @param startedAtMicros start, microseconds since the epoch
 * @param latencyNs latency in nanoseconds
 * @param thread the calling thread's name
 * @param inputsJson the inputs by parameter name
 * @param outputJson the output, or null when the call threw
 * @param outputShapeJson the output's runtime shape, or null
 * @param errorType the exception's class, or null
 * @param errorMessage the exception's message, or null
 * @param errorStack the stack trace, or null
 * @param score the judge's score in assess mode, or null
 * @param passed whether the judge's criterion passed, or null
 * @param judgeTag the judge version that scored the run in assess mode, or null
 * @param judgeError why that judge gave no score, or null
 * @param attributesJson the run's attributes as a JSON object, or null when it has none
 */
public record RunView(
        String id,
        Tag modelTag,
        String parentId,
        String rootId,
        long startedAtMicros,
        long latencyNs,
        String thread,
        String inputsJson,
        String outputJson,
        String outputShapeJson,
        String errorType,
        String errorMessage,
        String errorStack,
        Double score,
        Boolean passed,
        Tag judgeTag,
        String judgeError,
        String attributesJson) {

    /** A run without attributes. */
    public RunView(String id, Tag modelTag, String parentId, String rootId, long startedAtMicros, long latencyNs,
            String thread, String inputsJson, String outputJson, String outputShapeJson, String errorType,
            String errorMessage, String errorStack, Double score, Boolean passed, Tag judgeTag, String judgeError) {
        this(id, modelTag, parentId, rootId, startedAtMicros, latencyNs, thread, inputsJson, outputJson,
                outputShapeJson, errorType, errorMessage, errorStack, score, passed, judgeTag, judgeError, null);
    }

    /** A run that was not assessed, or whose judge is not known (older documents). */
    public RunView(String id, Tag modelTag, String parentId, String rootId, long startedAtMicros, long latencyNs,
            String thread, String inputsJson, String outputJson, String outputShapeJson, String errorType,
            String errorMessage, String errorStack, Double score, Boolean passed) {
        this(id, modelTag, parentId, rootId, startedAtMicros, latencyNs, thread, inputsJson, outputJson,
                outputShapeJson, errorType, errorMessage, errorStack, score, passed, null, null);
    }
}
