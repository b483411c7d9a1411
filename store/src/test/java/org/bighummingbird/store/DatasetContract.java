package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import org.bighummingbird.core.DatasetRow;
import org.bighummingbird.core.DatasetUpload;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.TagReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do with datasets, run against SQLite and PostgreSQL alike. */
abstract class DatasetContract {
    Store store;
    ProjectRef project;

    /** A new, empty store. */
    abstract Store openFresh() throws Exception;

    /** Another connection to the store {@link #openFresh()} made. */
    abstract Store openAgain() throws Exception;

    /** The JDBC URL of the store, for reading its tables directly. */
    abstract String url();

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        project = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Concept Project");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static DatasetUpload upload(String name, String description, String... inputs) {
        List<DatasetRow> rows = new ArrayList<>();
        for (String input : inputs) {
            rows.add(DatasetRow.parse(input, null));
        }
        return DatasetUpload.of(name, description, rows);
    }

    static DatasetUpload numbered(String name, int count) {
        List<DatasetRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(DatasetRow.parse("{\"question\":\"q" + i + "\",\"n\":" + i + "}", i % 2 == 0 ? "\"a" + i + "\"" : null));
        }
        return DatasetUpload.of(name, "numbered", rows);
    }

    @Test
    void sameRowsGetTheSameTagAndKeepTheFirstDescription() {
        RegisteredDataset first = store.datasets().register(project, upload("qa", "first", "1", "2"));
        RegisteredDataset again = store.datasets().register(project, upload("qa", "second", "1", "2.0"));

        assertThat(first).isEqualTo(new RegisteredDataset(new Tag("qa", 1), false, 2));
        assertThat(again).isEqualTo(new RegisteredDataset(new Tag("qa", 1), true, 2));
        assertThat(store.datasets().list(project)).singleElement()
                .satisfies(v -> assertThat(v.description()).isEqualTo("first"));
    }

    @Test
    void changedRowsGetTheNextVersionAndRevertingGivesTheOldTag() {
        assertThat(store.datasets().register(project, upload("qa", "", "1", "2")).tag()).hasToString("qa:v1");
        assertThat(store.datasets().register(project, upload("qa", "", "1", "3")).tag()).hasToString("qa:v2");
        assertThat(store.datasets().register(project, upload("qa", "", "2", "1")).tag()).hasToString("qa:v3");
        assertThat(store.datasets().register(project, upload("qa", "", "1", "2")).tag()).hasToString("qa:v1");
        assertThat(store.datasets().register(project, upload("other", "", "1", "2")).tag()).hasToString("other:v1");
        ProjectRef second = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Second");
        assertThat(store.datasets().register(second, upload("qa", "", "1", "3")).tag()).hasToString("qa:v1");
    }

    @Test
    void listingIsByNameThenVersionWithCountsAndKeys() {
        DatasetUpload b1 = upload("b", "B", "1");
        store.datasets().register(project, b1);
        store.datasets().register(project, upload("a", "A", "1", "2", "3"));
        store.datasets().register(project, upload("b", "B2", "2"));
        store.datasets().register(project, upload("Z", "", "2"));

        List<DatasetVersionInfo> all = store.datasets().list(project);
        assertThat(all).extracting(v -> v.tag().toString()).containsExactly("Z:v1", "a:v1", "b:v1", "b:v2");
        assertThat(all).extracting(DatasetVersionInfo::rowCount).containsExactly(1, 3, 1, 1);
        assertThat(all.get(2).contentKey()).isEqualTo(b1.contentKey());
        assertThat(all.get(2).createdAtMicros()).isPositive();
        assertThat(store.datasets().list(store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Empty"))).isEmpty();
    }

    @Test
    void latestResolvesToTheHighestVersionAndUnknownIsEmpty() {
        store.datasets().register(project, upload("qa", "one", "1"));
        store.datasets().register(project, upload("qa", "two", "2"));

        assertThat(store.datasets().find(project, TagReference.parse("qa:latest")).orElseThrow().tag())
                .hasToString("qa:v2");
        assertThat(store.datasets().find(project, TagReference.parse("qa:v1")).orElseThrow().description())
                .isEqualTo("one");
        assertThat(store.datasets().find(project, TagReference.parse("qa:v3"))).isEmpty();
        assertThat(store.datasets().find(project, TagReference.parse("nosuch:latest"))).isEmpty();
    }

    @Test
    void rowsPageBackInOrderWithExpectedValuesAsStored() {
        DatasetUpload upload = numbered("big", 2_345);
        store.datasets().register(project, upload);

        List<DatasetRowView> all = new ArrayList<>();
        for (int from = 0; ; ) {
            List<DatasetRowView> page = store.datasets().rows(project, new Tag("big", 1), from, 1_000);
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            from = page.get(page.size() - 1).index() + 1;
        }
        assertThat(all).hasSize(2_345);
        for (int i = 0; i < all.size(); i++) {
            DatasetRowView row = all.get(i);
            assertThat(row.index()).isEqualTo(i);
            assertThat(row.inputJson()).isEqualTo(upload.rows().get(i).inputJson());
            assertThat(row.expectedJson()).isEqualTo(upload.rows().get(i).expectedJson());
        }
        assertThat(all.get(0).inputJson()).isEqualTo("{\"n\":0,\"question\":\"q0\"}");
        assertThat(all.get(1).expectedJson()).isNull();
    }

    @Test
    void anExpectedJsonNullIsStoredApartFromNoExpectedValue() {
        store.datasets().register(project, DatasetUpload.of("nulls", "", List.of(
                DatasetRow.parse("1", "null"), DatasetRow.parse("2", null), DatasetRow.parse("null", "\"x\""))));

        assertThat(store.datasets().rows(project, new Tag("nulls", 1), 0, 10)).containsExactly(
                new DatasetRowView(0, "1", "null"), new DatasetRowView(1, "2", null),
                new DatasetRowView(2, "null", "\"x\""));
    }

    @Test
    void pagingAnUnknownVersionIsNotFoundAndBadBoundsAreRejected() {
        store.datasets().register(project, upload("qa", "", "1"));

        assertThat(store.datasets().rows(project, new Tag("qa", 1), 1, 10)).isEmpty();
        assertThatThrownBy(() -> store.datasets().rows(project, new Tag("qa", 2), 0, 10))
                .isInstanceOf(NotFound.class).hasMessage("no dataset version qa:v2 in project \"Concept Project\"");
        assertThatThrownBy(() -> store.datasets().rows(project, new Tag("qa", 1), -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromIndex");
        assertThatThrownBy(() -> store.datasets().rows(project, new Tag("qa", 1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be 1 to 10000, got 0");
    }

    @Test
    void concurrentIdenticalUploadsCreateOneVersionWithOneSetOfRows() throws Exception {
        DatasetUpload same = numbered("race", 3_000);
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stores.add(openAgain());
        }
        try {
            CyclicBarrier start = new CyclicBarrier(stores.size());
            List<Callable<RegisteredDataset>> uploads = new ArrayList<>();
            for (Store s : stores) {
                uploads.add(() -> {
                    ProjectRef p = s.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Race");
                    start.await();
                    return s.datasets().register(p, same);
                });
            }
            List<RegisteredDataset> results = StoreContract.runAll(uploads);
            assertThat(results).extracting(RegisteredDataset::tag).containsOnly(new Tag("race", 1));
            assertThat(results).filteredOn(r -> !r.existed()).hasSize(1);
        } finally {
            stores.forEach(Store::close);
        }
        ProjectRef race = store.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Race");
        assertThat(store.datasets().list(race)).singleElement().satisfies(v -> assertThat(v.rowCount()).isEqualTo(3_000));
        try (Connection c = DriverManager.getConnection(url());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dataset_rows")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3_000);
        }
    }

    @Test
    void concurrentDifferentUploadsGetContiguousVersions() throws Exception {
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stores.add(openAgain());
        }
        try {
            CyclicBarrier start = new CyclicBarrier(stores.size());
            List<Callable<RegisteredDataset>> uploads = new ArrayList<>();
            for (int i = 0; i < stores.size(); i++) {
                Store s = stores.get(i);
                DatasetUpload distinct = upload("race", "", Integer.toString(i));
                uploads.add(() -> {
                    ProjectRef p = s.projects().findOrCreate(Store.DEFAULT_WORKSPACE, "Race");
                    start.await();
                    return s.datasets().register(p, distinct);
                });
            }
            assertThat(StoreContract.runAll(uploads)).extracting(r -> r.tag().version())
                    .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            stores.forEach(Store::close);
        }
    }

    @Test
    void aHundredThousandRowDatasetUploadsAndPagesBack() {
        DatasetUpload big = numbered("hundred-k", 100_000);
        assertThat(store.datasets().register(project, big).tag()).hasToString("hundred-k:v1");

        Tag tag = store.datasets().find(project, TagReference.parse("hundred-k:latest")).orElseThrow().tag();
        int seen = 0;
        for (int from = 0; ; ) {
            List<DatasetRowView> page = store.datasets().rows(project, tag, from, DatasetStore.MAX_PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (DatasetRowView row : page) {
                assertThat(row.index()).isEqualTo(seen++);
            }
            from = page.get(page.size() - 1).index() + 1;
        }
        assertThat(seen).isEqualTo(100_000);
        assertThat(store.datasets().register(project, big).existed()).isTrue();
    }
}
