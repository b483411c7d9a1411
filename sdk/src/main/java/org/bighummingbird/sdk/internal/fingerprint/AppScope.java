package org.bighummingbird.sdk.internal.fingerprint;

/**
 * Application code as one model sees it (see {@link AppClasses#scope}): the classes every model
 * counts, plus those from the jar or directory of the class that defines the traced function. One
 * instance serves one fingerprint.
 */
final class AppScope {
    private final AppClasses apps;
    private final ClassLoader loader;
    private final String modelRoot;

    /**
     * @param modelRoot the jar or directory the model's class comes from, or null when that is the
     *     JDK or BigHummingbird's own
     */
    AppScope(AppClasses apps, ClassLoader loader, String modelRoot) {
        this.apps = apps;
        this.loader = loader;
        this.modelRoot = modelRoot;
    }

    ClassLoader loader() {
        return loader;
    }

    /** Whether the class is application code for this model: digested by its code, not its name. */
    boolean isApp(String internalName) {
        return apps.isApp(loader, internalName)
                || modelRoot != null && modelRoot.equals(apps.codeRootOf(loader, internalName));
    }
}
