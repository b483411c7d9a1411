package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void latestNamesTheNewestMigrationFile() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = files.map(p -> VERSIONED.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            assertThat(Migrations.LATEST).isEqualTo(String.valueOf(newest));
        }
    }

    @Test
    void aMigratedSqliteStoreIsCurrentAndANewOneIsNot(@TempDir Path home) throws Exception {
        String url = "jdbc:sqlite:" + home.resolve(Store.DB_FILE);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Migrations.isCurrent(c)).isFalse();
        }
        Store.openLocal(home).close();
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Migrations.isCurrent(c)).isTrue();
        }
    }

    @Test
    void theSameMigrationsRunOnPostgres() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres()) {
            try (Connection c = DriverManager.getConnection(database.url())) {
                assertThat(Migrations.isCurrent(c)).isFalse();
            }
            Store.open(database.url()).close();
            try (Connection c = DriverManager.getConnection(database.url())) {
                assertThat(Migrations.isCurrent(c)).isTrue();
            }
            Store.open(database.url()).close();
        }
    }

    @Test
    void aVersion1StoreMigratesToTheNewestKeepingItsData(@TempDir Path home) throws Exception {
        String url = "jdbc:sqlite:" + home.resolve(Store.DB_FILE);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("1")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            assertThat(Migrations.isCurrent(c)).isFalse();
            s.execute("INSERT INTO projects (id, workspace_id, name, created_at)"
                    + " VALUES ('p1', '00000000-0000-0000-0000-000000000000', 'Old Project', 42)");
        }
        try (Store store = Store.openLocal(home)) {
            assertThat(store.projects().list(Store.DEFAULT_WORKSPACE)).containsExactly(new ProjectInfo("Old Project", 42));
            NewApiKey key = store.apiKeys().create(Store.DEFAULT_WORKSPACE, "after upgrade");
            assertThat(store.apiKeys().authenticate(key.token())).contains(Store.DEFAULT_WORKSPACE);
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Migrations.isCurrent(c)).isTrue();
        }
    }
}
