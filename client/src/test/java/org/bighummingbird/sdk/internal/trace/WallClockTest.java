package org.bighummingbird.sdk.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bighummingbird.Fn1;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.internal.export.Exporter;
import org.bighummingbird.sdk.internal.export.ExporterOptions;
import org.bighummingbird.sdk.internal.fingerprint.AppClasses;
import org.bighummingbird.sdk.internal.fingerprint.Fingerprinter;
import org.bighummingbird.sdk.internal.fingerprint.SourceFiles;
import org.bighummingbird.sdk.spi.RunSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's start time follows the wall clock, also when it jumps (a host that slept, a corrected clock). */
class WallClockTest {
    @TempDir
    Path dir;

    @Test
    void aJumpOfTheWallClockShowsInTheNextRunsStartTime() {
        AtomicLong wall = new AtomicLong(TimeUnit.DAYS.toNanos(20_000));
        var sink = new KeepingSink();
        var exporter = new Exporter("p", sink, dir.resolve("spool"), ExporterOptions.defaults());
        exporter.start();
        var tracer = new Tracer("p", new Fingerprinter(new AppClasses(List.of()), new SourceFiles(Path.of(""))),
                exporter, Duration.ofSeconds(10), new WallClock(wall::get));
        Fn1<Integer, Integer> fn = (Integer x) -> x + 1;
        var model = new TracedFn1<>(fn, tracer.model("m", fn, null));

        model.apply(1);
        wall.addAndGet(TimeUnit.HOURS.toNanos(1));
        model.apply(2);
        wall.addAndGet(-TimeUnit.MINUTES.toNanos(90));
        model.apply(3);
        assertThat(exporter.flush(Duration.ofSeconds(30))).isTrue();
        exporter.close();

        long day = TimeUnit.DAYS.toMicros(20_000);
        assertThat(sink.runs).extracting(RunRecord::startedAtMicros).containsExactly(day,
                day + TimeUnit.HOURS.toMicros(1), day - TimeUnit.MINUTES.toMicros(30));
        assertThat(sink.runs).as("a run id (UUIDv7) holds the same start, in milliseconds").allSatisfy(r ->
                assertThat(Long.parseLong(r.id().replace("-", "").substring(0, 12), 16))
                        .isEqualTo(r.startedAtMicros() / 1_000));
    }

    @Test
    void theSystemClockIsTheDefault() {
        long before = System.currentTimeMillis();
        long now = new WallClock().epochNanos();
        long after = System.currentTimeMillis();
        assertThat(TimeUnit.NANOSECONDS.toMillis(now)).isBetween(before, after);
    }

    /** Keeps what it is given. */
    static final class KeepingSink implements RunSink {
        final List<RunRecord> runs = new CopyOnWriteArrayList<>();

        @Override
        public Tag register(String project, VersionRegistration registration) {
            return new Tag(registration.modelName(), 1);
        }

        @Override
        public void write(String project, List<RunRecord> batch) {
            runs.addAll(batch);
        }
    }
}
