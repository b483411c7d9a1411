package org.bighummingbird.store;

/**
 * A project with its totals, for the dashboard's project list.
 *
 * @param name the project's name
 * @param models how many models it holds
 * @param runs how many runs it holds (from the per-version rollups)
 * @param createdAtMicros when it was created
 * @param lastRunAtMicros the start of its newest run, or null without runs
 */
public record ProjectSummary(String name, long models, long runs, long createdAtMicros, Long lastRunAtMicros) {}
