package org.bighummingbird.store;

/**
 * A row appended to an evaluation has an index that a row with other content has already (stored
 * before, or earlier in the same batch). A re-sent identical row is not a conflict. Nothing of the
 * batch is stored.
 */
public final class EvaluationRowConflict extends StoreException {
    private static final long serialVersionUID = 1L;

    private final int position;

    /** @param position the row's position in the batch, from 0 */
    public EvaluationRowConflict(int position, String message) {
        super(message);
        this.position = position;
    }

    /** The row's position in the batch, from 0. */
    public int position() {
        return position;
    }
}
