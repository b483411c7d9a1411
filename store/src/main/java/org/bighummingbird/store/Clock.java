package org.bighummingbird.store;

import java.time.Instant;

/** Store timestamps: microseconds since the epoch. */
final class Clock {
    private Clock() {}

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
