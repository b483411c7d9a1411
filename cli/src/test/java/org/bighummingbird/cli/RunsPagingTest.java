package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.bighummingbird.BigHummingbird;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits larger than one store page: the answer is read page by page and still exact. */
class RunsPagingTest {
    static final int RUNS = CursorPages.PAGE_SIZE * 2 + 600;

    @TempDir
    static Path home;

    @BeforeAll
    static void trace() {
        try (var bhb = BigHummingbird.local("Paging", home)) {
            var model = bhb.trace("square", (Integer x) -> x * x);
            for (int i = 0; i < RUNS; i++) {
                model.apply(i);
            }
        }
    }

    @Test
    void aLimitSpanningPagesReturnsExactlyThatManyDistinctRunsNewestFirst() {
        JsonNode runs = Cli.run(home, "runs", "--project", "Paging", "--json", "--limit", "2500").json();
        assertThat(runs).hasSize(2500);
        Set<String> ids = new HashSet<>();
        Instant previousStart = null;
        String previousId = null;
        for (JsonNode run : runs) {
            String id = run.get("id").asText();
            Instant started = Instant.parse(run.get("startedAt").asText());
            assertThat(ids.add(id)).isTrue();
            if (previousStart != null) {
                assertThat(started).isBeforeOrEqualTo(previousStart);
                if (started.equals(previousStart)) {
                    assertThat(id).isLessThan(previousId);
                }
            }
            previousStart = started;
            previousId = id;
        }
    }

    @Test
    void aLimitAboveTheTotalReturnsEveryRunOnce() {
        JsonNode runs = Cli.run(home, "runs", "--project", "Paging", "--json", "--limit", "9999999999").json();
        assertThat(runs).hasSize(RUNS);
    }

    @Test
    void theTableAlsoSpansPages() {
        Cli.Result result = Cli.run(home, "runs", "--project", "Paging", "--limit", "1500");
        assertThat(result.out().lines()).hasSize(1 + 1500);
    }
}
