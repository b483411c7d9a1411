package org.bighummingbird.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks running evaluations whose heartbeat is older than a threshold {@code abandoned}, in every
 * project: their process died or hangs. Safe to run from any number of processes and server
 * instances at once: each evaluation is abandoned by one conditional UPDATE that matches only while
 * it is still running with the heartbeat that was read, so a concurrent sweep changes nothing and a
 * heartbeat that arrives in between wins.
 */
final class EvaluationSweep {
    /** Most evaluations abandoned by one sweep; the next sweep takes the rest. */
    static final int MAX_PER_SWEEP = 1_000;

    private final Database db;

    EvaluationSweep(Database db) {
        this.db = db;
    }

    /** Abandons the running evaluations without a heartbeat for more than {@code silence} before {@code now}. */
    int abandon(Instant now, Duration silence) throws SQLException {
        long nowMicros = micros(now);
        long cutoff = nowMicros - silence.toNanos() / 1_000;
        List<Silent> silent = silentSince(cutoff);
        if (silent.isEmpty()) {
            return 0; // the usual case stays a read, which takes no write lock on SQLite
        }
        return db.transaction(c -> {
            int abandoned = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE evaluations SET status = ?, failure = ?,"
                    + " finished_at = ? WHERE id = ? AND status = ? AND heartbeat_at = ?")) {
                for (Silent s : silent) {
                    ps.setString(1, EvaluationInfo.ABANDONED);
                    ps.setString(2, reason(s.heartbeatAtMicros(), silence));
                    ps.setLong(3, nowMicros);
                    ps.setString(4, s.id());
                    ps.setString(5, EvaluationInfo.RUNNING);
                    ps.setLong(6, s.heartbeatAtMicros());
                    abandoned += ps.executeUpdate();
                }
            }
            return abandoned;
        });
    }

    // in heartbeat order, so that concurrent sweeps lock rows in the same order and never deadlock
    private List<Silent> silentSince(long cutoff) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, heartbeat_at FROM evaluations"
                    + " WHERE status = ? AND heartbeat_at < ? ORDER BY heartbeat_at, id LIMIT ?")) {
                ps.setString(1, EvaluationInfo.RUNNING);
                ps.setLong(2, cutoff);
                ps.setInt(3, MAX_PER_SWEEP);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Silent> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Silent(rs.getString(1), rs.getLong(2)));
                    }
                    return out;
                }
            }
        });
    }

    /** {@code no heartbeat since <instant> (abandoned after 120 s without one)}. */
    static String reason(long heartbeatAtMicros, Duration silence) {
        Instant at = Instant.ofEpochSecond(Math.floorDiv(heartbeatAtMicros, 1_000_000L),
                Math.floorMod(heartbeatAtMicros, 1_000_000L) * 1_000L);
        long millis = silence.toMillis();
        String after = millis % 1_000 == 0 ? millis / 1_000 + " s" : millis + " ms";
        return "no heartbeat since " + at + " (abandoned after " + after + " without one): the process running it"
                + " stopped or hangs";
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private record Silent(String id, long heartbeatAtMicros) {}
}
