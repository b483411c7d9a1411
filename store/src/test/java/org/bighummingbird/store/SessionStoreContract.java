package org.bighummingbird.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.store.Sessions.OpenedSession;
import org.bighummingbird.store.Sessions.SessionInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dashboard sessions in the store, run against SQLite and PostgreSQL alike. */
abstract class SessionStoreContract {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration IDLE = Duration.ofHours(1);
    static final Duration MAX_AGE = Duration.ofHours(8);

    Store store;
    NewApiKey key;

    abstract Store openFresh() throws Exception;

    abstract Store openAgain() throws Exception;

    /** The JDBC URL of the store, to look at its rows directly. */
    abstract String url();

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        key = store.apiKeys().create("team-a", "laptop");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private OpenedSession login() {
        return store.sessions().open(key.token(), T0, IDLE, MAX_AGE).orElseThrow();
    }

    @Test
    void aKeyOpensASessionOfItsWorkspaceThatAnotherStoreOnTheSameDatabaseAccepts() throws Exception {
        OpenedSession session = login();

        assertThat(session.id()).hasSize(Sessions.ID_LENGTH).matches("[A-Za-z0-9_-]+");
        assertThat(session.info().workspace()).isEqualTo("team-a");
        assertThat(session.info().keyId()).isEqualTo(key.info().id());
        assertThat(session.toString()).doesNotContain(session.id());
        try (Store other = openAgain()) {
            assertThat(other.sessions().find(session.id(), T0.plusSeconds(5), IDLE))
                    .map(SessionInfo::workspace).contains("team-a");
        }
    }

    @Test
    void theStoreKeepsOnlyAHashOfTheId() throws Exception {
        OpenedSession session = login();
        List<String> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url());
                PreparedStatement ps = c.prepareStatement("SELECT id_hash FROM dashboard_sessions");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        assertThat(stored).containsExactly(Hashing.sha256Hex(session.id()));
    }

    @Test
    void twoLoginsGetDifferentIds() {
        assertThat(login().id()).isNotEqualTo(login().id());
    }

    @Test
    void aWrongUnknownRevokedOrMalformedKeyOpensNothing() {
        String token = key.token();
        char last = token.charAt(token.length() - 1);
        String wrongSecret = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String unknownId = "bhb_000000000000" + token.substring(16);
        for (String bad : new String[] {wrongSecret, unknownId, "", "bhb_", "x".repeat(100_000), null,
                token + " ", "' OR 1=1 --", token.toUpperCase()}) {
            assertThat(store.sessions().open(bad, T0, IDLE, MAX_AGE)).as("%s", bad).isEmpty();
        }
        store.apiKeys().revoke(key.info().id());
        assertThat(store.sessions().open(token, T0, IDLE, MAX_AGE)).isEmpty();
    }

    @Test
    void anIdleSessionExpiresAndAUsedOneSlidesUntilItsAbsoluteEnd() {
        OpenedSession session = login();
        String id = session.id();

        assertThat(store.sessions().find(id, T0.plus(IDLE).minusSeconds(1), IDLE)).isPresent();
        // Used just before the first expiry, the expiry slid by an hour from then.
        assertThat(store.sessions().find(id, T0.plus(IDLE).plusSeconds(30 * 60), IDLE)).isPresent();
        Instant t = T0.plus(IDLE).plusSeconds(30 * 60);
        while (t.plusSeconds(40 * 60).isBefore(T0.plus(MAX_AGE))) {
            t = t.plusSeconds(40 * 60);
            assertThat(store.sessions().find(id, t, IDLE)).as("at %s", t).isPresent();
        }
        assertThat(store.sessions().find(id, T0.plus(MAX_AGE), IDLE)).isEmpty();

        OpenedSession idle = login();
        assertThat(store.sessions().find(idle.id(), T0.plus(IDLE), IDLE)).isEmpty();
    }

    @Test
    void loggingOutOrRevokingTheKeyEndsTheSession() {
        OpenedSession a = login();
        OpenedSession b = login();

        assertThat(store.sessions().close(a.id())).isTrue();
        assertThat(store.sessions().close(a.id())).isFalse();
        assertThat(store.sessions().find(a.id(), T0, IDLE)).isEmpty();
        assertThat(store.sessions().find(b.id(), T0, IDLE)).isPresent();

        store.apiKeys().revoke(key.info().id());
        assertThat(store.sessions().find(b.id(), T0, IDLE)).isEmpty();
        assertThat(store.sessions().closeAllOf(key.info().id())).isEqualTo(1);
    }

    @Test
    void malformedIdsFindNothingAndCloseNothing() {
        login();
        for (String bad : new String[] {null, "", "a", "A".repeat(42), "A".repeat(44), "A".repeat(42) + "=",
                "A".repeat(42) + "'", "x".repeat(1_000_000)}) {
            assertThat(store.sessions().find(bad, T0, IDLE)).isEmpty();
            assertThat(store.sessions().close(bad)).isFalse();
        }
        assertThat(store.sessions().find("A".repeat(43), T0, IDLE)).isEmpty();
    }

    @Test
    void expiredSessionsArePurgedAtTheNextLogin() throws Exception {
        login();
        store.sessions().open(key.token(), T0.plus(MAX_AGE).plusSeconds(1), IDLE, MAX_AGE).orElseThrow();
        try (Connection c = DriverManager.getConnection(url());
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM dashboard_sessions");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aKeysLastUseIsRecordedAndThrottled() {
        assertThat(store.sessions().keysLastUsed("team-a")).isEmpty();
        login();
        long t0 = T0.getEpochSecond() * 1_000_000L;
        assertThat(store.sessions().keysLastUsed("team-a")).containsEntry(key.info().id(), t0);

        store.sessions().keyUsed(key.token(), T0.plusSeconds(120));
        store.sessions().keyUsed(key.token(), T0.plusSeconds(130)); // within a minute: not written
        assertThat(store.sessions().keysLastUsed("team-a")).containsEntry(key.info().id(), t0 + 120_000_000L);
        store.sessions().keyUsed("not a key", T0);
        assertThat(store.sessions().keysLastUsed("team-b")).isEmpty();
    }

    @Test
    void durationsMustBePositive() {
        assertThatThrownBy(() -> store.sessions().open(key.token(), T0, Duration.ZERO, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle");
        assertThatThrownBy(() -> store.sessions().open(key.token(), T0, IDLE, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAge");
    }

    @Test
    void loginFailuresAreCountedPerAddressOverTheWindowAndSeenByAnotherStoreOnTheDatabase() throws Exception {
        Duration window = Duration.ofMinutes(1);
        try (Store other = openAgain()) {
            for (int i = 0; i < 3; i++) {
                assertThat(store.loginFailures().retryAfter("10.0.0.1", T0.plusSeconds(10L * i), window, 3)).isZero();
                // the failures come in through both stores, as through two servers
                (i % 2 == 0 ? store : other).loginFailures().record("10.0.0.1", T0.plusSeconds(10L * i), window);
            }
            Instant now = T0.plusSeconds(30);
            assertThat(other.loginFailures().retryAfter("10.0.0.1", now, window, 3)).isEqualTo(Duration.ofSeconds(30));
            assertThat(store.loginFailures().retryAfter("10.0.0.1", now, window, 3)).isEqualTo(Duration.ofSeconds(30));
            assertThat(store.loginFailures().retryAfter("10.0.0.1", now, window, 4)).isZero();
            assertThat(store.loginFailures().retryAfter("10.0.0.2", now, window, 3)).as("another address").isZero();
            assertThat(store.loginFailures().retryAfter("10.0.0.1", T0.plusSeconds(60), window, 3))
                    .as("the oldest failure is a minute old").isZero();
        }
    }

    @Test
    void oldLoginFailuresArePurgedAndHostileAddressesAreStoredAsText() throws Exception {
        Duration window = Duration.ofMinutes(1);
        String hostile = "'; DROP TABLE login_failures; --" + "x".repeat(500);
        for (int i = 0; i < 5; i++) {
            store.loginFailures().record("addr-" + i, T0, window);
            store.loginFailures().record(hostile, T0, window);
        }
        assertThat(store.loginFailures().retryAfter(hostile, T0, window, 5)).isPositive();
        assertThat(store.loginFailures().retryAfter(hostile.substring(0, LoginFailures.MAX_ADDRESS_LENGTH), T0, window,
                5)).as("cut to the stored length").isPositive();
        store.loginFailures().record("late", T0.plus(window), window);
        try (Connection c = DriverManager.getConnection(url());
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM login_failures");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).as("only the failure inside the window is left").isEqualTo(1);
        }
        assertThatThrownBy(() -> store.loginFailures().retryAfter("a", T0, window, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> store.loginFailures().record("a", T0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }
}
