package org.bighummingbird.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryClockTest {
    @Test
    void backoffDoublesUpToItsCapAndResetsOnSuccess() {
        RetryClock clock = new RetryClock(Duration.ofSeconds(10), Duration.ofSeconds(35));
        assertThat(clock.usable()).isTrue();
        assertThat(clock.failed(null)).as("first failure").isTrue();
        assertThat(clock.usable()).isFalse();
        assertThat(clock.millisUntilRetry()).isBetween(9_000L, 10_001L);
        assertThat(clock.failed(null)).isFalse();
        assertThat(clock.millisUntilRetry()).isBetween(19_000L, 20_001L);
        clock.failed(null);
        assertThat(clock.millisUntilRetry()).isBetween(34_000L, 35_001L);
        assertThat(clock.succeeded()).isTrue();
        assertThat(clock.usable()).isTrue();
        clock.failed(null);
        assertThat(clock.millisUntilRetry()).isBetween(9_000L, 10_001L);
    }

    @Test
    void aSinksRetryAfterIsHonouredBeyondTheBackoffUpToFiveMinutes() {
        RetryClock clock = new RetryClock(Duration.ofMillis(10), Duration.ofSeconds(5));
        clock.failed(Duration.ofSeconds(60));
        assertThat(clock.millisUntilRetry()).isBetween(59_000L, 60_001L);
        clock.failed(Duration.ofHours(2));
        assertThat(clock.millisUntilRetry()).isBetween(299_000L, 300_001L);
        clock.failed(Duration.ZERO);
        assertThat(clock.millisUntilRetry()).as("the backoff still applies").isBetween(1L, 41L);
    }

    @Test
    void aLongOutageStaysAtTheCapAndAZeroBackoffStaysZero() {
        RetryClock capped = new RetryClock(Duration.ofSeconds(1), Duration.ofSeconds(35));
        RetryClock zero = new RetryClock(Duration.ZERO, Duration.ZERO);
        for (int i = 0; i < 100_000; i++) {
            capped.failed(null);
            zero.failed(null);
        }
        assertThat(capped.millisUntilRetry()).isBetween(34_000L, 35_001L);
        assertThat(zero.usable()).isTrue();
    }
}
