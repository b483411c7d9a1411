package org.bighummingbird.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    private static String owner(ProcessHandle p) {
        return p.pid() + "." + p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    @Test
    void finishedSegmentsAreClaimedOnceAndCanBeReleased() throws Exception {
        Path file = Files.writeString(dir.resolve("spool-1-7.1-0.jsonl"), "{}\n");
        Spool spool = new Spool(dir, 1 << 20);
        Path claimed = spool.claim();
        assertThat(claimed.getFileName().toString()).startsWith("spool-1-7.1-0.jsonl.replay-");
        assertThat(file).doesNotExist();
        assertThat(new Spool(dir, 1 << 20).claim()).as("another process finds nothing to claim").isNull();
        spool.release(claimed);
        assertThat(file).exists();
    }

    @Test
    void filesOfAnEarlierProcessWithThisPidAreClaimed() throws Exception {
        // a container's application has the same pid at every start; its start time differs
        long pid = ProcessHandle.current().pid();
        Files.writeString(dir.resolve("spool-5-" + pid + ".1-0.jsonl.part"), "{}\n");
        Files.writeString(dir.resolve("spool-6-9.9-0.jsonl.replay-" + pid + ".1"), "{}\n");
        Spool spool = new Spool(dir, 1 << 20);
        assertThat(spool.claim()).isNotNull();
        assertThat(spool.claim()).isNotNull();
        assertThat(spool.claim()).isNull();
    }

    @Test
    void filesOfALiveProcessAreLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(dir.resolve("spool-5-" + owner(other.toHandle()) + "-0.jsonl.part"), "{}\n");
            assertThat(new Spool(dir, 1 << 20).claim()).isNull();
        } finally {
            other.destroyForcibly().waitFor();
        }
        assertThat(new Spool(dir, 1 << 20).claim()).as("claimable once its writer is gone").isNotNull();
    }

    @Test
    void theByteBudgetRefusesAppendsBeyondIt() throws Exception {
        Spool spool = new Spool(dir, 600);
        var run = RunSerializer.toRecord(ExporterTest.run("m", 1));
        assertThat(spool.append("p", List.of(ExporterTest.registration("m")), List.of(run))).isTrue();
        assertThat(spool.append("p", List.of(), List.of(run, run, run, run))).isFalse();
        spool.close();
    }

    @Test
    void anIdleSpoolListsItsDirectoryOnlyWhenARescanIsDue() throws Exception {
        long[] now = {0};
        Spool spool = new Spool(dir, 1 << 20, () -> now[0]);
        for (int i = 0; i < 100; i++) {
            assertThat(spool.hasData()).isFalse();
        }
        assertThat(spool.listings()).as("one look at the start, for segments left by earlier processes")
                .isEqualTo(1);
        // another process leaves a segment: this one finds it at its next rescan
        Files.writeString(dir.resolve("spool-1-7.1-0.jsonl"), "{}\n");
        now[0] += Spool.RESCAN_NANOS / 2;
        spool.hasData();
        assertThat(spool.listings()).isEqualTo(1);
        now[0] += Spool.RESCAN_NANOS;
        assertThat(spool.hasData()).isTrue();
        assertThat(spool.listings()).isEqualTo(2);
        spool.done(spool.claim());
        assertThat(spool.hasData()).as("the claim found it was the last").isFalse();
        int afterDrain = spool.listings();
        for (int i = 0; i < 100; i++) {
            spool.hasData();
        }
        assertThat(spool.listings()).isEqualTo(afterDrain);
        spool.close();
    }

    @Test
    void whatThisSpoolWroteIsKnownWithoutListing() throws Exception {
        Spool spool = new Spool(dir, 1 << 20, () -> 0L);
        assertThat(spool.hasData()).isFalse();
        var run = RunSerializer.toRecord(ExporterTest.run("m", 1));
        assertThat(spool.append("p", List.of(ExporterTest.registration("m")), List.of(run))).isTrue();
        assertThat(spool.hasData()).isTrue();
        Path claimed = spool.claim();
        assertThat(Spool.read(claimed)).hasSize(2);
        spool.release(claimed);
        assertThat(spool.hasData()).as("a released file is known to wait").isTrue();
        spool.done(spool.claim());
        assertThat(spool.claim()).isNull();
        assertThat(spool.hasData()).isFalse();
        int drained = spool.listings();
        for (int i = 0; i < 100; i++) {
            spool.hasData();
        }
        assertThat(spool.listings()).as("an empty spool is known to be empty").isEqualTo(drained);
        spool.close();
    }

    @Test
    void anIdleExporterDoesNotListItsSpoolDirectoryOnEveryLoop() throws Exception {
        // a frozen clock: no rescan ever falls due, so every listing the exporter makes is one too many
        Files.createDirectories(dir.resolve("spool"));
        Spool spool = new Spool(dir.resolve("spool"), 1 << 20, () -> 0L);
        ExporterOptions options = new ExporterOptions(100, 10, Duration.ofSeconds(5), 1 << 20,
                Duration.ofMillis(10), Duration.ofMillis(20));
        Exporter exporter = new Exporter("p", new ExporterTest.SwitchableSink(), spool, options);
        exporter.start();
        try {
            for (int i = 0; i < 2_000 && spool.looks() < 20; i++) {
                Thread.sleep(5);
            }
            assertThat(spool.looks()).as("the exporter idled").isGreaterThanOrEqualTo(20);
            assertThat(spool.listings()).isLessThanOrEqualTo(1);
        } finally {
            exporter.close();
        }
    }
}
