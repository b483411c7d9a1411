package org.bighummingbird.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.store.Store;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {
    static final Pattern KEY = Pattern.compile("bhb_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");

    @TempDir
    Path home;

    /** Runs {@code keys create} and returns the key, checking it is stdout's only and last line. */
    static String create(String... args) {
        Cli.Result result = Cli.run(args);
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(1);
        String key = lines.get(lines.size() - 1);
        assertThat(key).matches(KEY);
        assertThat(result.err()).contains("Created key " + key.substring(4, 16), "shown once").doesNotContain(key)
                .doesNotContain(key.substring(17));
        return key;
    }

    private String createHere(String workspace, String name) {
        return create("keys", "create", "--workspace", workspace, "--name", name, "--home", home.toString());
    }

    @Test
    void aCreatedKeyAuthenticatesForItsWorkspace() {
        String key = createHere("team-a", "ci runner");
        String other = create("keys", "create", "--workspace", "team-b", "--home", home.toString());

        try (Store store = Store.openLocal(home)) {
            assertThat(store.apiKeys().authenticate(key)).contains("team-a");
            assertThat(store.apiKeys().authenticate(other)).contains("team-b");
            assertThat(store.apiKeys().list()).extracting(k -> k.name()).containsExactly("ci runner", "");
        }
    }

    @Test
    void listShowsKeysButNeverTheirSecretsOrHashes() {
        String a = createHere("team-a", "first");
        String b = createHere("team-b", "second");

        Cli.Result table = Cli.run(home, "keys", "list");
        Cli.Result json = Cli.run(home, "keys", "list", "--json");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines()).hasSize(3);
        assertThat(table.out()).contains("ID", "WORKSPACE", "NAME", "CREATED", "REVOKED", a.substring(4, 16),
                b.substring(4, 16), "team-a", "second");
        JsonNode keys = json.json();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).get("id").asText()).isEqualTo(a.substring(4, 16));
        assertThat(keys.get(0).get("workspace").asText()).isEqualTo("team-a");
        assertThat(keys.get(0).get("name").asText()).isEqualTo("first");
        assertThat(keys.get(0).get("revoked").asBoolean()).isFalse();
        assertThat(keys.get(0).get("revokedAt").isNull()).isTrue();
        for (String key : List.of(a, b)) {
            String secret = key.substring(17);
            for (Cli.Result r : List.of(table, json)) {
                assertThat(r.out() + r.err()).doesNotContain(secret).doesNotContain(secret.substring(0, 16))
                        .doesNotContain(Hashing.sha256Hex(secret)).doesNotContain(Hashing.sha256Hex(secret).substring(0, 16));
            }
        }
    }

    @Test
    void aRevokedKeyNoLongerAuthenticatesAndRevokingTwiceChangesNothing() {
        String key = createHere("team-a", "");
        String kept = createHere("team-a", "");
        String id = key.substring(4, 16);

        Cli.Result first = Cli.run(home, "keys", "revoke", id);
        Cli.Result second = Cli.run(home, "keys", "revoke", id);

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Revoked key " + id);
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains(id, "revoked already", "nothing changed");
        try (Store store = Store.openLocal(home)) {
            assertThat(store.apiKeys().authenticate(key)).isEmpty();
            assertThat(store.apiKeys().authenticate(kept)).contains("team-a");
        }
        JsonNode listed = Cli.run(home, "keys", "list", "--json").json();
        assertThat(listed.get(0).get("revoked").asBoolean()).isTrue();
        assertThat(listed.get(0).get("revokedAt").asText()).endsWith("Z");
    }

    @Test
    void unicodeWorkspaceNamesRoundTrip() {
        String workspace = "Команда 模型 ü-ß.1";
        String key = createHere(workspace, "ключ 🐦");

        JsonNode listed = Cli.run(home, "keys", "list", "--json").json();

        assertThat(listed.get(0).get("workspace").asText()).isEqualTo(workspace);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("ключ 🐦");
        assertThat(Cli.run(home, "keys", "list").out()).contains(workspace);
        try (Store store = Store.openLocal(home)) {
            assertThat(store.apiKeys().authenticate(key)).contains(workspace);
        }
    }

    @Test
    void keysRoundTripThroughPostgresByJdbcUrl() throws Exception {
        try (ThrowawayPostgres database = new ThrowawayPostgres()) {
            String url = database.url();
            String key = create("keys", "create", "--workspace", "team-pg", "--name", "server", "--db", url);
            String id = key.substring(4, 16);

            JsonNode listed = Cli.run("keys", "list", "--json", "--db", url).json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
            try (Store store = Store.open(url)) {
                assertThat(store.apiKeys().authenticate(key)).contains("team-pg");
            }
            assertThat(Cli.run("keys", "revoke", id, "--db", url).exitCode()).isZero();
            try (Store store = Store.open(url)) {
                assertThat(store.apiKeys().authenticate(key)).isEmpty();
            }
        }
    }

    @Test
    void theDefaultHomeIsTheOneEveryCommandUses(@TempDir Path elsewhere) {
        String saved = System.getProperty("bhb.home");
        System.setProperty("bhb.home", elsewhere.toString());
        try {
            String key = create("keys", "create", "--workspace", "w");
            assertThat(Cli.run("keys", "list", "--json").json()).hasSize(1);
            try (Store store = Store.openLocal(elsewhere)) {
                assertThat(store.apiKeys().authenticate(key)).contains("w");
            }
        } finally {
            if (saved == null) {
                System.clearProperty("bhb.home");
            } else {
                System.setProperty("bhb.home", saved);
            }
        }
    }
}
