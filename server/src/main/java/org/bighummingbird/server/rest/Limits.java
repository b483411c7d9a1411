package org.bighummingbird.server.rest;

/**
 * How much one request may carry.
 *
 * @param maxBodyBytes the largest body, counted after gzip decoding
 * @param maxBatchRuns the most runs in one {@code POST …/runs}
 * @param bodyTimeout the longest reading one body may take ({@code 408 request-timeout} after)
 */
public record Limits(long maxBodyBytes, int maxBatchRuns, java.time.Duration bodyTimeout) {
    /** Limits with the default body timeout, {@link org.bighummingbird.server.ServerConfig#DEFAULT_BODY_TIMEOUT}. */
    public Limits(long maxBodyBytes, int maxBatchRuns) {
        this(maxBodyBytes, maxBatchRuns, org.bighummingbird.server.ServerConfig.DEFAULT_BODY_TIMEOUT);
    }

    public Limits {
        java.util.Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (maxBatchRuns < 1) {
            throw new IllegalArgumentException("maxBatchRuns must be positive, got " + maxBatchRuns);
        }
    }
}
