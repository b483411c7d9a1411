package org.bighummingbird.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.bighummingbird.spi.RunSink;
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
            for (RunRecord r : runs) {
                if (!registered.contains(r.modelName())) {
                    throw new NotFound("never registered " + r.modelName());
                }
            }
            written.addAndGet(runs.size());
        }
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
        Files.writeString(spoolDir.resolve("spool-1-1-0.jsonl"), Json.MAPPER.writeValueAsString(
                new SpoolLine("p", null, RunSerializer.toRecord(run("orphan", 1)))) + "\n");
        Files.writeString(spoolDir.resolve("spool-2-1-0.jsonl"),
                Json.MAPPER.writeValueAsString(new SpoolLine("p", registration("kept"), null)) + "\n"
                        + Json.MAPPER.writeValueAsString(new SpoolLine("p", null, RunSerializer.toRecord(run("kept", 2))))
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
}
