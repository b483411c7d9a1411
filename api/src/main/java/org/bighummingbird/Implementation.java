package org.bighummingbird;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.bighummingbird.spi.BigHummingbirdProvider;

/**
 * The implementation behind the API: the first {@link BigHummingbirdProvider} that
 * {@link ServiceLoader} finds, looked up once, on first use.
 */
final class Implementation {
    /** The artifact to add, for the message when there is none. */
    static final String ARTIFACT = "org.bighummingbird:bhb-client";

    private Implementation() {}

    /**
     * The provider.
     *
     * @throws IllegalStateException when there is none on the class path or module path, naming the
     *     artifact to add
     */
    static BigHummingbirdProvider provider() {
        BigHummingbirdProvider p = Holder.PROVIDER;
        if (p == null) {
            throw new IllegalStateException("BigHummingbird has no implementation on the class path (or module path):"
                    + " bhb-api holds only the interfaces. Add the dependency " + ARTIFACT + " (the SDK with the"
                    + " embedded store and the HTTP exporter), or org.bighummingbird:bhb-sdk with a back-end."
                    + (Holder.FAILURE == null ? "" : " Loading one failed: " + Holder.FAILURE.getMessage()),
                    Holder.FAILURE);
        }
        return p;
    }

    /** Loaded on first use of {@link #provider()} (the holder idiom makes it once and thread-safe). */
    private static final class Holder {
        private static ServiceConfigurationError FAILURE;
        private static final BigHummingbirdProvider PROVIDER = load();

        private static BigHummingbirdProvider load() {
            try {
                // the context class loader first (an application server's or Spark's), then the API's own
                Iterator<BigHummingbirdProvider> it = ServiceLoader.load(BigHummingbirdProvider.class).iterator();
                if (!it.hasNext()) {
                    it = ServiceLoader.load(BigHummingbirdProvider.class, Implementation.class.getClassLoader())
                            .iterator();
                }
                return it.hasNext() ? it.next() : null;
            } catch (ServiceConfigurationError e) {
                FAILURE = e;
                return null;
            }
        }
    }
}
