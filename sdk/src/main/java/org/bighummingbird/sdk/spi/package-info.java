/**
 * Extension points of the SDK. {@link org.bighummingbird.sdk.spi.RunSink} is where exported runs go;
 * the SDK picks the embedded store or the server itself, tests and benchmarks plug in their own.
 * A sink says how it failed by what it throws: {@link org.bighummingbird.sdk.spi.SinkUnavailable}
 * (try again later) or {@link org.bighummingbird.sdk.spi.SinkRejected} (refused for good).
 */
package org.bighummingbird.sdk.spi;
