package org.bighummingbird.sdk.internal.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.bighummingbird.core.RunRecord;

/**
 * Serialises the next batch of runs on a thread of its own while the exporter writes the batch
 * before it, so the sink (a server, a store) does not wait for the exporter's JSON between two
 * batches. Holds at most one batch. Used by the exporter thread only; the serialiser thread only
 * runs {@link RunSerializer}, which touches no exporter state.
 */
final class SerializeAhead implements AutoCloseable {
    private final ExecutorService serializer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bhb-serializer");
        thread.setDaemon(true);
        return thread;
    });
    private List<RunEvent> events;
    private Future<List<RunRecord>> records;

    /** Whether a batch was handed over and not taken yet. */
    boolean pending() {
        return events != null;
    }

    /** Starts serialising a copy of {@code batch}; the previous one must have been taken. */
    void start(List<RunEvent> batch) {
        if (events != null) {
            throw new IllegalStateException("the previous batch was not taken");
        }
        events = new ArrayList<>(batch);
        List<RunEvent> mine = events;
        try {
            records = serializer.submit(() -> serialize(mine));
        } catch (RejectedExecutionException closed) {
            records = null;
        }
    }

    /**
     * The runs of the batch handed over, in order, waiting for them. When the serialiser cannot
     * give them (this thread is interrupted, the serialiser failed or is closed), serialises them
     * here instead: no run is lost to the hand-over.
     */
    List<RunRecord> take() {
        List<RunEvent> mine = events;
        Future<List<RunRecord>> future = records;
        events = null;
        records = null;
        if (mine == null) {
            return new ArrayList<>();
        }
        if (future != null && !Thread.currentThread().isInterrupted()) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException e) {
                // falls through: the same work again here, where an error reaches the exporter's handler
            }
        }
        return serialize(mine);
    }

    static List<RunRecord> serialize(List<RunEvent> events) {
        List<RunRecord> out = new ArrayList<>(events.size());
        for (RunEvent e : events) {
            out.add(RunSerializer.toRecord(e));
        }
        return out;
    }

    /** Lets the serialiser thread end once it has done what it was given; a batch not taken yet can still be taken. */
    @Override
    public void close() {
        serializer.shutdown();
    }
}
