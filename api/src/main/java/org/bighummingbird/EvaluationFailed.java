package org.bighummingbird;

/**
 * An evaluation stopped before its last row: the store could not take its rows, the calling thread
 * was interrupted, or the runner broke. The evaluation is stored as failed with this message as its
 * reason (unless the store itself was unreachable). Rows whose model or judge failed do not cause
 * this: they are error rows and the evaluation goes on.
 */
public final class EvaluationFailed extends BigHummingbirdException {
    private static final long serialVersionUID = 1L;

    private final String evaluationId;

    public EvaluationFailed(String evaluationId, String message, Throwable cause) {
        super(message, cause);
        this.evaluationId = evaluationId;
    }

    /** The failed evaluation's id. */
    public String evaluationId() {
        return evaluationId;
    }
}
