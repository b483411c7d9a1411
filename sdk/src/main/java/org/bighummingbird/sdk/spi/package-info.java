/**
 * Extension points of the SDK. {@link org.bighummingbird.sdk.spi.RunSink} is where exported runs go:
 * give one to {@code BigHummingbird.builder(…).sink(…)} for tests, benchmarks or a custom back-end.
 * A sink says how it failed by what it throws: {@link org.bighummingbird.sdk.spi.SinkUnavailable}
 * (try again later) or {@link org.bighummingbird.sdk.spi.SinkRejected} (refused for good).
 * {@link org.bighummingbird.sdk.spi.Backend} is how the SDK finds the embedded store and the HTTP
 * exporter ({@link java.util.ServiceLoader}), and {@link org.bighummingbird.sdk.spi.SpoolLocations}
 * where each destination's spool lives.
 */
package org.bighummingbird.sdk.spi;
