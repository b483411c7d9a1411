package org.bighummingbird.store;

import org.bighummingbird.core.TagReference;

/**
 * Which runs to list, newest first (by start time, then id). Filters combine; a null filter
 * matches every run. Build from {@link #newest(int)} and the {@code with…} methods.
 *
 * @param model only runs of this version (or of the latest with {@code name:latest}), or null for all
 * @param fromMicros only runs started at or after this time (microseconds since the epoch), or null
 * @param toMicros only runs started before this time (microseconds since the epoch), or null
 * @param errorsOnly only runs whose call threw
 * @param limit the most runs to return (per page), 1 or more
 */
public record RunQuery(TagReference model, Long fromMicros, Long toMicros, boolean errorsOnly, int limit) {
    public RunQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        if (fromMicros != null && toMicros != null && fromMicros > toMicros) {
            throw new IllegalArgumentException(
                    "fromMicros must not be after toMicros, got " + fromMicros + " > " + toMicros);
        }
    }

    /** The newest {@code limit} runs of one version, or of all with a null {@code model}. */
    public RunQuery(TagReference model, int limit) {
        this(model, null, null, false, limit);
    }

    /** The newest {@code limit} runs, unfiltered. */
    public static RunQuery newest(int limit) {
        return new RunQuery(null, limit);
    }

    /** This query for one version only (null: all versions). */
    public RunQuery withModel(TagReference tag) {
        return new RunQuery(tag, fromMicros, toMicros, errorsOnly, limit);
    }

    /** This query for runs started in {@code [fromMicros, toMicros)}; either end may be null (open). */
    public RunQuery withStartedBetween(Long from, Long to) {
        return new RunQuery(model, from, to, errorsOnly, limit);
    }

    /** This query for runs whose call threw (true) or for all runs (false). */
    public RunQuery withErrorsOnly(boolean errors) {
        return new RunQuery(model, fromMicros, toMicros, errors, limit);
    }
}
