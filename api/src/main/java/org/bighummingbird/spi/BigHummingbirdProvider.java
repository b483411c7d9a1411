package org.bighummingbird.spi;

/**
 * An implementation of the BigHummingbird API, found with {@link java.util.ServiceLoader}: the facade
 * {@link org.bighummingbird.BigHummingbird} and the value types ({@link org.bighummingbird.Dataset},
 * {@link org.bighummingbird.Judge}) hand their work to the first provider on the class path or module
 * path. {@code bhb-sdk} provides one; add {@code org.bighummingbird:bhb-client} (the SDK with the
 * HTTP exporter and the embedded store) or {@code bhb-sdk} and a back-end. A provider must have a
 * public no-argument constructor and be thread-safe; it is created once per class loader.
 */
public interface BigHummingbirdProvider {
    /**
     * Opens a tracker for the settings a {@link org.bighummingbird.BigHummingbird.Builder} gathered.
     *
     * @throws IllegalArgumentException when a setting cannot work with this implementation, naming it
     * @throws IllegalStateException when the back-end the settings ask for is not on the class path
     */
    Tracker open(TrackerSettings settings);

    /** Validation and JSON handling of the API's value types. */
    Values values();
}
