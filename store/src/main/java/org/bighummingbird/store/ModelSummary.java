package org.bighummingbird.store;

import org.bighummingbird.core.Tag;

/**
 * A model with its totals over all its versions, for the dashboard's model list.
 *
 * @param latest its highest version's tag
 * @param versions how many versions it has
 * @param runs how many runs all its versions have
 * @param errors how many of those threw
 * @param lastRunAtMicros the start of its newest run, or null without runs
 */
public record ModelSummary(Tag latest, int versions, long runs, long errors, Long lastRunAtMicros) {
    /** The model's name. */
    public String name() {
        return latest.name();
    }

    /** {@code errors / runs}, 0 without runs. */
    public double errorRate() {
        return runs == 0 ? 0 : (double) errors / runs;
    }
}
