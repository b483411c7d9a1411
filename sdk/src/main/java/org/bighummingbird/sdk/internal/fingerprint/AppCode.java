package org.bighummingbird.sdk.internal.fingerprint;

import java.util.Set;

/**
 * The application classes one fingerprint walked, and how to tell application code from libraries
 * for that model: where a capsule starts collecting the class files a version needs. Immutable.
 */
public final class AppCode {
    private final AppScope scope;
    private final Set<String> walked;

    AppCode(AppScope scope, Set<String> walked) {
        this.scope = scope;
        this.walked = Set.copyOf(walked);
    }

    /** The loader the model's classes came from. */
    public ClassLoader loader() {
        return scope.loader();
    }

    /** Internal names (as {@code com/acme/Model}) of the application classes the fingerprint walked. */
    public Set<String> walked() {
        return walked;
    }

    /** Whether the class (internal name) is application code for this model. */
    public boolean isApp(String internalName) {
        return scope.isApp(internalName);
    }
}
