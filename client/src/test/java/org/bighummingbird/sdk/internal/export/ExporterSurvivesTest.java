package org.bighummingbird.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a sink or a value throws, the exporter logs it and goes on delivering the runs after it. */
class ExporterSurvivesTest {
    @TempDir
    Path dir;

    /** Throws what {@code failure} gives on the first {@code failures} writes, then stores. */
    static final class FailingSink implements RunSink {
        final List<RunRecord> written = new CopyOnWriteArrayList<>();
        final AtomicInteger failures;
        final Supplier<? extends Throwable> failure;

        FailingSink(int failures, Supplier<? extends Throwable> failure) {
            this.failures = new AtomicInteger(failures);
            this.failure = failure;
        }

        @Override
        public Tag register(String project, VersionRegistration registration) {
            return new Tag(registration.modelName(), 1);
        }

        @Override
        public void write(String project, List<RunRecord> runs) throws Exception {
            if (failures.getAndDecrement() > 0) {
                Throwable t = failure.get();
                if (t instanceof Exception e) {
                    throw e;
                }
                throw (Error) t;
            }
            written.addAll(runs);
        }
    }

    private Exporter exporter(RunSink sink) {
        ExporterOptions options = new ExporterOptions(1_000, 10, Duration.ofSeconds(10), 1 << 20,
                Duration.ofMillis(1), Duration.ofMillis(5));
        Exporter exporter = new Exporter("p", sink, dir.resolve("spool"), options);
        exporter.register(new PendingVersion("m", "k", () -> ExporterTest.registration("m")));
        exporter.start();
        return exporter;
    }

    private static void offerAndFlush(Exporter exporter, int from, int to) {
        for (int i = from; i < to; i++) {
            assertThat(exporter.offer(ExporterTest.run("m", i))).isTrue();
        }
        assertThat(exporter.flush(Duration.ofSeconds(30))).as("runs %d to %d delivered or spooled", from, to).isTrue();
    }

    @Test
    void aSinkThatThrowsAnErrorIsRetriedAndTheExporterGoesOn() {
        FailingSink sink = new FailingSink(2, () -> new AssertionError("a sink bug"));
        Exporter exporter = exporter(sink);
        offerAndFlush(exporter, 0, 10);
        offerAndFlush(exporter, 10, 20);
        exporter.close();
        assertThat(sink.written).hasSize(20);
        assertThat(exporter.dropped()).isZero();
    }

    @Test
    void aSinkThatThrowsOutOfMemoryErrorIsRetriedAndTheExporterGoesOn() {
        FailingSink sink = new FailingSink(1, () -> new OutOfMemoryError("Java heap space (test)"));
        Exporter exporter = exporter(sink);
        offerAndFlush(exporter, 0, 10);
        offerAndFlush(exporter, 10, 20);
        exporter.close();
        assertThat(sink.written).hasSize(20);
    }

    @Test
    void aSinkThatThrowsARuntimeExceptionIsRetriedAndTheExporterGoesOn() {
        FailingSink sink = new FailingSink(3, () -> new IllegalStateException("a sink bug"));
        Exporter exporter = exporter(sink);
        offerAndFlush(exporter, 0, 10);
        offerAndFlush(exporter, 10, 20);
        exporter.close();
        assertThat(sink.written).hasSize(20);
    }

    /** Not a snapshot: the serialiser meets a getter that throws an Error on the exporter's threads. */
    public static final class ErrorBean {
        public String getValue() {
            throw new OutOfMemoryError("a getter (test)");
        }
    }

    @Test
    void aValueWhoseSerialisationThrowsAnErrorIsStoredMarkedAndTheRunsAfterItDelivered() {
        FailingSink sink = new FailingSink(0, () -> null);
        Exporter exporter = exporter(sink);
        RunEvent poisoned = new RunEvent(new ModelIdentity("m", "k", List.of("x")), UUID.randomUUID(), null, null, 0,
                1, "t", new Object[] {1}, new ErrorBean(), null);
        assertThat(exporter.offer(poisoned)).isTrue();
        offerAndFlush(exporter, 0, 10);
        exporter.close();
        assertThat(sink.written).hasSize(11);
        RunRecord marked = sink.written.stream().filter(r -> r.id().equals(poisoned.id().toString())).findFirst()
                .orElseThrow();
        assertThat(marked.inputsJson()).isEqualTo("{\"x\":1}");
        assertThat(marked.outputJson()).contains("$truncated").contains("OutOfMemoryError");
    }
}
