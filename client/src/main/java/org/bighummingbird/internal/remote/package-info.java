/**
 * The SDK's client of the team server's REST API v1: {@link org.bighummingbird.internal.remote.HttpSink}
 * delivers registrations and runs, {@link org.bighummingbird.internal.remote.RemoteCatalog} uploads and
 * reads datasets and judges, both over {@link org.bighummingbird.internal.remote.ApiClient}'s plumbing;
 * {@link org.bighummingbird.internal.remote.Answers} turns what the server (or the network) said into
 * {@code SinkUnavailable} or {@code SinkRejected}.
 */
package org.bighummingbird.internal.remote;
