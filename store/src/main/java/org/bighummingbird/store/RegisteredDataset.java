package org.bighummingbird.store;

import org.bighummingbird.core.Tag;

/**
 * The outcome of registering a dataset version.
 *
 * @param tag its tag
 * @param existed whether these rows had a version of this dataset before (then nothing was written)
 * @param rowCount how many rows the version holds
 */
public record RegisteredDataset(Tag tag, boolean existed, int rowCount) {}
