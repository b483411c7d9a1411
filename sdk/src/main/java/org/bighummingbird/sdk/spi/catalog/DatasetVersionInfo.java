package org.bighummingbird.sdk.spi.catalog;

import org.bighummingbird.core.Tag;

/**
 * One dataset version, without its rows.
 *
 * @param tag its tag
 * @param contentKey SHA-256 hex of the canonical rows
 * @param description the description of the upload that created the version
 * @param rowCount how many rows it holds
 * @param createdAtMicros when the store first saw it
 */
public record DatasetVersionInfo(Tag tag, String contentKey, String description, int rowCount, long createdAtMicros) {}
