package org.bighummingbird.server.ui;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.bighummingbird.core.Names;

/**
 * Reads the dashboard's query parameters and path segments, each checked: a bad value is a
 * {@link UiError#badRequest} naming the parameter and quoting (a printable, shortened form of) the
 * value, never an exception from deeper down.
 */
final class Params {
    /** Most rows any page shows. */
    static final int MAX_PAGE = 500;
    private static final Pattern VERSION = Pattern.compile("v?([1-9][0-9]{0,8})");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_PARAM = 400;

    private final Context ctx;

    Params(Context ctx) {
        this.ctx = ctx;
    }

    /** The parameter, or null when absent or empty. */
    String text(String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > MAX_PARAM) {
            throw UiError.badRequest(name + " must be at most " + MAX_PARAM + " characters, got " + v.length());
        }
        return v;
    }

    /** A page size from 1 to {@link #MAX_PAGE}; {@code fallback} when absent. */
    int pageSize(String name, int fallback) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        long n = number(name, v);
        if (n < 1 || n > MAX_PAGE) {
            throw UiError.badRequest(name + " must be 1 to " + MAX_PAGE + ", got " + quote(v));
        }
        return (int) n;
    }

    /** A non-negative row index; 0 when absent. */
    int index(String name) {
        String v = text(name);
        if (v == null) {
            return 0;
        }
        long n = number(name, v);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw UiError.badRequest(name + " must be a row index from 0, got " + quote(v));
        }
        return (int) n;
    }

    private static long number(String name, String v) {
        if (!v.matches("-?[0-9]{1,18}")) {
            throw UiError.badRequest(name + " must be a whole number, got " + quote(v));
        }
        return Long.parseLong(v);
    }

    /** A name (model, dataset, judge) by the naming rules, or null when absent. */
    String name(String param) {
        String v = text(param);
        if (v != null && !Names.isValid(v)) {
            throw UiError.badRequest(param + " is not a valid name: " + quote(v));
        }
        return v;
    }

    /** A version number written {@code v3} or {@code 3}, or null when absent. */
    Integer version(String param) {
        String v = text(param);
        return v == null ? null : version(param, v);
    }

    static int version(String what, String v) {
        var m = VERSION.matcher(v);
        if (!m.matches()) {
            throw UiError.badRequest(what + " must be a version as in v3, got " + quote(v));
        }
        return Integer.parseInt(m.group(1));
    }

    /** One of {@code choices} (lower case), or null when absent. */
    String choice(String param, String... choices) {
        String v = text(param);
        if (v == null) {
            return null;
        }
        for (String c : choices) {
            if (c.equals(v)) {
                return c;
            }
        }
        throw UiError.badRequest(param + " must be one of " + String.join(", ", choices) + ", got " + quote(v));
    }

    /** A checkbox-style flag: present and not {@code false}/{@code 0}. */
    boolean flag(String param) {
        String v = choice(param, "1", "true", "on", "0", "false");
        return v != null && !v.equals("0") && !v.equals("false");
    }

    /** A time as {@code 2026-12-03} (midnight UTC) or an ISO instant, in microseconds; null when absent. */
    Long time(String param) {
        String v = text(param);
        if (v == null) {
            return null;
        }
        try {
            Instant at = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : v.length() == 16 ? Instant.parse(v + ":00Z") : Instant.parse(v);
            return Math.multiplyExact(at.getEpochSecond(), 1_000_000L) + at.getNano() / 1_000;
        } catch (DateTimeException | ArithmeticException e) {
            throw UiError.badRequest(param + " must be a date (2026-12-03) or an instant (2026-12-03T10:15:30Z),"
                    + " got " + quote(v));
        }
    }

    /** An evaluation id (a lower-case UUID) from the path or query: malformed is a 400. */
    static String evaluationId(String what, String v) {
        if (v == null || !UUID.matcher(v).matches()) {
            throw UiError.badRequest(what + " must be an evaluation id (a lower-case UUID), got " + quote(v == null ? "" : v));
        }
        return v;
    }

    /** A run id (1 to 36 characters, no control characters) from the path: malformed is a 400. */
    static String runId(String v) {
        if (v == null || v.isEmpty() || v.length() > 36 || v.chars().anyMatch(Character::isISOControl)) {
            throw UiError.badRequest("run id must be 1 to 36 characters without control characters, got "
                    + quote(v == null ? "" : v));
        }
        return v;
    }

    /** A value for a message: control characters escaped, at most 80 characters, quoted. */
    static String quote(String v) {
        String cut = v.length() > 80 ? v.substring(0, 80) + "…" : v;
        StringBuilder out = new StringBuilder("\"");
        cut.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
