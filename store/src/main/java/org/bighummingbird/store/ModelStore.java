package org.bighummingbird.store;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.core.VersionRegistration;

/** The store's model versions: registered by key, listed by page, shown one by one: {@link Store#models()}. Thread-safe. */
public final class ModelStore {
    /** Most versions one {@link #page} returns. */
    public static final int MAX_PAGE = 1_000;

    private final VersionRegistry versions;
    private final Queries queries;
    private final StoreCalls calls;

    ModelStore(VersionRegistry versions, Queries queries, StoreCalls calls) {
        this.versions = versions;
        this.queries = queries;
        this.calls = calls;
    }

    /**
     * Registers a model version: the existing tag when the key was seen for this model, else the
     * next version number. Atomic with any number of threads, processes and server instances.
     */
    public RegisteredVersion register(ProjectRef project, VersionRegistration registration) {
        return calls.call(() -> versions.register(project, registration));
    }

    /** Every version of every model in the project, by name (code point order) then version. */
    public List<ModelVersionInfo> list(ProjectRef project) {
        return calls.call(() -> queries.versions(project));
    }

    /**
     * A page of the project's versions, by model name (code point order) then version. Paging with
     * each page's {@link ModelPage#nextCursor()} returns every version exactly once, in order; a page
     * costs the same however deep it is, and counts no runs.
     *
     * @param limit 1 to {@link #MAX_PAGE}
     * @param cursor the previous page's {@code nextCursor}, or null for the first page
     * @throws IllegalArgumentException when the limit is out of range or the cursor is not one this store made
     */
    public ModelPage page(ProjectRef project, int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", got " + limit);
        }
        ModelCursor after = ModelCursor.decode(cursor);
        return calls.call(() -> queries.versionsPage(project, limit, after));
    }

    /** One version with its code, metadata, run count and output shapes; {@code name:latest} is the highest. */
    public Optional<ModelVersionDetail> find(ProjectRef project, TagReference tag) {
        return calls.call(() -> queries.version(project, tag));
    }
}
