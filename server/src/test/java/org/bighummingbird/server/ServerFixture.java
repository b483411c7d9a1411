package org.bighummingbird.server;

import java.util.concurrent.atomic.AtomicInteger;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;

/**
 * A started server with a key of a fresh workspace per test, so tests sharing one server never see
 * each other's projects.
 */
public final class ServerFixture implements AutoCloseable {
    private static final AtomicInteger WORKSPACES = new AtomicInteger();

    public final BhbServer server;

    public ServerFixture(ServerConfig config) {
        this.server = BhbServer.start(config);
    }

    public Store store() {
        return server.store();
    }

    /** A client with a key of a new workspace; {@link Workspace#name()} names it. */
    public Workspace newWorkspace() {
        String name = "ws-" + WORKSPACES.incrementAndGet() + "-" + System.nanoTime();
        String token = store().apiKeys().create(name, "tests").token();
        return new Workspace(name, token, new Http(server.url(), token));
    }

    /** A client without a key. */
    public Http anonymous() {
        return new Http(server.url(), null);
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * A workspace with its key and a client that sends it.
     *
     * @param name the workspace's name
     * @param token its API key
     * @param http a client sending the key
     */
    public record Workspace(String name, String token, Http http) {
        public ProjectRef project(Store store, String project) {
            return store.projects().find(name, project).orElseThrow();
        }
    }
}
