package org.bighummingbird.store;

/**
 * A project as listed in its workspace.
 *
 * @param name the project's name
 * @param createdAtMicros when it was created, microseconds since the epoch
 */
public record ProjectInfo(String name, long createdAtMicros) {}
