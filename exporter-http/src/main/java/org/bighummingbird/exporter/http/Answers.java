package org.bighummingbird.exporter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.bighummingbird.core.Backoff;
import org.bighummingbird.sdk.spi.SinkRejected;
import org.bighummingbird.sdk.spi.SinkUnavailable;

/**
 * What a server's answer means for the exporter. 2xx is success; 429, 502, 503 and 504 (and an
 * answer no API v1 server gives: 1xx, 3xx) are {@link SinkUnavailable}, honouring
 * {@code Retry-After}; every other status is {@link SinkRejected}, never retried, with the RFC 9457
 * problem's type and detail as the reason.
 */
final class Answers {
    static final String PROBLEM_PREFIX = "urn:bighummingbird:problem:";
    private static final int MAX_TEXT = 300;

    private Answers() {}

    static boolean ok(int status) {
        return status >= 200 && status < 300;
    }

    static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504 || status < 200
                || (status >= 300 && status < 400);
    }

    /** The failure an answer that is not 2xx stands for. */
    static RuntimeException failure(String server, String what, HttpResponse<byte[]> answer, ObjectMapper mapper,
            Clock clock) {
        int status = answer.statusCode();
        JsonNode problem = problem(mapper, answer.body());
        String type = problem != null && problem.path("type").isTextual() ? problem.get("type").asText() : null;
        String detail = problem != null && problem.path("detail").isTextual() ? problem.get("detail").asText()
                : problem == null ? text(answer.body()) : null;
        String said = status + (type != null ? " " + shortType(type) : "") + (detail != null && !detail.isBlank()
                ? ": " + detail : "");
        if (retryable(status)) {
            String location = answer.headers().firstValue("Location").map(l -> " to " + l).orElse("");
            return new SinkUnavailable(server + " could not take " + what + " now (" + said
                    + (status >= 300 && status < 400 ? ", a redirect" + location + "; is the URL right?" : "") + ")",
                    retryAfter(answer.headers().firstValue("Retry-After"), clock).orElse(null), null);
        }
        return new SinkRejected(status, type, server + " rejected " + what + " (" + said + ")");
    }

    /** A 2xx answer that is not what API v1 promises: the URL may point at something else. */
    static SinkUnavailable malformed(String server, String what, String why, byte[] body) {
        return new SinkUnavailable(server + " answered " + what + " with " + why + ": \"" + text(body)
                + "\"; is the URL the BigHummingbird server's?", null, null);
    }

    /**
     * {@code Retry-After} as {@link Backoff#parseRetryAfter} reads it, measured from {@code clock}:
     * delta-seconds or an HTTP-date, a date in the past zero; empty when absent or unreadable.
     */
    static Optional<Duration> retryAfter(Optional<String> header, Clock clock) {
        return Backoff.parseRetryAfter(header.orElse(null), clock.instant());
    }

    static String shortType(String type) {
        return type.startsWith(PROBLEM_PREFIX) ? type.substring(PROBLEM_PREFIX.length()) : type;
    }

    private static JsonNode problem(ObjectMapper mapper, byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The start of a body as printable text, for messages. */
    static String text(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, MAX_TEXT * 4), StandardCharsets.UTF_8).strip();
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(MAX_TEXT).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return s.codePointCount(0, s.length()) > MAX_TEXT ? out + "…" : out.toString();
    }
}
