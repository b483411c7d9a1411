package org.bighummingbird.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.bighummingbird.DropCause;
import org.bighummingbird.core.RunBounds;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.SinkUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs whose times a store does not keep ({@code RunBounds}) are dropped alone before they are
 * sent or spooled, counted as {@link DropCause#OUT_OF_RANGE}; the runs beside them go.
 */
class OutOfRangeRunsTest {
    private static final long DAY_NS = Duration.ofDays(1).toNanos();
    private static final long NOW_NS = 1_780_000_000_000_000_000L;

    @TempDir
    Path dir;

    /** A sink that, as the server does, refuses a whole batch holding one run out of range. */
    static final class StrictSink implements RunSink {
        final List<RunRecord> written = Collections.synchronizedList(new ArrayList<>());
        volatile int refusedBatches;
        volatile boolean away;

        @Override
        public Tag register(String project, VersionRegistration reg) {
            return new Tag(reg.modelName(), 1);
        }

        @Override
        public void write(String project, List<RunRecord> runs) {
            if (away) {
                throw new SinkUnavailable("away", null, null);
            }
            for (RunRecord r : runs) {
                if (!RunsInBounds.inBounds(r)) {
                    refusedBatches++;
                    throw new SinkRejected(400, "invalid-field", "run " + r.id() + " is out of range");
                }
            }
            written.addAll(runs);
        }
    }

    private static RunEvent run(int input, long startNs, long latencyNs) {
        return new RunEvent(new ModelIdentity("m", "k", List.of("x")), UUID.randomUUID(), null, null, startNs,
                latencyNs, "t", new Object[] {input}, input, null);
    }

    private Exporter exporter(RunSink sink) {
        ExporterOptions options = new ExporterOptions(10_000, 100, Duration.ofSeconds(5), 10_000_000,
                Duration.ofMillis(10), Duration.ofMillis(20));
        Exporter exporter = new Exporter("p", sink, dir.resolve("spool"), options);
        exporter.register(new PendingVersion("m", "k", () -> ExporterTest.registration("m")));
        exporter.start();
        return exporter;
    }

    @Test
    void runsOutOfRangeAreDroppedAloneAndTheirBatchGoes() throws Exception {
        StrictSink sink = new StrictSink();
        Exporter exporter = exporter(sink);
        List<RunEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(run(i, NOW_NS + i, 1_000));
        }
        events.add(run(100, NOW_NS, DAY_NS));
        events.add(run(101, NOW_NS, Long.MAX_VALUE));
        events.add(run(102, NOW_NS, -1));
        events.add(run(103, -1_000, 1_000));
        events.add(run(104, Long.MIN_VALUE, 1_000));
        events.add(run(20, NOW_NS, DAY_NS - 1));
        events.add(run(21, 0, 0));
        for (RunEvent e : events) {
            assertThat(exporter.offer(e)).isTrue();
        }
        assertThat(exporter.flush(Duration.ofSeconds(10))).as("flush ends: dropped runs count as done").isTrue();
        exporter.close();

        assertThat(sink.refusedBatches).isZero();
        assertThat(sink.written).extracting(r -> Integer.parseInt(r.outputJson()))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 22).boxed().toList());
        assertThat(exporter.droppedByCause()).containsEntry(DropCause.OUT_OF_RANGE, 5L)
                .containsEntry(DropCause.REFUSED, 0L);
        assertThat(exporter.dropped()).isEqualTo(5);
        assertThat(sink.written).allMatch(r -> RunBounds.latencyInRange(r.latencyNs()));
    }

    @Test
    void runsOutOfRangeAreNotSpooledWhileTheSinkIsAway() throws Exception {
        StrictSink away = new StrictSink();
        away.away = true;
        Exporter exporter = exporter(away);
        exporter.offer(run(1, NOW_NS, 1_000));
        exporter.offer(run(2, NOW_NS, 2 * DAY_NS));
        exporter.close();
        assertThat(exporter.droppedByCause()).containsEntry(DropCause.OUT_OF_RANGE, 1L);

        StrictSink back = new StrictSink();
        Exporter later = exporter(back);
        assertThat(later.flush(Duration.ofSeconds(10))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (back.written.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        later.close();
        assertThat(back.written).extracting(RunRecord::outputJson).containsExactly("1");
        assertThat(back.refusedBatches).isZero();
        assertThat(Files.exists(dir.resolve("spool"))).isTrue();
    }
}
