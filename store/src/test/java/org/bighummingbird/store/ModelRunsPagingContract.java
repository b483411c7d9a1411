package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.core.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's runs filtered by model without a version, read from each version's index and
 * merged ({@link RunSearch}): every page in (started at, id) order, exactly the model's runs of this
 * project, the other filters and the cursor applied; on SQLite and PostgreSQL alike.
 */
abstract class ModelRunsPagingContract {
    Store store;
    ProjectRef project;
    ProjectRef other;

    abstract Store openFresh() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Runs");
        other = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Other");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /**
     * {@code versions} versions of "bot" and one of "noise" in the project, and a "bot" in another
     * project whose runs reuse the same ids; runs interleaved in time across versions, every third one
     * sharing its start with the previous, every fifth an error. Returns the project's "bot" runs.
     */
    private List<RunRecord> seed(int versions, int runsPerVersion) {
        List<RunRecord> bot = new ArrayList<>();
        List<RunRecord> all = new ArrayList<>();
        for (int v = 0; v < versions; v++) {
            String code = "bot code " + v;
            store.models().register(project, StoreContract.reg("bot", code));
            store.models().register(other, StoreContract.reg("bot", code));
            for (int i = 0; i < runsPerVersion; i++) {
                int n = i * versions + v;
                long started = 1_000_000L + n - (n % 3 == 2 ? 1 : 0);
                boolean error = n % 5 == 0;
                RunRecord run = new RunRecord(String.format("run-%05d", n), "bot", Hashing.sha256Hex(code), null, null,
                        started, 7, "main", "{\"n\":" + n + "}", error ? null : "1", null,
                        error ? "java.lang.IllegalStateException" : null, error ? "boom" : null, null);
                bot.add(run);
                all.add(run);
            }
        }
        store.models().register(project, StoreContract.reg("noise", "noise code"));
        List<RunRecord> noise = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            noise.add(new RunRecord("noise-" + i, "noise", Hashing.sha256Hex("noise code"), null, null,
                    1_000_000L + i * 2L, 7, "main", "{}", "1", null, null, null, null));
        }
        store.runs().insert(project, all);
        store.runs().insert(project, noise);
        store.runs().insert(other, all);
        return bot;
    }

    private List<String> pageThrough(RunFilter filter) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RunPage page = store.dashboard().runs(project, filter, cursor);
            assertThat(page.runs()).hasSizeLessThanOrEqualTo(filter.limit());
            page.runs().forEach(r -> {
                assertThat(r.modelTag().name()).isEqualTo("bot");
                seen.add(r.id());
            });
            cursor = page.nextCursor();
            assertThat(++pages).as("pages end").isLessThan(1_000);
        } while (cursor != null);
        return seen;
    }

    private static List<String> newestFirst(List<RunRecord> runs) {
        return runs.stream()
                .sorted(Comparator.comparingLong(RunRecord::startedAtMicros).thenComparing(RunRecord::id).reversed())
                .map(RunRecord::id)
                .toList();
    }

    private static RunFilter byModel(Boolean errors, int limit) {
        return new RunFilter("bot", null, errors, null, null, null, null, limit);
    }

    @Test
    void everyRunOfTheModelOnceNewestFirstAcrossItsVersions() {
        List<RunRecord> bot = seed(7, 30);
        for (int limit : new int[] {1, 7, 50, 500}) {
            assertThat(pageThrough(byModel(null, limit))).as("page size %d", limit).isEqualTo(newestFirst(bot));
        }
    }

    @Test
    void theOtherFiltersApplyToEveryVersion() {
        List<RunRecord> bot = seed(5, 40);
        List<RunRecord> errors = bot.stream().filter(r -> r.errorType() != null).toList();
        List<RunRecord> ok = bot.stream().filter(r -> r.errorType() == null).toList();
        assertThat(pageThrough(byModel(true, 9))).isEqualTo(newestFirst(errors));
        assertThat(pageThrough(byModel(false, 9))).isEqualTo(newestFirst(ok));
        RunFilter window = new RunFilter("bot", null, null, null, 1_000_050L, 1_000_120L, null, 11);
        assertThat(pageThrough(window)).isEqualTo(newestFirst(bot.stream()
                .filter(r -> r.startedAtMicros() >= 1_000_050L && r.startedAtMicros() < 1_000_120L).toList()));
        RunFilter text = new RunFilter("bot", null, null, null, null, null, "\"n\":7", 3);
        assertThat(pageThrough(text)).isEqualTo(newestFirst(bot.stream()
                .filter(r -> r.inputsJson().contains("\"n\":7")).toList()));
    }

    @Test
    void aModelWithMoreVersionsThanAreMergedIsListedTheSame() {
        List<RunRecord> bot = seed(RunSearch.MAX_MERGED_VERSIONS + 2, 3);
        assertThat(pageThrough(byModel(null, 25))).isEqualTo(newestFirst(bot));
    }

    @Test
    void anUnknownModelHasNoRuns() {
        seed(2, 5);
        RunPage page = store.dashboard().runs(project, new RunFilter("nobody", null, null, null, null, null, null, 10),
                null);
        assertThat(page.runs()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }
}
