package org.bighummingbird.store;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * @param attributes only runs with each of these top-level attributes equal to the value (a string as
 *     is, a number or boolean in its JSON form); empty for all
 */
public record RunQuery(TagReference model, Long fromMicros, Long toMicros, boolean errorsOnly, int limit,
        Map<String, String> attributes) {
    public RunQuery {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        if (fromMicros != null && toMicros != null && fromMicros > toMicros) {
            throw new IllegalArgumentException(
                    "fromMicros must not be after toMicros, got " + fromMicros + " > " + toMicros);
        }
    }

    /** A query without attribute filters. */
    public RunQuery(TagReference model, Long fromMicros, Long toMicros, boolean errorsOnly, int limit) {
        this(model, fromMicros, toMicros, errorsOnly, limit, Map.of());
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
        return new RunQuery(tag, fromMicros, toMicros, errorsOnly, limit, attributes);
    }

    /** This query for runs started in {@code [fromMicros, toMicros)}; either end may be null (open). */
    public RunQuery withStartedBetween(Long from, Long to) {
        return new RunQuery(model, from, to, errorsOnly, limit, attributes);
    }

    /** This query for runs whose call threw (true) or for all runs (false). */
    public RunQuery withErrorsOnly(boolean errors) {
        return new RunQuery(model, fromMicros, toMicros, errors, limit, attributes);
    }

    /** This query for runs whose attribute {@code name} equals {@code value} as well. */
    public RunQuery withAttribute(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(name, value);
        return new RunQuery(model, fromMicros, toMicros, errorsOnly, limit, more);
    }
}
