package org.bighummingbird.store;

/**
 * The outcome of finding or creating a project.
 *
 * @param project the project
 * @param createdAtMicros when it was created, microseconds since the epoch
 * @param created whether this call created it; of any number of concurrent callers naming the same
 *     new project, exactly one sees true
 */
public record ProjectCreation(ProjectRef project, long createdAtMicros, boolean created) {}
