package org.bighummingbird.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
