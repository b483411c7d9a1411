package org.bighummingbird.sdk.internal.export;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;

/**
 * A version waiting to be registered: how to build its registration (code text, git and library
 * metadata are gathered on the exporter thread, not in trace()) and the tag it will complete.
 */
public final class PendingVersion {
    private final String id;
    private final String key;
    private final Supplier<VersionRegistration> build;
    private final CompletableFuture<Tag> tag = new CompletableFuture<>();
    private volatile String lastFailure;

    public PendingVersion(String modelName, String key, Supplier<VersionRegistration> build) {
        this.id = id(modelName, key);
        this.key = key;
        this.build = build;
    }

    /**
     * A version's identity within a project: the model's name with the version key. Identical code
     * under two names is two models, so the key alone does not identify a version.
     */
    static String id(String modelName, String key) {
        return modelName + '\u0000' + key;
    }

    /** {@link #id(String, String)} of this version. */
    String id() {
        return id;
    }

    /** The version key. */
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
