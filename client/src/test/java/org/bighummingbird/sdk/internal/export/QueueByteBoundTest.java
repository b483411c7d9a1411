package org.bighummingbird.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory queue holds runs up to a memory budget as well as up to a count. */
class QueueByteBoundTest {
    @TempDir
    Path dir;

    /** Holds the exporter inside its first write until released, so nothing leaves the queue meanwhile. */
    static final class GatedSink implements RunSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicLong written = new AtomicLong();

        @Override
        public Tag register(String project, VersionRegistration registration) {
            return new Tag(registration.modelName(), 1);
        }

        @Override
        public void write(String project, List<RunRecord> runs) throws InterruptedException {
            entered.countDown();
            release.await();
            written.addAndGet(runs.size());
        }
    }

    private static RunEvent run(String text) {
        return new RunEvent(new ModelIdentity("m", "k", List.of("x")), UUID.randomUUID(), null, null, 0, 1, "t",
                new Object[] {text}, null, null);
    }

    @Test
    void runsPastTheQueuesByteBudgetAreDroppedAndCountedWhileTheCountBoundHasRoom() throws Exception {
        GatedSink sink = new GatedSink();
        ExporterOptions options = new ExporterOptions(10_000, 1, Duration.ofSeconds(10), 0, Duration.ofMillis(1),
                Duration.ofMillis(5), 100_000, SnapshotLimits.defaults());
        Exporter exporter = new Exporter("p", sink, dir.resolve("spool"), options);
        exporter.register(new PendingVersion("m", "k", () -> ExporterTest.registration("m")));
        exporter.start();
        assertThat(exporter.offer(run("first"))).isTrue();
        assertThat(sink.entered.await(30, TimeUnit.SECONDS)).isTrue();
        String tenKb = "y".repeat(10_000);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            if (exporter.offer(run(tenKb))) {
                accepted++;
            } else {
                refused++;
            }
        }
        // the exporter is in its first write: what it drained before (a batch at most) is out of the queue
        assertThat(accepted).isBetween(8, 11);
        assertThat(refused).isEqualTo(100 - accepted);
        assertThat(exporter.dropped()).isEqualTo(refused);
        sink.release.countDown();
        assertThat(exporter.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(exporter.offer(run(tenKb))).as("the budget is free again once the queue drained").isTrue();
        exporter.close();
        assertThat(sink.written.get()).isEqualTo(1 + accepted + 1);
    }

    @Test
    void aRunLargerThanTheWholeBudgetIsLetInWhenTheQueueIsEmpty() {
        GatedSink sink = new GatedSink();
        sink.release.countDown();
        ExporterOptions options = new ExporterOptions(10_000, 10, Duration.ofSeconds(10), 0, Duration.ofMillis(1),
                Duration.ofMillis(5), 1_000, SnapshotLimits.defaults());
        Exporter exporter = new Exporter("p", sink, dir.resolve("spool"), options);
        exporter.register(new PendingVersion("m", "k", () -> ExporterTest.registration("m")));
        exporter.start();
        assertThat(exporter.offer(run("z".repeat(5_000)))).isTrue();
        assertThat(exporter.flush(Duration.ofSeconds(30))).isTrue();
        exporter.close();
        assertThat(sink.written.get()).isEqualTo(1);
    }
}
