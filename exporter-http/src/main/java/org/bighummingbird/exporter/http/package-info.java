/**
 * The SDK's client of the team server's REST API v1: {@link org.bighummingbird.exporter.http.HttpSink}
 * delivers registrations and runs, {@link org.bighummingbird.exporter.http.RemoteCatalog} uploads and
 * reads datasets, judges and evaluations (its calls made by {@code ProjectCalls}, its answers read by
 * {@code CatalogDocuments}), both over {@link org.bighummingbird.exporter.http.ApiClient}'s plumbing;
 * {@link org.bighummingbird.exporter.http.Answers} turns what the server (or the network) said into
 * {@code SinkUnavailable} or {@code SinkRejected}. {@link org.bighummingbird.exporter.http.HttpBackend}
 * is the service the SDK finds when a server URL is set.
 */
package org.bighummingbird.exporter.http;
