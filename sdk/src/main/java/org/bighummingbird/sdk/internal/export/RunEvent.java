package org.bighummingbird.sdk.internal.export;

import java.util.UUID;
import org.bighummingbird.core.RunAssessment;

/**
 * A finished call as the calling thread hands it over: snapshots, not yet serialised.
 *
 * @param model the traced model
 * @param id the run id (UUIDv7)
 * @param parentId the enclosing traced call's id, or null
 * @param rootId the outermost traced call's id, or null when this is the root
 * @param startEpochNanos start, nanoseconds since the epoch
 * @param latencyNs the call's duration
 * @param thread the calling thread's name
 * @param inputs input snapshots, in parameter order
 * @param output output snapshot, or null
 * @param error what the call threw, or null
 * @param assessment the judge's verdict in assess mode, else null
 */
public record RunEvent(
        ModelIdentity model,
        UUID id,
        UUID parentId,
        UUID rootId,
        long startEpochNanos,
        long latencyNs,
        String thread,
        Object[] inputs,
        Object output,
        Throwable error,
        RunAssessment assessment) {

    /** A run of a model that is not assessed. */
    public RunEvent(ModelIdentity model, UUID id, UUID parentId, UUID rootId, long startEpochNanos, long latencyNs,
            String thread, Object[] inputs, Object output, Throwable error) {
        this(model, id, parentId, rootId, startEpochNanos, latencyNs, thread, inputs, output, error, null);
    }

    /** This run with the judge's verdict. */
    public RunEvent withAssessment(RunAssessment verdict) {
        return new RunEvent(model, id, parentId, rootId, startEpochNanos, latencyNs, thread, inputs, output, error,
                verdict);
    }
}
