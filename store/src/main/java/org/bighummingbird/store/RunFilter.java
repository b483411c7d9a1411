package org.bighummingbird.store;

/**
 * Which runs the dashboard lists, newest first. Null filters match everything.
 *
 * @param model only runs of this model, or null
 * @param version only runs of this version of {@code model} (needs a model), or null
 * @param errors true: only runs that threw; false: only runs that returned; null: both
 * @param passed only runs whose judge verdict (assess mode) is this, or null
 * @param fromMicros only runs started at or after this time, or null
 * @param toMicros only runs started before this time, or null
 * @param text only runs whose inputs or output contain this text (case-insensitive), searched among
 *     the {@link DashboardQueries#TEXT_SEARCH_WINDOW} runs after the cursor that match the other
 *     filters; null or empty for none
 * @param limit the page size, 1 to {@link DashboardQueries#MAX_RUN_PAGE}
 */
public record RunFilter(String model, Integer version, Boolean errors, Boolean passed, Long fromMicros, Long toMicros,
        String text, int limit) {
    /** Longest search text. */
    public static final int MAX_TEXT = 200;

    public RunFilter {
        if (limit < 1 || limit > DashboardQueries.MAX_RUN_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + DashboardQueries.MAX_RUN_PAGE + ", got " + limit);
        }
        if (version != null && model == null) {
            throw new IllegalArgumentException("version needs a model");
        }
        if (fromMicros != null && toMicros != null && fromMicros > toMicros) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be at most " + MAX_TEXT + " characters, got " + text.length());
        }
        text = text == null || text.isEmpty() ? null : text;
    }

    /** The newest {@code limit} runs, unfiltered. */
    public static RunFilter newest(int limit) {
        return new RunFilter(null, null, null, null, null, null, null, limit);
    }
}
