package org.bighummingbird.server.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginThrottleTest {
    @TempDir
    Path home;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private Store store;
    private LoginThrottle throttle;

    @BeforeEach
    void open() {
        store = Store.openLocal(home);
        throttle = new LoginThrottle(store.loginFailures(), 3, now::get);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void anAddressIsRefusedAfterItsAllowanceUntilItsOldestFailureIsAMinuteOld() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfterSeconds("a")).isZero();
            throttle.failed("a");
            advance(Duration.ofSeconds(10));
        }
        assertThat(throttle.retryAfterSeconds("a")).isEqualTo(30);
        assertThat(throttle.retryAfterSeconds("b")).as("another address").isZero();
        advance(Duration.ofMillis(29_500));
        assertThat(throttle.retryAfterSeconds("a")).as("rounded up").isEqualTo(1);
        advance(Duration.ofMillis(500));
        assertThat(throttle.retryAfterSeconds("a")).isZero();
    }

    @Test
    void aThrottleOfAnotherProcessOnTheSameStoreSeesTheFailures() {
        try (Store again = Store.openLocal(home)) {
            LoginThrottle other = new LoginThrottle(again.loginFailures(), 3, now::get);
            throttle.failed("a");
            other.failed("a");
            throttle.failed("a");
            assertThat(other.retryAfterSeconds("a")).isEqualTo(60);
        }
    }
}
