package org.bighummingbird.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.bighummingbird.Fn2;

/**
 * Threads calling a traced model until stopped, at a steady pace: thread {@code t}'s {@code i}-th call
 * is {@code model.apply(t, i)}, so every call has inputs no other call has. Records how many calls
 * each thread made, the slowest call and anything a call threw.
 */
final class Traffic {
    private static final int CALLS_PER_PAUSE = 10;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong calls = new AtomicLong();
    private final LongAccumulator slowestNanos = new LongAccumulator(Math::max, 0);
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code threads} threads, each pausing {@code pauseMillis} after every ten calls. */
    static Traffic start(Fn2<Integer, Integer, Integer> model, int threads, long pauseMillis) {
        Traffic traffic = new Traffic();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread th = new Thread(() -> traffic.loop(model, thread, pauseMillis), "traffic-" + t);
            traffic.threads.add(th);
            th.start();
        }
        return traffic;
    }

    private void loop(Fn2<Integer, Integer, Integer> model, int thread, long pauseMillis) {
        int i = 0;
        while (running.get()) {
            long start = System.nanoTime();
            try {
                model.apply(thread, i);
            } catch (Throwable t) {
                failures.add(t);
            }
            slowestNanos.accumulate(System.nanoTime() - start);
            calls.incrementAndGet();
            if (++i % CALLS_PER_PAUSE == 0) {
                ServerProcess.sleep(pauseMillis);
            }
        }
    }

    /** Stops every thread and waits for it. */
    Traffic stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        return this;
    }

    /** Waits (up to a minute) until the threads together made at least {@code n} calls. */
    void awaitCalls(long n) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (calls.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + calls.get() + " of " + n + " calls within a minute");
            }
            ServerProcess.sleep(10);
        }
    }

    long calls() {
        return calls.get();
    }

    long slowestCallMillis() {
        return slowestNanos.get() / 1_000_000;
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }
}
