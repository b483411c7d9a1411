package org.bighummingbird.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bighummingbird.DropCause;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.exporter.http.HttpSink;
import org.bighummingbird.exporter.http.ServerUrl;
import org.bighummingbird.sdk.internal.export.Exporter;
import org.bighummingbird.sdk.internal.export.ExporterOptions;
import org.bighummingbird.sdk.internal.export.ModelIdentity;
import org.bighummingbird.sdk.internal.export.PendingVersion;
import org.bighummingbird.sdk.internal.export.RunEvent;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.server.BhbServer;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.RunView;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of more than a day (or from before 1970) through the HTTP sink to a real server: the
 * server refuses a batch holding one, so the exporter drops it alone and every other run is stored.
 */
class OutOfRangeRunsThroughServerTest {
    private static final String PROJECT = "Long Calls";
    private static final long NOW_NS = 1_780_000_000_000_000_000L;
    private static final long DAY_NS = Duration.ofDays(1).toNanos();

    @TempDir
    Path dir;

    private static RunEvent run(int input, long startNs, long latencyNs) {
        return new RunEvent(new ModelIdentity("long", "key-long", List.of("x")), UUID.randomUUID(), null, null,
                startNs, latencyNs, "main", new Object[] {input}, input, null);
    }

    private static RunRecord record(int output, long latencyNs) {
        return new RunRecord(UUID.randomUUID().toString(), "long", "key-long", null, null, NOW_NS / 1000, latencyNs,
                "main", "{\"x\":1}", String.valueOf(output), "\"Integer\"", null, null, null);
    }

    private static VersionRegistration registration() {
        return new VersionRegistration("long", "key-long", "fp", "{\"parameters\":[]}", "x -> x", "source", "{}");
    }

    @Test
    void theOtherRunsOfABatchReachTheServerAndTheLongOneIsCountedAsOutOfRange() throws Exception {
        try (BhbServer server = BhbServer.start(ServerConfig.builder().port(0).home(dir.resolve("server")).build())) {
            String key = server.store().apiKeys().create(Store.DEFAULT_WORKSPACE, "long calls").token();
            ServerUrl url = ServerUrl.parse(server.url());

            // what the exporter guards against: the server refuses the whole batch for one run
            try (HttpSink direct = new HttpSink(url, key, Duration.ofSeconds(2), Duration.ofSeconds(10),
                    Duration.ofSeconds(1))) {
                direct.register(PROJECT, registration());
                RunRecord ok = record(-1, 1_000);
                RunRecord tooLong = record(-2, DAY_NS);
                assertThatThrownBy(() -> direct.write(PROJECT, List.of(ok, tooLong)))
                        .isInstanceOf(SinkRejected.class).hasMessageContaining("latencyNs");
            }

            HttpSink sink = new HttpSink(url, key, Duration.ofSeconds(2), Duration.ofSeconds(10),
                    Duration.ofSeconds(1));
            Exporter exporter = new Exporter(PROJECT, sink, dir.resolve("spool"), new ExporterOptions(10_000, 500,
                    Duration.ofSeconds(10), 10_000_000, Duration.ofMillis(10), Duration.ofMillis(50)));
            exporter.register(new PendingVersion("long", "key-long", OutOfRangeRunsThroughServerTest::registration));
            exporter.start();
            for (int i = 0; i < 50; i++) {
                exporter.offer(run(i, NOW_NS + i, 1_000 + i));
            }
            exporter.offer(run(1000, NOW_NS, DAY_NS));
            exporter.offer(run(1001, -5_000, 1_000));
            for (int i = 50; i < 100; i++) {
                exporter.offer(run(i, NOW_NS + i, 1_000 + i));
            }
            assertThat(exporter.flush(Duration.ofSeconds(30))).isTrue();
            exporter.close();

            assertThat(exporter.droppedByCause()).containsEntry(DropCause.OUT_OF_RANGE, 2L)
                    .containsEntry(DropCause.REFUSED, 0L);
            List<Integer> stored = StoredRuns.all(server.store(), Store.DEFAULT_WORKSPACE, PROJECT).stream()
                    .map(RunView::outputJson).map(Integer::parseInt).filter(i -> i >= 0).sorted().toList();
            assertThat(stored).isEqualTo(IntStream.range(0, 100).boxed().toList());
        }
    }
}
