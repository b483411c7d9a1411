package org.bighummingbird.store;

import org.bighummingbird.core.TagReference;

/**
 * Which runs to list, newest first.
 *
 * @param model only runs of this version (or of the latest with {@code name:latest}), or null for all
 * @param limit the most runs to return, 1 or more
 */
public record RunQuery(TagReference model, int limit) {
    public RunQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }
}
