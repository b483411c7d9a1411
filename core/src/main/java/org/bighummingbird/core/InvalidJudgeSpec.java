package org.bighummingbird.core;

/**
 * A declarative judge's spec that could never run: a field missing, of the wrong type or out of
 * range, a regular expression that does not compile, a prompt template with an unknown placeholder.
 * See {@link JudgeSpecs}.
 */
public final class InvalidJudgeSpec extends BhbException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the spec's field that is wrong, as in {@code pattern}; {@code kind} when the
     *     spec as a whole is not one of its kind
     */
    public InvalidJudgeSpec(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The spec's field that is wrong, as in {@code pattern} or {@code temperature}. */
    public String field() {
        return field;
    }
}
