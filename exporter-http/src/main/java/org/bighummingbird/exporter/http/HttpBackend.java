package org.bighummingbird.exporter.http;

import java.nio.file.Path;
import org.bighummingbird.sdk.spi.Backend;
import org.bighummingbird.sdk.spi.BackendSettings;
import org.bighummingbird.sdk.spi.catalog.Catalog;

/**
 * The team server as the SDK's back-end, found by {@link java.util.ServiceLoader} when a URL is set:
 * runs go through an {@link HttpSink}, datasets, judges and evaluations through a
 * {@link RemoteCatalog}, and runs the server cannot take now wait in the spool of this URL and key.
 * Nothing touches the network when opened. Stateless and thread-safe.
 */
public final class HttpBackend implements Backend {
    /** For {@link java.util.ServiceLoader}. */
    public HttpBackend() {}

    @Override
    public Kind kind() {
        return Kind.SERVER;
    }

    @Override
    public Catalog catalog(BackendSettings s) {
        return new RemoteCatalog(url(s), s.apiKey(), s.project(), s.connectTimeout(), s.requestTimeout(),
                s.retryBackoff());
    }

    @Override
    public Delivery delivery(BackendSettings s) {
        ServerUrl url = url(s);
        HttpSink sink = new HttpSink(url, s.apiKey(), s.connectTimeout(), s.requestTimeout(), s.maxRetryBackoff());
        // one spool per server and key, apart from the other sinks': a process never replays runs into
        // a destination, or a workspace, other than the one they were meant for
        Path spool = RemoteSpools.remote(s.home(), url, s.apiKey());
        RemoteSpools.reportEarlierRemoteSpool(s.home(), url, spool);
        // a server takes a write as a pipeline of requests: bigger writes keep it full
        return new Delivery(sink, spool, HttpSink.BATCH);
    }

    private static ServerUrl url(BackendSettings s) {
        if (s.url() == null) {
            throw new IllegalArgumentException("the HTTP back-end needs a server URL; none is set");
        }
        return ServerUrl.parse(s.url());
    }
}
