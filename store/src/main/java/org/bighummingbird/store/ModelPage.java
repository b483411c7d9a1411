package org.bighummingbird.store;

import java.util.List;

/**
 * One page of a project's model versions, by model name then version.
 *
 * @param versions up to the page's limit of versions
 * @param nextCursor where the next page starts ({@link ModelStore#page}), or null when this is the last page
 */
public record ModelPage(List<ModelVersionInfo> versions, String nextCursor) {
    /** Copies the list, so that the page cannot change under its reader. */
    public ModelPage {
        versions = List.copyOf(versions);
    }
}
