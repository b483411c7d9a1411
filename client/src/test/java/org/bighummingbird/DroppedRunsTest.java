package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;
import org.bighummingbird.sdk.spi.RunSink;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run that is not stored is counted, by why it was dropped. */
class DroppedRunsTest {
    @TempDir
    Path home;

    @Test
    void runsAreCountedByCauseAndTheCountsAddUpToDroppedRuns() {
        var bhb = BigHummingbird.builder("Drops").home(home).sink(new RefusingSink()).build();
        var model = bhb.trace("m", (Integer a) -> a + 1);
        for (int i = 0; i < 3; i++) {
            model.apply(i);
        }
        assertThat(bhb.flush(Duration.ofSeconds(30))).isTrue();
        bhb.close();
        assertThat(model.apply(9)).as("a call after close still returns").isEqualTo(10);

        Map<DropCause, Long> byCause = bhb.droppedRunsByCause();
        assertThat(byCause).containsEntry(DropCause.REFUSED, 3L).containsEntry(DropCause.CLOSED, 1L)
                .containsEntry(DropCause.QUEUE_FULL, 0L).containsKeys(DropCause.values());
        assertThat(byCause.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(bhb.droppedRuns())
                .isEqualTo(4);
    }

    /** Registers versions and refuses every run for good, as a server answering 422 would. */
    static final class RefusingSink implements RunSink {
        @Override
        public Tag register(String project, VersionRegistration registration) {
            return new Tag(registration.modelName(), 1);
        }

        @Override
        public void write(String project, List<RunRecord> runs) {
            throw new SinkRejected(422, "urn:test:refused", "422 refused for the test", runs.size());
        }
    }
}
