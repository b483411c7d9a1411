package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import org.bighummingbird.store.Database.SqlWork;

/**
 * The SQLite connections for reads beside the one writer: up to {@link #SIZE} reads run at once,
 * each on a connection of its own, made on first need and kept. In WAL mode each read in
 * auto-commit mode sees the last commit, and none waits for a write. Not HikariCP: it would add a
 * housekeeping thread and validation queries per pool for connections that are local files, and
 * the pool here only has to bound and reuse them. Thread-safe.
 */
final class SqliteReaders implements AutoCloseable {
    /** Most reads that run at once; more wait for one to finish. */
    static final int SIZE = 4;

    private final String jdbcUrl;
    private final Semaphore permits = new Semaphore(SIZE, true);
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    /** The connection of the read this thread is in, if any. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private volatile boolean closed;

    SqliteReaders(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Runs {@code work} on an idle read connection, waiting for one when {@link #SIZE} reads are
     * running. A read inside a read of the same thread stays on that read's connection, as a read
     * on one connection did, so nested reads never wait for each other.
     *
     * @throws SQLException when the connections are closed, or work fails
     */
    <T> T read(SqlWork<T> work) throws SQLException {
        Connection held = current.get();
        if (held != null) {
            return work.run(held);
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a read connection", e);
        }
        try {
            Connection c = borrow();
            current.set(c);
            try {
                return work.run(c);
            } finally {
                current.remove();
                idle.offerFirst(c);
            }
        } finally {
            permits.release();
        }
    }

    private Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        Connection c = idle.pollFirst();
        return c != null ? c : Database.sqliteConfig().createConnection(jdbcUrl);
    }

    /** Waits for the running reads to finish, then closes every connection; later reads fail. */
    @Override
    public void close() throws SQLException {
        permits.acquireUninterruptibly(SIZE);
        try {
            closed = true;
            closeIdle();
        } finally {
            permits.release(SIZE); // reads waiting for a permit go on and fail as closed
        }
    }

    private void closeIdle() throws SQLException {
        List<SQLException> failures = new ArrayList<>();
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            try {
                c.close();
            } catch (SQLException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            SQLException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
