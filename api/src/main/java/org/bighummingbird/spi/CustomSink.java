package org.bighummingbird.spi;

/**
 * A destination for runs other than the embedded store and the team server, for
 * {@link org.bighummingbird.BigHummingbird.Builder#sink(CustomSink)}: tests, benchmarks, custom
 * back-ends. The API gives it no methods, because what a sink is told (versions, runs) is the
 * implementation's business: with {@code bhb-sdk}, implement {@code org.bighummingbird.sdk.spi.RunSink},
 * which extends this interface. An implementation refuses, when the tracker is built, a sink of a
 * kind it does not know.
 */
public interface CustomSink {}
