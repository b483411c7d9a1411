package org.bighummingbird.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.server.problem.Problems;

/**
 * Counts requests in flight so that a stop lets them finish: once {@link #close} is called, new
 * requests are refused with 503 (and {@code Connection: close}) and {@link #awaitIdle} waits for
 * the running ones.
 */
final class Gate implements Filter {
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Counted before the check: a request that saw the gate open is always waited for.
        inFlight.incrementAndGet();
        try {
            if (closed) {
                HttpServletResponse res = (HttpServletResponse) response;
                res.setHeader("Connection", "close");
                Problems.write(res, ProblemType.UNAVAILABLE, "the server is stopping; retry later",
                        ((HttpServletRequest) request).getRequestURI());
                return;
            }
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    void close() {
        closed = true;
    }

    /** Waits until no request is in flight, or {@code timeout} passed; true when idle. */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
