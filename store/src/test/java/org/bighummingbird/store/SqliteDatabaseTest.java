package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite side of {@link Database}: reads on a connection of their own, beside a running write. */
class SqliteDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aReadDoesNotWaitForAWriteAndSeesTheLastCommit() throws Exception {
        try (Database db = Database.connect("jdbc:sqlite:" + dir.resolve("t.db"))) {
            db.transaction(c -> execute(c.createStatement(), "CREATE TABLE t (v INTEGER)", "INSERT INTO t VALUES (1)"));
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                try {
                    db.transaction(c -> {
                        execute(c.createStatement(), "INSERT INTO t VALUES (2)");
                        writing.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            // the write holds its lock and has not committed: the read goes on beside it
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> sum(db));
            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            release.countDown();
            write.get(10, TimeUnit.SECONDS);
            assertThat(sum(db)).isEqualTo(3);
        }
    }

    @Test
    void severalReadsRunAtOnceBesideAnOpenWriteAndEachSeesTheLastCommit() throws Exception {
        int readers = 4;
        ExecutorService threads = Executors.newFixedThreadPool(readers + 1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database db = Database.connect("jdbc:sqlite:" + dir.resolve("t.db"))) {
            db.transaction(c -> execute(c.createStatement(), "CREATE TABLE t (v INTEGER)", "INSERT INTO t VALUES (1)"));
            CountDownLatch writing = new CountDownLatch(1);
            Future<?> write = threads.submit(() -> db.transaction(c -> {
                execute(c.createStatement(), "INSERT INTO t VALUES (2)");
                writing.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            // Every reader waits inside its read until all are inside theirs: only reads on
            // connections of their own, none of them the writer's, get past the barrier.
            CyclicBarrier allInside = new CyclicBarrier(readers);
            List<Future<Long>> reads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                reads.add(threads.submit(() -> db.read(c -> {
                    long sum = sum(c);
                    awaitAll(allInside);
                    return sum;
                })));
            }
            try {
                for (Future<Long> read : reads) {
                    assertThat(read.get(20, TimeUnit.SECONDS)).isEqualTo(1);
                }
            } finally {
                release.countDown();
            }
            write.get(10, TimeUnit.SECONDS);
            assertThat(sum(db)).isEqualTo(3);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aReadInsideAWriteSeesWhatTheWriteDidSoFar() throws Exception {
        try (Database db = Database.connect("jdbc:sqlite:" + dir.resolve("t.db"))) {
            db.transaction(c -> execute(c.createStatement(), "CREATE TABLE t (v INTEGER)"));
            long seen = db.transaction(c -> {
                execute(c.createStatement(), "INSERT INTO t VALUES (5)");
                return sum(db);
            });
            assertThat(seen).isEqualTo(5);
        }
    }

    @Test
    void anInMemoryDatabaseIsReadOnItsOneConnection() throws Exception {
        assertThat(Database.inMemory("jdbc:sqlite::memory:")).isTrue();
        assertThat(Database.inMemory("jdbc:sqlite:file:x?mode=memory&cache=shared")).isTrue();
        assertThat(Database.inMemory("jdbc:sqlite:")).isTrue();
        assertThat(Database.inMemory("jdbc:sqlite:/tmp/memory.db")).isFalse();
        try (Database db = Database.connect("jdbc:sqlite::memory:")) {
            db.transaction(c -> execute(c.createStatement(), "CREATE TABLE t (v INTEGER)", "INSERT INTO t VALUES (7)"));
            assertThat(sum(db)).isEqualTo(7);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitAll(CyclicBarrier barrier) throws java.sql.SQLException {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new java.sql.SQLException("the reads were not all running at once", e);
        }
    }

    private static long sum(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SUM(v) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sum(Database db) {
        try {
            return db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SUM(v) FROM t")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Void execute(Statement statement, String... sql) throws java.sql.SQLException {
        try (statement) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
        return null;
    }
}
