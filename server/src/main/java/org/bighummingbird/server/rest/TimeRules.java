package org.bighummingbird.server.rest;

import org.bighummingbird.core.RunBounds;
import org.bighummingbird.store.json.ViewJson;

/**
 * The time fields of runs and evaluation rows, checked against {@link RunBounds}: a start within
 * year 1970 to 9999 and a latency of 0 to just under a day, else {@code invalid-request} naming the
 * field and the run.
 */
final class TimeRules {
    private TimeRules() {}

    /** {@code micros} when it is a start in range; {@code at} is the field prefix, {@code runId} the run's id or null. */
    static long startedAt(String at, long micros, String runId) {
        if (!RunBounds.startedAtInRange(micros)) {
            throw Fields.invalid(at + "startedAtMicros" + of(runId) + " must be from " + RunBounds.MIN_STARTED_AT_MICROS
                    + " (" + ViewJson.isoInstant(RunBounds.MIN_STARTED_AT_MICROS) + ") to "
                    + RunBounds.MAX_STARTED_AT_MICROS + " (" + ViewJson.isoInstant(RunBounds.MAX_STARTED_AT_MICROS)
                    + "), microseconds since the epoch, got " + micros);
        }
        return micros;
    }

    /** {@code ns} when it is a latency in range. */
    static long latency(String at, long ns, String runId) {
        if (!RunBounds.latencyInRange(ns)) {
            throw Fields.invalid(at + "latencyNs" + of(runId) + " must be from 0 to " + RunBounds.MAX_LATENCY_NS
                    + " (just under a day) nanoseconds, got " + ns);
        }
        return ns;
    }

    private static String of(String runId) {
        return runId == null ? "" : " of run \"" + StrictJson.printable(runId.length() > 64
                ? runId.substring(0, 64) + "…" : runId) + "\"";
    }
}
