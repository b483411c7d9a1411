package org.bighummingbird.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.util.JavalinException;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bighummingbird.server.auth.Authentication;
import org.bighummingbird.server.log.RequestLog;
import org.bighummingbird.server.problem.JettyErrors;
import org.bighummingbird.server.problem.Problems;
import org.bighummingbird.server.rest.Limits;
import org.bighummingbird.server.rest.Routes;
import org.bighummingbird.server.ui.access.DashboardAccess;
import org.bighummingbird.server.ui.access.SecurityHeaders;
import org.bighummingbird.server.ui.Dashboard;
import org.bighummingbird.store.Store;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running team server: REST API v1 (docs/api.md) and the dashboard ({@link Dashboard}) over one store. Start with {@link #start};
 * {@link #close()} stops gracefully: new requests are refused with 503, requests in flight finish
 * and their answers are written (all within {@link ServerConfig#stopTimeout()}), then the listener
 * and the store close. Answers are
 * 2xx only after the store committed. While it runs, an {@link EvaluationSweeper} marks running
 * evaluations abandoned after {@link ServerConfig#evaluationSilence()} without a heartbeat.
 * Thread-safe.
 */
public final class BhbServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BhbServer.class);

    private final ServerConfig config;
    private final Store store;
    private final Gate gate = new Gate();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Javalin javalin;
    private EvaluationSweeper sweeper;
    private RequestDeadlines deadlines;
    private org.eclipse.jetty.server.Server jetty;

    private BhbServer(ServerConfig config, Store store) {
        this.config = config;
        this.store = store;
    }

    /**
     * Opens the store and starts listening.
     *
     * @throws org.bighummingbird.store.StoreException when the store cannot be opened
     * @throws ServerException when the server cannot listen (the port is taken, the host unknown)
     */
    public static BhbServer start(ServerConfig config) {
        Store store = config.jdbcUrl() != null ? Store.open(config.jdbcUrl()) : Store.openLocal(config.home());
        BhbServer server = new BhbServer(config, store);
        try {
            server.javalin = Javalin.create(server::configure).start(config.host(), config.port());
        } catch (RuntimeException e) {
            store.close();
            throw new ServerException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        server.deadlines = RequestDeadlines.watch(server.jetty, config.headerTimeout());
        server.sweeper = EvaluationSweeper.start(store, config.evaluationSilence(), Clock.systemUTC());
        LOG.info("listening on {} with the {}{}", server.url(), store, config.auth() ? "" : " WITHOUT authentication");
        return server;
    }

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        cfg.http.maxRequestSize = config.maxBodyBytes();
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyErrors());
            // Counts a request until its answer is written, so that the stop lets the answers of the
            // requests the gate waited for reach their clients (Javalin nests its context inside).
            server.setHandler(new GracefulHandler());
            jetty = server;
        });
        cfg.jetty.modifyServletContextHandler(handler -> {
            handler.setErrorHandler(new JettyErrors());
            handler.addFilter(new RequestLog(), "/*", EnumSet.of(DispatcherType.REQUEST));
            handler.addFilter(new SecurityHeaders(), "/*", EnumSet.of(DispatcherType.REQUEST));
            handler.addFilter(gate, "/*", EnumSet.of(DispatcherType.REQUEST));
            handler.addFilter(new HeadAsGet(), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
        Problems.install(cfg);
        Authentication authentication = config.auth()
                ? Authentication.required(DashboardAccess.recordingUse(store, store.apiKeys()::authenticate),
                        Routes.OPEN_PATHS)
                : Authentication.disabled();
        cfg.routes.before(Routes.PREFIX, authentication);
        cfg.routes.before(Routes.PREFIX + "/*", authentication);
        Routes.register(cfg.routes, store, new Limits(config.maxBodyBytes(), config.maxBatchRuns(),
                config.bodyTimeout()));
        DashboardAccess.install(cfg, store, config.auth(), config.access());
        Dashboard.install(cfg, store, config.auth());
    }

    /** The port the server listens on (the one picked when configured with 0). */
    public int port() {
        return javalin.port();
    }

    /** The base URL, as in {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    /** The store this server answers from; closed by {@link #close()}. */
    public Store store() {
        return store;
    }

    /** The configuration it was started with. */
    public ServerConfig config() {
        return config;
    }

    /** Stops gracefully (see the class comment); later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + config.stopTimeout().toNanos();
        gate.close();
        if (!gate.awaitIdle(config.stopTimeout())) {
            LOG.warn("stopping with requests still running after {}", config.stopTimeout());
        }
        try {
            sweeper.close();
            deadlines.close();
            // What is left of the one deadline goes to Jetty's graceful stop, which waits for the last
            // answers to be written before it closes their connections.
            jetty.setStopTimeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            try {
                javalin.stop();
            } catch (JavalinException e) {
                // Jetty stopped everything and then reported that answers were still being written.
                LOG.warn("stopped with answers still being written after {}", config.stopTimeout(), e);
            }
        } finally {
            store.close();
        }
        LOG.info("stopped; the {} is closed", store);
    }
}
