package org.bighummingbird.server.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(3, now::get);

    @Test
    void anAddressIsRefusedAfterItsAllowanceUntilItsOldestFailureIsAMinuteOld() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfterSeconds("a")).isZero();
            throttle.failed("a");
            now.addAndGet(10_000_000_000L);
        }
        assertThat(throttle.retryAfterSeconds("a")).isEqualTo(30);
        assertThat(throttle.retryAfterSeconds("b")).as("another address").isZero();
        now.addAndGet(30_000_000_000L);
        assertThat(throttle.retryAfterSeconds("a")).isZero();
    }

    @Test
    void itRemembersABoundedNumberOfAddresses() {
        for (int i = 0; i <= LoginThrottle.MAX_ADDRESSES; i++) {
            for (int j = 0; j < 3; j++) {
                throttle.failed("addr-" + i);
            }
        }
        assertThat(throttle.retryAfterSeconds("addr-0")).as("forgotten first").isZero();
        assertThat(throttle.retryAfterSeconds("addr-" + LoginThrottle.MAX_ADDRESSES)).isPositive();
    }
}
