package org.bighummingbird.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.store.NotFound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter against sinks that go away, come back, or refuse some data for good. */
class ExporterTest {
    @TempDir
    Path dir;

    static VersionRegistration registration(String model) {
        return new VersionRegistration(model, "k", "f", "{}", "code", "source", "{}");
    }

    static RunEvent run(String model, int i) {
        return new RunEvent(new ModelIdentity(model, "k", List.of("x")), UUID.randomUUID(), null, null, 0, 1, "t",
                new Object[] {i}, i, null);
    }

    /** A sink that can be switched off, and that refuses runs of versions it never registered. */
    static final class SwitchableSink implements RunSink {
        final AtomicBoolean up = new AtomicBoolean(true);
        final AtomicLong written = new AtomicLong();
        volatile long writeMillis;
        final Set<String> registered = java.util.Collections.synchronizedSet(new HashSet<>());

        @Override
        public Tag register(String project, VersionRegistration reg) throws Exception {
            if (!up.get()) {
                throw new java.io.IOException("sink away");
            }
            registered.add(reg.modelName());
            return new Tag(reg.modelName(), 1);
        }

        @Override
        public void write(String project, List<RunRecord> runs) throws Exception {
            if (!up.get()) {
                throw new java.io.IOException("sink away");
            }
            if (writeMillis > 0) {
                Thread.sleep(writeMillis);
            }
            for (RunRecord r : runs) {
                if (!registered.contains(r.modelName())) {
                    throw new NotFound("never registered " + r.modelName());
                }
            }
            written.addAndGet(runs.size());
        }
    }

    @Test
    void spooledRunsGoOutWhileSteadyTrafficKeepsTheQueueBusy() throws Exception {
        SwitchableSink sink = new SwitchableSink();
        sink.up.set(false);
        ExporterOptions options = new ExporterOptions(10_000, 10, Duration.ofSeconds(5), 10_000_000,
                Duration.ofMillis(10), Duration.ofMillis(20));
        Exporter exporter = new Exporter("p", sink, dir.resolve("spool"), options);
        exporter.register(new PendingVersion("m", "k", () -> registration("m")));
        exporter.start();
        for (int i = 0; i < 500; i++) {
            exporter.offer(run("m", i));
        }
        assertThat(exporter.flush(Duration.ofSeconds(10))).as("spooled while the sink is away").isTrue();
        // a sink that takes 5 ms a write (a server) and a run every millisecond: the queue is never
        // empty when the exporter looks, yet the 500 spooled runs must not wait for a quiet moment
        sink.writeMillis = 5;
        sink.up.set(true);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int i = 500;
        while (sink.written.get() < i - 50 && System.nanoTime() < end) {
            exporter.offer(run("m", i++));
            Thread.sleep(1);
        }
        assertThat(sink.written.get()).as("the spool was delivered while the traffic went on, %d runs offered", i)
                .isGreaterThanOrEqualTo(i - 50);
        exporter.close();
        assertThat(sink.written.get()).isEqualTo(i);
    }

    @Test
    void aSinkThatComesBackTakesHeldRunsEvenWhenTheSpoolIsFull() throws Exception {
        SwitchableSink sink = new SwitchableSink();
        sink.up.set(false);
        ExporterOptions options = new ExporterOptions(100, 10, Duration.ofSeconds(5), 3_000, Duration.ofMillis(10),
                Duration.ofMillis(20));
        Exporter exporter = new Exporter("p", sink, dir.resolve("spool"), options);
        exporter.register(new PendingVersion("m", "k", () -> registration("m")));
        exporter.start();
        long accepted = 0;
        for (int i = 0; i < 400; i++) {
            accepted += exporter.offer(run("m", i)) ? 1 : 0;
            Thread.sleep(1);
        }
        assertThat(exporter.dropped()).as("a 3 kB spool and a queue of 100 cannot hold 400 runs").isPositive();
        sink.up.set(true);
        assertThat(exporter.flush(Duration.ofSeconds(10))).isTrue();
        for (int i = 0; i < 50; i++) {
            accepted += exporter.offer(run("m", i)) ? 1 : 0;
        }
        assertThat(exporter.flush(Duration.ofSeconds(10))).isTrue();
        exporter.close();
        assertThat(sink.written.get()).isEqualTo(accepted);
        assertThat(accepted + exporter.dropped()).isEqualTo(450);
    }

    @Test
    void spooledRunsTheStoreRejectsAreSetAsideAndDoNotBlockTheRest() throws Exception {
        SwitchableSink sink = new SwitchableSink();
        ExporterOptions options = new ExporterOptions(1_000, 50, Duration.ofSeconds(5), 1 << 20, Duration.ofMillis(10),
                Duration.ofMillis(20));
        Path spoolDir = dir.resolve("spool");
        // a file an earlier process left: runs of a version whose registration it never wrote
        Files.createDirectories(spoolDir);
        Files.writeString(spoolDir.resolve("spool-1-1-0.jsonl"), Json.WRITER.writeValueAsString(
                new SpoolLine("p", null, RunSerializer.toRecord(run("orphan", 1)))) + "\n");
        Files.writeString(spoolDir.resolve("spool-2-1-0.jsonl"),
                Json.WRITER.writeValueAsString(new SpoolLine("p", registration("kept"), null)) + "\n"
                        + Json.WRITER.writeValueAsString(new SpoolLine("p", null, RunSerializer.toRecord(run("kept", 2))))
                        + "\n");
        Exporter exporter = new Exporter("p", sink, spoolDir, options);
        exporter.register(new PendingVersion("good", "k", () -> registration("good")));
        exporter.register(new PendingVersion("broken", "k", () -> {
            throw new IllegalStateException("cannot read the code");
        }));
        exporter.start();
        exporter.offer(run("broken", 0));
        for (int i = 0; i < 200; i++) {
            exporter.offer(run("good", i));
        }
        assertThat(exporter.flush(Duration.ofSeconds(10))).isTrue();
        exporter.close();
        assertThat(sink.written.get()).isEqualTo(201);
        assertThat(exporter.dropped()).as("the run whose registration could not be built").isEqualTo(1);
        try (Stream<Path> left = Files.list(spoolDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("rejected-spool-1-1-0.jsonl");
        }
    }

    /** A sink that refuses registrations and runs of models whose name starts with "refused". */
    static final class RefusingSink implements RunSink {
        final List<RunRecord> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Override
        public Tag register(String project, VersionRegistration reg) {
            if (reg.modelName().startsWith("refused version")) {
                throw new SinkRejected(400, "urn:x:invalid-request", "no versions called " + reg.modelName());
            }
            return new Tag(reg.modelName(), 1);
        }

        @Override
        public void write(String project, List<RunRecord> runs) {
            if (runs.stream().anyMatch(r -> r.modelName().startsWith("refused runs"))) {
                throw new SinkRejected(413, "urn:x:payload-too-large", "too large");
            }
            written.addAll(runs);
        }
    }

    private static ExporterOptions small(int batchSize) {
        return new ExporterOptions(1_000, batchSize, Duration.ofSeconds(5), 1 << 20, Duration.ofMillis(10),
                Duration.ofMillis(20));
    }

    @Test
    void batchesTheSinkRefusesAreDroppedAndCountedAndTheBatchesBehindThemDelivered() {
        RefusingSink sink = new RefusingSink();
        Exporter exporter = new Exporter("p", sink, dir.resolve("spool"), small(100));
        exporter.register(new PendingVersion("good", "k", () -> registration("good")));
        exporter.register(new PendingVersion("refused runs", "k", () -> registration("refused runs")));
        exporter.start();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10; i++) {
                exporter.offer(run(round == 1 ? "refused runs" : "good", i));
            }
            assertThat(exporter.flush(Duration.ofSeconds(10))).isTrue();
        }
        exporter.close();
        assertThat(sink.written).hasSize(20);
        assertThat(exporter.dropped()).isEqualTo(10);
        assertThat(exporter.sinkProblem()).isNull();
    }

    @Test
    void aRefusedRegistrationFailsTheVersionWithTheReasonAndDropsOnlyItsRuns() throws Exception {
        RefusingSink sink = new RefusingSink();
        Exporter exporter = new Exporter("p", sink, dir.resolve("spool"), small(100));
        PendingVersion refused = new PendingVersion("refused version", "k", () -> registration("refused version"));
        PendingVersion good = new PendingVersion("good", "k", () -> registration("good"));
        exporter.register(refused);
        exporter.register(good);
        exporter.start();
        for (int i = 0; i < 10; i++) {
            exporter.offer(run("refused version", i));
            exporter.offer(run("good", i));
        }
        assertThat(exporter.flush(Duration.ofSeconds(10))).isTrue();
        exporter.close();
        assertThat(good.tag().get()).isEqualTo(new Tag("good", 1));
        assertThatThrownBy(() -> refused.tag().get()).hasCauseInstanceOf(SinkRejected.class)
                .hasMessageContaining("no versions called refused version");
        assertThat(refused.lastFailure()).isEqualTo("no versions called refused version");
        assertThat(sink.written).hasSize(10).allMatch(r -> r.modelName().equals("good"));
        assertThat(exporter.dropped()).isEqualTo(10);
    }

    @Test
    void spooledRunsTheSinkRefusesAreDroppedAndTheRestOfTheFileReplayed() throws Exception {
        RefusingSink sink = new RefusingSink();
        Path spoolDir = dir.resolve("spool");
        Files.createDirectories(spoolDir);
        StringBuilder file = new StringBuilder();
        for (String model : new String[] {"good", "refused runs", "refused version"}) {
            file.append(Json.WRITER.writeValueAsString(new SpoolLine("p", registration(model), null))).append('\n');
        }
        for (int i = 0; i < 9; i++) {
            String model = i % 3 == 0 ? "good" : i % 3 == 1 ? "refused runs" : "refused version";
            file.append(Json.WRITER.writeValueAsString(new SpoolLine("p", null, RunSerializer.toRecord(run(model, i)))))
                    .append('\n');
        }
        Files.writeString(spoolDir.resolve("spool-1-1-0.jsonl"), file);
        Files.writeString(spoolDir.resolve("spool-2-1-0.jsonl"), Json.WRITER.writeValueAsString(
                new SpoolLine("p", null, RunSerializer.toRecord(run("good", 100)))) + "\n");
        Exporter exporter = new Exporter("p", sink, spoolDir, small(1));
        exporter.start();
        exporter.close();
        assertThat(sink.written).extracting(RunRecord::modelName).containsExactly("good", "good", "good", "good");
        assertThat(exporter.dropped()).isEqualTo(6);
        try (Stream<Path> left = Files.list(spoolDir)) {
            assertThat(left).isEmpty();
        }
    }
}
