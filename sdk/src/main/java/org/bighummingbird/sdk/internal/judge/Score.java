package org.bighummingbird.sdk.internal.judge;

/**
 * A judge's verdict on one row: a finite score and whether it passed, or why the row is an error row.
 *
 * @param score the finite score, or null on an error row
 * @param passed the criterion's answer; null on an error row and for a judge without criterion
 * @param error why the row is an error row, or null
 * @param cause the exception behind the error, when there was one
 */
public record Score(Double score, Boolean passed, String error, Throwable cause) {
    public Score {
        if ((error == null) == (score == null)) {
            throw new IllegalArgumentException("a score has either a value or an error, got " + score + " / " + error);
        }
        if (score != null && !Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
    }

    /** A scored row. */
    static Score of(double score, Boolean passed) {
        return new Score(score, passed, null, null);
    }

    /** An error row. */
    static Score error(String reason, Throwable cause) {
        return new Score(null, null, reason, cause);
    }

    /** Whether this row is an error row. */
    public boolean isError() {
        return error != null;
    }
}
