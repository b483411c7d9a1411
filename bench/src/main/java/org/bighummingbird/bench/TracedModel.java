package org.bighummingbird.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn2;
import org.bighummingbird.Traced;
import org.bighummingbird.sdk.spi.RunSink;

/**
 * A traced {@code (a, b) -> a + b} on a throw-away home, its version registered before the first
 * measured call, with the bookkeeping a benchmark reports: runs dropped, runs the sink took, bytes
 * in the spool.
 */
final class TracedModel implements AutoCloseable {
    static final Fn2<Integer, Integer, Integer> ADD = (a, b) -> a + b;

    final Fn2<Integer, Integer, Integer> model;
    private final BigHummingbird bhb;
    private final Path home;
    private final DiscardingSink discarding;
    /** The spool directory (a custom sink's is apart from the embedded store's). */
    private final Path spool;
    private long droppedAtMark;

    /**
     * @param sink where runs go; null for the embedded SQLite store in the home
     * @param closeTimeout how long close() may deliver and replay
     */
    TracedModel(String label, RunSink sink, Duration closeTimeout) {
        this.home = TempHome.create(label);
        BigHummingbird.Builder b = BigHummingbird.builder("bench").home(home).closeTimeout(closeTimeout)
                .appPackages(List.of("org.bighummingbird.bench"));
        if (sink != null) {
            b.sink(sink);
        }
        this.bhb = b.build();
        this.discarding = sink instanceof DiscardingSink d ? d : null;
        this.spool = home.resolve(sink == null ? "spool" : "spool-sink");
        this.model = bhb.trace("model", ADD);
        String tag = ((Traced) model).tag();
        System.err.println("[" + label + "] home " + home + ", version " + tag);
    }

    /** One line on what happened to the runs of {@code calls} calls since the last report. */
    String report(long calls) {
        long dropped = bhb.droppedRuns();
        long droppedNow = dropped - droppedAtMark;
        droppedAtMark = dropped;
        return String.format("calls %,d, dropped %,d (%.1f %%), dropped in total %,d%s, spool %,d bytes", calls,
                droppedNow, calls == 0 ? 0.0 : 100.0 * droppedNow / calls, dropped,
                discarding == null ? "" : String.format(", sink took %,d", discarding.written()),
                TempHome.size(spool));
    }

    @Override
    public void close() {
        bhb.close();
        TempHome.delete(home);
    }
}
