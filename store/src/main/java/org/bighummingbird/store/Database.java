package org.bighummingbird.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * Where the store's SQL runs. SQLite: one connection for writes and the lock that serialises its
 * use (SQLite allows one writer at a time anyway), and a small pool of connections for reads
 * ({@link SqliteReaders}): in WAL mode a read sees the last commit while a write runs, so a
 * server's authentication and look-ups neither wait for another request's insert nor for each
 * other. PostgreSQL: a small HikariCP pool, so concurrent reads and writes each get their own
 * connection and never wait on each other here. Thread-safe.
 */
final class Database implements AutoCloseable {
    /** How long a SQLite writer waits for another process's write lock. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 60_000;
    /** Most PostgreSQL connections one store holds; a server instance is one store. */
    static final int POOL_SIZE = 8;
    /** PostgreSQL connections kept open while idle; the pool grows to {@link #POOL_SIZE} on demand. */
    static final int POOL_MIN_IDLE = 2;
    /**
     * How long a call waits for a PostgreSQL connection before it fails as unavailable. HikariCP's
     * default, 30 s, would hold every request and health check of a server that long when the
     * database is away; 5 s still rides out a busy pool.
     */
    static final long POOL_CONNECTION_TIMEOUT_MS = 5_000;

    private final Dialect dialect;
    /** The SQLite connection for writes and its lock, or null on PostgreSQL. */
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * The SQLite connections for reads; null on PostgreSQL and for an in-memory database, which a
     * second connection would not share.
     */
    private final SqliteReaders readers;
    /** The PostgreSQL pool, or null on SQLite. */
    private final HikariDataSource pool;

    private Database(Dialect dialect, Connection connection, SqliteReaders readers, HikariDataSource pool) {
        this.dialect = dialect;
        this.connection = connection;
        this.readers = readers;
        this.pool = pool;
    }

    static Database connect(String jdbcUrl) throws SQLException {
        Dialect dialect = Dialect.of(jdbcUrl);
        if (dialect == Dialect.SQLITE) {
            Connection writer = sqliteConfig().createConnection(jdbcUrl);
            return new Database(dialect, writer, inMemory(jdbcUrl) ? null : new SqliteReaders(jdbcUrl), null);
        }
        return new Database(dialect, null, null, postgresPool(jdbcUrl));
    }

    /** Whether a SQLite URL names a database that lives in its connection's memory (or a temporary file of its own). */
    static boolean inMemory(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:sqlite::memory:") || lower.equals("jdbc:sqlite:") || lower.contains("mode=memory");
    }

    private static HikariDataSource postgresPool(String jdbcUrl) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bhb-store");
        // The secrets travel as properties, so that Hikari's and PgJDBC's messages never show them.
        JdbcTarget target = JdbcUrls.split(jdbcUrl);
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        target.properties().forEach(config::addDataSourceProperty);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_MIN_IDLE);
        config.setConnectionTimeout(POOL_CONNECTION_TIMEOUT_MS);
        config.setAutoCommit(true);
        try {
            // Fails here, not at the first call, when the server is away (initializationFailTimeout 1 ms).
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause();
            throw cause instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
        }
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

    /**
     * Runs work that only reads, in auto-commit mode. On SQLite inside a write of this thread's it
     * runs on the write's connection, so it sees what the write did so far.
     */
    <T> T read(SqlWork<T> work) throws SQLException {
        if (pool != null) {
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            }
        }
        if (readers != null && !lock.isHeldByCurrentThread()) {
            return readers.read(work);
        }
        lock.lock();
        try {
            return work.run(connection);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(SqlWork<T> work) throws SQLException {
        if (pool != null) {
            try (Connection c = pool.getConnection()) {
                return inTransaction(c, work);
            }
        }
        lock.lock();
        try {
            return inTransaction(connection, work);
        } finally {
            lock.unlock();
        }
    }

    private static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (pool != null) {
            pool.close();
            return;
        }
        try {
            if (readers != null) {
                readers.close();
            }
        } finally {
            lock.lock();
            try {
                connection.close();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Work done with a connection: the SQLite writer under its lock, a SQLite reader, or one borrowed from the pool. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
