package org.bighummingbird.sdk.spi;

import java.util.OptionalInt;
import org.bighummingbird.core.BhbException;

/**
 * A {@link RunSink} answered and refused the data for good: retrying cannot mend it. The exporter
 * never retries it: refused runs are dropped (counted in {@code droppedRuns()}) and the reason is
 * logged once per kind; a refused registration leaves the version without a tag, and
 * {@code Traced.tag()} says why. From the team server these are refusals of the data itself: 400,
 * 413, 415 and 422 (other refusals keep the runs, see the HTTP sink). Immutable.
 */
public final class SinkRejected extends BhbException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final int refusedRuns;

    /**
     * Every run (or the registration) of the call was refused.
     *
     * @param status the HTTP status, or 0 when the refusal did not come over HTTP
     * @param type the problem's {@code type} (as in {@code urn:bighummingbird:problem:invalid-request}),
     *     or null when the answer named none
     * @param reason what was refused and why, for people: status, type and the problem's detail
     */
    public SinkRejected(int status, String type, String reason) {
        this(status, type, reason, -1);
    }

    /**
     * Only some of the runs of a {@link RunSink#write} call were refused; the others were stored.
     *
     * @param refusedRuns how many runs were refused, 0 or more
     * @see #SinkRejected(int, String, String)
     */
    public SinkRejected(int status, String type, String reason, int refusedRuns) {
        super(reason);
        if (refusedRuns < -1) {
            throw new IllegalArgumentException("refusedRuns must not be negative, got " + refusedRuns);
        }
        this.status = status;
        this.type = type;
        this.refusedRuns = refusedRuns;
    }

    /** The HTTP status, or 0 when the refusal did not come over HTTP. */
    public int status() {
        return status;
    }

    /** The problem's {@code type}, or null. */
    public String type() {
        return type;
    }

    /** What was refused and why. */
    public String reason() {
        return getMessage();
    }

    /** How many runs of the write were refused; empty when all of them were. */
    public OptionalInt refusedRuns() {
        return refusedRuns < 0 ? OptionalInt.empty() : OptionalInt.of(refusedRuns);
    }

    /** What refusals of one kind share, for logging each kind once: the status and the type. */
    public String kind() {
        return status + " " + (type != null ? type : "");
    }
}
