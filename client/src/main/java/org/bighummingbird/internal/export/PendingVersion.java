package org.bighummingbird.internal.export;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;

/**
 * A version waiting to be registered: how to build its registration (code text, git and library
 * metadata are gathered on the exporter thread, not in trace()) and the tag it will complete.
 */
public final class PendingVersion {
    private final String key;
    private final Supplier<VersionRegistration> build;
    private final CompletableFuture<Tag> tag = new CompletableFuture<>();
    private volatile String lastFailure;

    public PendingVersion(String key, Supplier<VersionRegistration> build) {
        this.key = key;
        this.build = build;
    }

    public String key() {
        return key;
    }

    Supplier<VersionRegistration> build() {
        return build;
    }

    /** Completes with the tag once the sink has registered the version. */
    public CompletableFuture<Tag> tag() {
        return tag;
    }

    /** Why the last attempt failed, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    void failed(String reason) {
        lastFailure = reason;
    }
}
