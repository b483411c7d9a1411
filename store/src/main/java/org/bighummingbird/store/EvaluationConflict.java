package org.bighummingbird.store;

/**
 * An evaluation's creation named an id that an evaluation with other versions or parallelism
 * already has: a client reused an id, it is not a retry of the same creation.
 */
public final class EvaluationConflict extends StoreException {
    private static final long serialVersionUID = 1L;

    public EvaluationConflict(String message) {
        super(message);
    }
}
