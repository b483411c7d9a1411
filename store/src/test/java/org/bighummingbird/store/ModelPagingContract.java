package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model versions listed a page at a time ({@link ModelStore#page}), run against SQLite and PostgreSQL alike. */
abstract class ModelPagingContract {
    Store store;
    ProjectRef project;

    abstract Store openFresh() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Paged Project");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Registers {@code versions} versions of each model, in an order unlike the listing's. */
    private void register(List<String> models, int versions) {
        for (int v = 0; v < versions; v++) {
            for (int m = models.size() - 1; m >= 0; m--) {
                String model = models.get(m);
                store.models().register(project, StoreContract.reg(model, model + " code " + v));
            }
        }
    }

    private List<Tag> pageThrough(int limit) {
        List<Tag> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ModelPage page = store.models().page(project, limit, cursor);
            assertThat(page.versions()).hasSizeLessThanOrEqualTo(limit);
            page.versions().forEach(v -> seen.add(v.tag()));
            cursor = page.nextCursor();
            assertThat(++pages).as("pages end").isLessThan(1_000);
        } while (cursor != null);
        return seen;
    }

    @Test
    void pagesReturnEveryVersionOnceInNameThenVersionOrder() {
        // "Z" < "a" < "b" < "é" < "模" in code point order, whatever the database's locale
        List<String> models = List.of("Z", "a", "a b", "b", "é", "模型");
        register(models, 3);
        List<Tag> expected = new ArrayList<>();
        for (String model : models) {
            for (int v = 1; v <= 3; v++) {
                expected.add(new Tag(model, v));
            }
        }

        for (int limit : new int[] {1, 2, 5, 18, 19, ModelStore.MAX_PAGE}) {
            assertThat(pageThrough(limit)).as("limit " + limit).containsExactlyElementsOf(expected);
        }
        assertThat(store.models().list(project)).extracting(ModelVersionInfo::tag).containsExactlyElementsOf(expected);
    }

    @Test
    void lastFullPageSaysNoMoreAndAnEmptyProjectIsOneEmptyPage() {
        register(List.of("m"), 4);

        ModelPage first = store.models().page(project, 4, null);
        assertThat(first.versions()).hasSize(4);
        assertThat(first.nextCursor()).isNull();
        ProjectRef empty = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Empty");
        assertThat(store.models().page(empty, 10, null)).isEqualTo(new ModelPage(List.of(), null));
    }

    @Test
    void versionsRegisteredAfterTheCursorAppearOnLaterPages() {
        register(List.of("a", "c"), 1);
        ModelPage first = store.models().page(project, 1, null);
        store.models().register(project, StoreContract.reg("b", "late"));

        ModelPage rest = store.models().page(project, 10, first.nextCursor());

        assertThat(rest.versions()).extracting(v -> v.tag().toString()).containsExactly("b:v1", "c:v1");
    }

    @Test
    void aListingCountsNoRunsAndTheDetailDoes() {
        store.models().register(project, StoreContract.reg("model", "a + b"));
        store.runs().insert(project, List.of(StoreContract.run("model", "a + b", "{}"),
                StoreContract.run("model", "a + b", "{}")));

        assertThat(store.models().find(project, TagReference.parse("model:v1")).orElseThrow().runCount()).isEqualTo(2);
        assertThat(ModelVersionInfo.class.getRecordComponents()).extracting(c -> c.getName())
                .doesNotContain("runCount");
    }

    @Test
    void outOfRangeLimitsAndForeignCursorsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> store.models().page(project, 0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be 1 to 1000, got 0");
        assertThatThrownBy(() -> store.models().page(project, ModelStore.MAX_PAGE + 1, null))
                .hasMessageContaining("limit must be 1 to 1000");
        for (String forged : List.of("", "!!!", "x".repeat(ModelCursor.MAX_LENGTH + 1), b64("no colon"),
                b64("abc:model"), b64("0:model"), b64("-1:model"), b64("1:"), b64("1:bad:name"),
                b64("99999999999:model"), b64("1:" + "m".repeat(201)), b64("1:a\u0000b"))) {
            assertThatThrownBy(() -> store.models().page(project, 10, forged)).as(forged)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cursor is not one this store made");
        }
        byte[] notUtf8 = {'1', ':', (byte) 0xC3, (byte) 0x28};
        assertThatThrownBy(() -> store.models().page(project, 10,
                Base64.getUrlEncoder().withoutPadding().encodeToString(notUtf8)))
                .hasMessageContaining("does not decode to UTF-8");
    }

    @Test
    void aCursorFromOneProjectOnlyPositionsInAnother() {
        register(List.of("a", "b"), 1);
        String cursor = store.models().page(project, 1, null).nextCursor();
        ProjectRef other = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Other");
        store.models().register(other, StoreContract.reg("z", "z"));

        assertThat(store.models().page(other, 10, cursor).versions()).extracting(v -> v.tag().toString())
                .containsExactly("z:v1");
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
