package org.bighummingbird.sdk;

import java.util.Optional;
import java.util.ServiceLoader;
import org.bighummingbird.sdk.spi.Backend;

/** The {@link Backend}s on the class path (or module path), found with {@link ServiceLoader} for each lookup. */
final class Backends {
    private Backends() {}

    /** The first back-end of {@code kind}, when one is there. */
    static Optional<Backend> find(Backend.Kind kind) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                Backends.class.getClassLoader()}) {
            for (Backend b : ServiceLoader.load(Backend.class, loader)) {
                if (b.kind() == kind) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The back-end of {@code kind}.
     *
     * @throws IllegalStateException when none is there, naming the artifact to add
     */
    static Backend require(Backend.Kind kind) {
        return find(kind).orElseThrow(() -> new IllegalStateException(kind == Backend.Kind.SERVER
                ? "BHB_URL (or Builder.url) names a team server, but the HTTP exporter is not on the class path: add"
                        + " the dependency org.bighummingbird:bhb-exporter-http (or bhb-client)"
                : "the embedded store is not on the class path: add the dependency"
                        + " org.bighummingbird:bhb-store-embedded (or bhb-client), or set BHB_URL to a team server"));
    }
}
