package org.bighummingbird;

/**
 * A JSONL or CSV file that cannot be read as dataset rows: the message names the file, the line
 * and what is wrong there.
 */
public final class InvalidDatasetFile extends BigHummingbirdException {
    private static final long serialVersionUID = 1L;

    public InvalidDatasetFile(String message, Throwable cause) {
        super(message, cause);
    }
}
