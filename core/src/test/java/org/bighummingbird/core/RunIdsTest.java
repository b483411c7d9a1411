package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunIdsTest {
    @Test
    void idsAreVersion7WithTheTimeInFront() {
        long now = System.currentTimeMillis();
        UUID id = RunIds.at(now);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(RunIds.epochMillis(id)).isEqualTo(now);
    }

    @Test
    void laterMillisecondsSortLater() {
        assertThat(RunIds.at(1_000).toString()).isLessThan(RunIds.at(1_001).toString());
        assertThat(RunIds.at(1_700_000_000_000L).toString()).isLessThan(RunIds.at(1_800_000_000_000L).toString());
    }

    @Test
    void aMillionIdsAreDistinct() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            seen.add(RunIds.at(42));
        }
        assertThat(seen).hasSize(1_000_000);
    }
}
