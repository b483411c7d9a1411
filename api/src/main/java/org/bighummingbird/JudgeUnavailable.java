package org.bighummingbird;

/**
 * A judge version cannot be run in this process: the tag names no judge of the project, it is a
 * code judge whose code this process did not register with {@link BigHummingbird#addJudge(Judge)},
 * or an LLM judge whose API key variable is not set. The message says which, naming the tag.
 */
public final class JudgeUnavailable extends BigHummingbirdException {
    private static final long serialVersionUID = 1L;

    public JudgeUnavailable(String message) {
        super(message);
    }
}
