/**
 * Extension points of the SDK. {@link org.bighummingbird.spi.RunSink} is where exported runs go;
 * the SDK picks the embedded store or the server itself, tests and benchmarks plug in their own.
 * A sink says how it failed by what it throws: {@link org.bighummingbird.spi.SinkUnavailable}
 * (try again later) or {@link org.bighummingbird.spi.SinkRejected} (refused for good).
 */
package org.bighummingbird.spi;
