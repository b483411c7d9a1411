package org.bighummingbird.sdk.spi.catalog;

import org.bighummingbird.core.Tag;

/**
 * One evaluation's header and summary. The summary fields are filled when the evaluation completes;
 * they are null while it runs and when it failed or was abandoned. A running evaluation whose
 * heartbeat stopped (its process died) is marked {@code abandoned} by a sweep, with the reason in
 * {@code failure}.
 *
 * @param id its id (a time-ordered UUID)
 * @param modelTag the model version
 * @param datasetTag the dataset version
 * @param judgeTag the judge version
 * @param status {@code running}, {@code complete}, {@code failed} or {@code abandoned}
 * @param failure why it failed or was abandoned, or null
 * @param parallelism how many rows ran at once
 * @param rows how many rows it scored
 * @param passed rows whose criterion said yes
 * @param failed rows whose criterion said no (error rows not included)
 * @param errors error rows
 * @param meanScore mean of the finite scores, null without any
 * @param minScore the lowest score, null without any
 * @param maxScore the highest score, null without any
 * @param latencyP50Ns the median model latency (nearest rank), null without rows
 * @param latencyP95Ns the 95th percentile model latency (nearest rank), null without rows
 * @param createdAtMicros when it started
 * @param finishedAtMicros when it completed, failed or was abandoned, or null
 * @param heartbeatAtMicros the last sign of life of the process running it (its creation, a batch of
 *     rows, a heartbeat); null when a server too old to say answered
 */
public record EvaluationInfo(
        String id, Tag modelTag, Tag datasetTag, Tag judgeTag, String status, String failure, int parallelism,
        Integer rows, Integer passed, Integer failed, Integer errors, Double meanScore, Double minScore,
        Double maxScore, Long latencyP50Ns, Long latencyP95Ns, long createdAtMicros, Long finishedAtMicros,
        Long heartbeatAtMicros) {
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    /** The status of a running evaluation whose heartbeat stopped: its process died or hangs. */
    public static final String ABANDONED = "abandoned";
}
