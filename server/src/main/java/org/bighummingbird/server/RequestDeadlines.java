package org.bighummingbird.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A total deadline for reading a request's line and headers. Jetty's idle timeout only fires when
 * no byte arrives for a while, so a client sending one header byte a second would hold a
 * connection (and its memory) for ever; this closes any HTTP/1 connection whose parser has been
 * inside a request's headers for longer than the deadline, measured from when the first byte of
 * the request was seen. A connection waiting between requests is left to the idle timeout. The
 * body has a deadline of its own, checked where it is read ({@code rest.BodyReader}).
 *
 * <p>One daemon thread sweeps the open connections every {@link #sweepInterval}: the deadline holds
 * to within that interval. Thread-safe.
 */
final class RequestDeadlines implements Connection.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadlines.class);

    private final long headerNanos;
    private final Duration sweepInterval;
    /** Open connections, each with when it was first seen inside headers (0 when it is not). */
    private final Map<HttpConnection, Long> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    private RequestDeadlines(Duration headerTimeout) {
        this.headerNanos = headerTimeout.toNanos();
        this.sweepInterval = Duration.ofMillis(Math.max(10, Math.min(250, headerTimeout.toMillis() / 10)));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bhb-request-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /** Watches every connection {@code server}'s connectors accept from now on. */
    static RequestDeadlines watch(Server server, Duration headerTimeout) {
        RequestDeadlines deadlines = new RequestDeadlines(headerTimeout);
        for (Connector connector : server.getConnectors()) {
            connector.addEventListener(deadlines);
        }
        long every = deadlines.sweepInterval.toMillis();
        deadlines.sweeper.scheduleWithFixedDelay(deadlines::sweep, every, every, TimeUnit.MILLISECONDS);
        return deadlines;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            connections.put(http, 0L);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            connections.remove(http);
        }
    }

    /** The open HTTP/1 connections being watched. */
    int watched() {
        return connections.size();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            connections.replaceAll((connection, since) -> {
                // The parser's state is written by the connection's thread: read here without a lock,
                // a stale value only moves the close by one sweep.
                HttpParser parser = connection.getParser();
                if (parser.isStart() || !parser.inHeaderState()) {
                    return 0L;
                }
                if (since == 0L) {
                    return now;
                }
                if (now - since > headerNanos) {
                    LOG.info("closing the connection from {}: its request's headers took longer than {} ms",
                            connection.getEndPoint().getRemoteSocketAddress(), TimeUnit.NANOSECONDS.toMillis(headerNanos));
                    connection.getEndPoint().close();
                    return 0L;
                }
                return since;
            });
        } catch (RuntimeException e) {
            LOG.warn("the request deadline sweep failed; it runs again", e);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
