package org.bighummingbird.sdk;

import org.bighummingbird.spi.BigHummingbirdProvider;
import org.bighummingbird.spi.Tracker;
import org.bighummingbird.spi.TrackerSettings;
import org.bighummingbird.spi.Values;

/**
 * bhb-sdk as the implementation of the API, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.bighummingbird.spi.BigHummingbirdProvider} (class path) or the
 * module's {@code provides} clause (module path). Back-ends (the embedded store, the HTTP exporter)
 * are found the same way when a tracker is opened. Stateless and thread-safe.
 */
public final class SdkProvider implements BigHummingbirdProvider {
    private static final Values VALUES = new SdkValues();

    /** For {@link java.util.ServiceLoader}. */
    public SdkProvider() {}

    @Override
    public Tracker open(TrackerSettings settings) {
        return new SdkTracker(settings);
    }

    @Override
    public Values values() {
        return VALUES;
    }
}
