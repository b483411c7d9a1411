package org.bighummingbird.server.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the templates show values: times, durations, rates, scores, JSON. Every method returns plain
 * text; the templates escape it. Null shows as an en dash.
 */
public final class Fmt {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Shown for a missing value. */
    public static final String NONE = "–";
    /** Most characters of a JSON value the pages show in full. */
    public static final int MAX_PRETTY = 200_000;

    private Fmt() {}

    /** A time in microseconds since the epoch, as {@code 2026-12-03 10:15:30} UTC. */
    public static String time(Long micros) {
        return micros == null ? NONE : TIME.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)));
    }

    /** The ISO form of a time in microseconds, for {@code <time datetime>}. */
    public static String isoTime(Long micros) {
        return micros == null ? "" : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000).toString();
    }

    /** A duration in nanoseconds: {@code 850 ns}, {@code 12.3 µs}, {@code 4.56 ms}, {@code 1.23 s}. */
    public static String duration(Long ns) {
        if (ns == null) {
            return NONE;
        }
        double abs = Math.abs((double) ns);
        if (abs < 1_000) {
            return ns + " ns";
        }
        if (abs < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        }
        if (abs < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    /** A signed duration difference, as {@code +1.20 ms}. */
    public static String durationDelta(Long ns) {
        return ns == null ? NONE : (ns > 0 ? "+" : "") + duration(ns);
    }

    /** A fraction as a percentage: {@code 12.5 %}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** {@code part / whole} as a percentage, or a dash when whole is 0 or either is null. */
    public static String rate(Integer part, Integer whole) {
        return part == null || whole == null || whole == 0 ? NONE : percent((double) part / whole);
    }

    /** A score with three decimals, or a dash. */
    public static String score(Double score) {
        return score == null ? NONE : String.format(Locale.ROOT, "%.3f", score);
    }

    /** A signed score difference, or a dash. */
    public static String scoreDelta(Double delta) {
        return delta == null ? NONE : String.format(Locale.ROOT, "%+.3f", delta);
    }

    /** A signed count difference. */
    public static String countDelta(long delta) {
        return (delta > 0 ? "+" : "") + delta;
    }

    /** A yes/no verdict, or a dash. */
    public static String verdict(Boolean passed) {
        return passed == null ? NONE : passed ? "passed" : "failed";
    }

    /** A number with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The text cut to {@code max} characters (code points), with an ellipsis when cut. */
    public static String cut(String text, int max) {
        if (text == null) {
            return NONE;
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }

    /** JSON indented for reading; the text as stored when it is not JSON or is very long. */
    public static String pretty(String json) {
        if (json == null) {
            return NONE;
        }
        if (json.length() > MAX_PRETTY) {
            return json;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? json : JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    /** CSS class of a delta: {@code up} for better, {@code down} for worse, {@code flat}. */
    public static String trend(Double delta, boolean higherIsBetter) {
        if (delta == null || delta == 0) {
            return "flat";
        }
        return (delta > 0) == higherIsBetter ? "up" : "down";
    }
}
