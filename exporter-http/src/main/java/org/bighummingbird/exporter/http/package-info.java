/**
 * The SDK's client of the team server's REST API v1: {@link org.bighummingbird.exporter.http.HttpSink}
 * delivers registrations and runs, {@link org.bighummingbird.exporter.http.RemoteCatalog} uploads and
 * reads datasets and judges, both over {@link org.bighummingbird.exporter.http.ApiClient}'s plumbing;
 * {@link org.bighummingbird.exporter.http.Answers} turns what the server (or the network) said into
 * {@code SinkUnavailable} or {@code SinkRejected}.
 */
package org.bighummingbird.exporter.http;
