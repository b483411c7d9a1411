package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    @Test
    void theBackoffDoublesFromFirstUpToMax() {
        Backoff b = Backoff.of(Duration.ofMillis(100), Duration.ofMillis(650), Duration.ofMinutes(1));
        assertThat(b.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(b.backoff(4)).isEqualTo(Duration.ofMillis(650));
        assertThat(b.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(650));
    }

    @Test
    void aMaxBelowFirstIsRaisedToFirstAndAZeroFirstStaysZero() {
        assertThat(Backoff.of(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ZERO).backoff(5))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(Backoff.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO).backoff(Integer.MAX_VALUE))
                .isZero();
    }

    @Test
    void badSchedulesAndRetryNumbersAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Backoff.of(Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first");
        assertThatThrownBy(() -> Backoff.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max");
        assertThatThrownBy(() -> Backoff.of(Duration.ZERO, Duration.ZERO, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter");
        assertThatThrownBy(() -> Backoff.of(null, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("first");
        Backoff b = Backoff.of(Duration.ZERO, Duration.ZERO, Duration.ZERO);
        assertThatThrownBy(() -> b.backoff(0)).hasMessageContaining("retry must be 1 or more, got 0");
        assertThatThrownBy(() -> b.retry(0, (n, last) -> Backoff.Outcome.done(1)))
                .hasMessageContaining("maxAttempts must be 1 or more, got 0");
    }

    @Test
    void theServersRetryAfterIsTheLeastWaitUpToItsCap() {
        Backoff b = Backoff.of(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60));
        assertThat(b.wait(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.wait(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.wait(3, Optional.of(Duration.ZERO))).as("a shorter Retry-After keeps the backoff")
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(b.wait(1, Optional.of(Duration.ofDays(3)))).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.wait(2, Optional.of(Duration.ofSeconds(-5)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.of(Duration.ofSeconds(9), Duration.ofSeconds(9), Duration.ofSeconds(2))
                .wait(1, Optional.of(Duration.ofSeconds(5)))).as("the cap never shortens the backoff")
                .isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void retryAfterReadsDeltaSecondsAndHttpDates() {
        assertThat(Backoff.parseRetryAfter("120", NOW)).contains(Duration.ofMinutes(2));
        assertThat(Backoff.parseRetryAfter("  7 ", NOW)).contains(Duration.ofSeconds(7));
        assertThat(Backoff.parseRetryAfter("0", NOW)).contains(Duration.ZERO);
        assertThat(Backoff.parseRetryAfter("Fri, 27 Nov 2026 03:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(Backoff.parseRetryAfter("Fri, 27 Nov 2026 02:00:00 GMT", NOW)).as("a past date")
                .contains(Duration.ZERO);
    }

    @Test
    void hostileRetryAfterValuesAreSaturatedOrIgnored() {
        assertThat(Backoff.parseRetryAfter("99999999999999999999999999999999", NOW))
                .contains(Backoff.LONGEST_RETRY_AFTER);
        assertThat(Backoff.parseRetryAfter(String.valueOf(Long.MAX_VALUE), NOW)).contains(Backoff.LONGEST_RETRY_AFTER);
        assertThat(Backoff.parseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT", NOW)).contains(Backoff.LONGEST_RETRY_AFTER);
        for (String garbage : new String[] {
            null, "", "   ", "-5", "+5", "1.5", "soon", "0x10", "5 s", "Fri, 32 Nov 2026 03:00:30 GMT",
            "\u0000", "٣", "9".repeat(100_000)
        }) {
            assertThat(Backoff.parseRetryAfter(garbage, NOW)).as("%s", garbage).isEmpty();
        }
    }

    @Test
    void retryRunsUntilDoneCountingAttempts() throws Exception {
        Backoff b = Backoff.of(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5));
        List<String> seen = new ArrayList<>();
        String result = b.retry(5, (n, last) -> {
            seen.add(n + (last ? "!" : ""));
            return n < 3 ? Backoff.Outcome.again(Optional.of(Duration.ofMillis(1))) : Backoff.Outcome.done("ok");
        });
        assertThat(result).isEqualTo("ok");
        assertThat(seen).containsExactly("1", "2", "3");

        seen.clear();
        assertThatThrownBy(() -> b.retry(3, (n, last) -> {
            seen.add(n + (last ? "!" : ""));
            if (last) {
                throw new IOException("gave up after " + n);
            }
            return Backoff.Outcome.again(Optional.empty());
        })).isInstanceOf(IOException.class).hasMessage("gave up after 3");
        assertThat(seen).containsExactly("1", "2", "3!");
    }

    @Test
    void whatTheAttemptThrowsStopsAtOnceAndALastAskingAgainIsABug() {
        Backoff b = Backoff.of(Duration.ZERO, Duration.ZERO, Duration.ZERO);
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> b.retry(9, (n, last) -> {
            seen.add(n);
            throw new IOException("refused");
        })).hasMessage("refused");
        assertThat(seen).containsExactly(1);
        assertThatThrownBy(() -> b.retry(2, (n, last) -> Backoff.Outcome.again(Optional.empty())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("last attempt (2)");
    }

    @Test
    void anInterruptWhileWaitingEndsTheLoopWithInterruptedException() throws Exception {
        Backoff b = Backoff.of(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ZERO);
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                b.retry(3, (n, last) -> {
                    waiting.countDown();
                    return Backoff.Outcome.again(Optional.empty());
                });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        waiting.await();
        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);

        Thread.currentThread().interrupt();
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> b.retry(3, (n, last) -> {
            seen.add(n);
            return Backoff.Outcome.again(Optional.empty());
        })).isInstanceOf(InterruptedException.class);
        assertThat(seen).as("no wait begins on an interrupted thread").containsExactly(1);
        assertThat(Thread.interrupted()).isFalse();
    }
}
