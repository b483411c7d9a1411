package org.bighummingbird.store;

import java.util.List;

/**
 * An evaluation was to be completed while rows of its dataset version have no evaluation row: its
 * summary would be over part of the dataset. It stays running; fail it with a reason instead.
 */
public final class EvaluationIncomplete extends StoreException {
    private static final long serialVersionUID = 1L;

    private final long missing;
    private final List<Integer> firstMissing;

    /**
     * @param missing how many dataset rows have no evaluation row
     * @param firstMissing the lowest of their indexes, in order (at most {@link EvaluationRowChecks#NAMED_MISSING})
     */
    public EvaluationIncomplete(long missing, List<Integer> firstMissing, String message) {
        super(message);
        this.missing = missing;
        this.firstMissing = List.copyOf(firstMissing);
    }

    /** How many dataset rows have no evaluation row. */
    public long missing() {
        return missing;
    }

    /** The lowest indexes without a row, in order. */
    public List<Integer> firstMissing() {
        return firstMissing;
    }
}
