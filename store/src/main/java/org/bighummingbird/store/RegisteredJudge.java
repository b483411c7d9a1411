package org.bighummingbird.store;

import org.bighummingbird.core.Tag;

/**
 * The outcome of registering a judge version.
 *
 * @param id the version's store id
 * @param tag its tag
 * @param existed whether the key had been registered before under this name
 */
public record RegisteredJudge(String id, Tag tag, boolean existed) {}
