package org.bighummingbird.server.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails with {@link TimedOut} once reading has taken longer than a total deadline from this
 * stream's creation, however steadily bytes trickle in. A read blocked with nothing arriving is
 * ended by the connector's idle timeout instead; this one bounds the total.
 */
final class DeadlineInputStream extends FilterInputStream {
    private final long deadlineNanos;
    private final long timeoutMillis;

    DeadlineInputStream(InputStream in, java.time.Duration timeout) {
        super(in);
        this.timeoutMillis = timeout.toMillis();
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        check();
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check();
        int n = super.read(buffer, offset, length);
        check();
        return n;
    }

    private void check() throws TimedOut {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new TimedOut(timeoutMillis);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The body took longer than the deadline. */
    static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut(long millis) {
            super("the body took longer than " + millis + " ms to arrive");
        }
    }
}
