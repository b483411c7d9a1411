package org.bighummingbird.server.rest;

/**
 * How much one request may carry.
 *
 * @param maxBodyBytes the largest body, counted after gzip decoding
 * @param maxBatchRuns the most runs in one {@code POST …/runs}
 */
public record Limits(long maxBodyBytes, int maxBatchRuns) {
    public Limits {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (maxBatchRuns < 1) {
            throw new IllegalArgumentException("maxBatchRuns must be positive, got " + maxBatchRuns);
        }
    }
}
