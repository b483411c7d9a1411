/**
 * The service-provider interface between the API and an implementation:
 * {@link org.bighummingbird.spi.BigHummingbirdProvider} (found with {@link java.util.ServiceLoader})
 * opens a {@link org.bighummingbird.spi.Tracker} for the {@link org.bighummingbird.spi.TrackerSettings}
 * of a builder, and supplies the {@link org.bighummingbird.spi.Values} that datasets and judges are
 * checked and canonicalised with. {@link org.bighummingbird.spi.CustomSink} marks a custom destination.
 */
package org.bighummingbird.spi;
