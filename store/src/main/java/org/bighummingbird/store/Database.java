package org.bighummingbird.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One JDBC connection and the lock that serialises its use. SQLite allows one writer at a time
 * anyway; a pooled PostgreSQL variant arrives with the server.
 */
final class Database implements AutoCloseable {
    /** How long a SQLite writer waits for another process's write lock. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 60_000;

    private final Connection connection;
    private final Dialect dialect;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    static Database connect(String jdbcUrl) throws SQLException {
        Dialect dialect = Dialect.of(jdbcUrl);
        if (dialect == Dialect.SQLITE) {
            return new Database(sqliteConfig().createConnection(jdbcUrl), dialect);
        }
        return new Database(DriverManager.getConnection(jdbcUrl, new Properties()), dialect);
    }

    static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // IMMEDIATE takes the write lock when a transaction begins, so two processes never
        // deadlock upgrading read locks; the busy timeout then makes the second one wait.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    Dialect dialect() {
        return dialect;
    }

    <T> T read(SqlWork<T> work) throws SQLException {
        lock.lock();
        try {
            return work.run(connection);
        } finally {
            lock.unlock();
        }
    }

    <T> T transaction(SqlWork<T> work) throws SQLException {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            connection.close();
        } finally {
            lock.unlock();
        }
    }

    /** Work done with the connection while holding the lock. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
