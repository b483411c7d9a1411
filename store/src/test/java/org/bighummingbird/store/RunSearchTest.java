package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's run search: bounded per page, continued by the cursor, never missing a match. */
class RunSearchTest {
    @TempDir
    Path home;

    @Test
    void aSearchLooksAtOneWindowPerPageAndTheCursorContinuesAfterIt() {
        int n = DashboardQueries.TEXT_SEARCH_WINDOW + 1_000;
        try (Store store = Store.openLocal(home)) {
            ProjectRef project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Search");
            store.models().register(project, StoreContract.reg("bot", "a"));
            List<RunRecord> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String input = i == 10 || i == n - 10 ? "{\"q\":\"the NEEDLE " + i + "\"}" : "{\"q\":\"hay " + i + "\"}";
                runs.add(new RunRecord("run-" + i, "bot", Hashing.sha256Hex("a"), null, null, 1_000_000L + i, 5, "main",
                        input, "\"out 100%_\"", null, null, null, null));
            }
            store.runs().insert(project, runs);
            RunFilter search = new RunFilter(null, null, null, null, null, null, "needle", 50);

            RunPage first = store.dashboard().runs(project, search, null);
            assertThat(first.runs()).extracting(RunView::id).containsExactly("run-" + (n - 10));
            assertThat(first.nextCursor()).as("the window was full: search on").isNotNull();
            RunPage second = store.dashboard().runs(project, search, first.nextCursor());
            assertThat(second.runs()).extracting(RunView::id).containsExactly("run-10");
            assertThat(second.nextCursor()).isNull();

            RunFilter literal = new RunFilter(null, null, null, null, null, null, "100%_", 3);
            RunPage percent = store.dashboard().runs(project, literal, null);
            assertThat(percent.runs()).hasSize(3);
            assertThat(percent.nextCursor()).isNotNull();
            assertThat(store.dashboard().runs(project, new RunFilter(null, null, null, null, null, null, "%x", 3), null)
                    .runs()).isEmpty();
            assertThatThrownBy(() -> store.dashboard().runs(project, search, "bm90IGEgY3Vyc29y"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
            assertThatThrownBy(() -> new RunFilter(null, null, null, null, null, null, null, 501))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be 1 to 500");
        }
    }
}
