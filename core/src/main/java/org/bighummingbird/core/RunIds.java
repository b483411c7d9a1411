package org.bighummingbird.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run ids: UUIDv7 (RFC 9562), time-ordered to the millisecond and random below it, generated on the
 * client so that they serve as idempotency keys. Thread-safe and lock-free.
 */
public final class RunIds {
    private RunIds() {}

    /** A new UUIDv7 for the current time. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A new UUIDv7 with {@code epochMillis} in its time field. */
    public static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** The millisecond timestamp inside a UUIDv7. */
    public static long epochMillis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
