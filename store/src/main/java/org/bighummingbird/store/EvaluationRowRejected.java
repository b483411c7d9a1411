package org.bighummingbird.store;

/**
 * A row appended to an evaluation does not belong to its dataset version: its index is past the
 * dataset's last row, or its input is not that dataset row's input. Nothing of the batch is stored.
 */
public final class EvaluationRowRejected extends StoreException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String field;

    /**
     * @param position the row's position in the batch, from 0
     * @param field the row's field that is wrong: {@code index} or {@code inputJson}
     */
    public EvaluationRowRejected(int position, String field, String message) {
        super(message);
        this.position = position;
        this.field = field;
    }

    /** The row's position in the batch, from 0. */
    public int position() {
        return position;
    }

    /** The field that is wrong: {@code index} or {@code inputJson}. */
    public String field() {
        return field;
    }
}
