/**
 * The SDK's client of the team server's REST API v1: {@link org.bighummingbird.internal.remote.HttpSink}
 * delivers registrations and runs as gzip-compressed JSON, and {@link org.bighummingbird.internal.remote.Answers}
 * turns what the server (or the network) said into {@code SinkUnavailable} or {@code SinkRejected}.
 */
package org.bighummingbird.internal.remote;
