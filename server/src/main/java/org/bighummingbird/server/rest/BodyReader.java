package org.bighummingbird.server.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;

/**
 * Reads a request body as one JSON document into a wire record, strictly: {@code application/json}
 * only (else 415), identity or gzip encoding (else 415), at most {@link Limits#maxBodyBytes} bytes
 * before and after decoding (else 413, so a gzip bomb costs at most that much), exactly one JSON
 * value (else {@code malformed-json}), and the record's types and fields exactly (else
 * {@code invalid-request}), all of it within {@link Limits#bodyTimeout} (else {@code 408
 * request-timeout}). Thread-safe.
 */
final class BodyReader {
    private static final long DRAIN_FACTOR = 4;

    private final ObjectMapper mapper = StrictJson.mapper();
    private final long maxBytes;
    private final java.time.Duration timeout;

    BodyReader(Limits limits) {
        this.maxBytes = limits.maxBodyBytes();
        this.timeout = limits.bodyTimeout();
    }

    <T> T read(Context ctx, Class<T> type) {
        return read(ctx, body -> mapper.readValue(body, type));
    }

    /**
     * As {@link #read(Context, Class)}, with {@code parser} in place of the binding: it gets a body that
     * opens an object, may throw {@link JsonProcessingException} or an {@link ApiProblem} naming the
     * field; either way a body that is not one JSON document is {@code malformed-json} first.
     */
    <T> T read(Context ctx, BodyParser<T> parser) {
        requireJson(ctx.contentType());
        boolean gzip = gzipEncoded(ctx.header("Content-Encoding"));
        byte[] body = bytes(ctx, gzip);
        if (!opensObject(body)) {
            requireOneObject(body);
        }
        try {
            return parser.parse(body);
        } catch (JsonProcessingException e) {
            // only now the syntax pass: a body that is not one JSON document is malformed-json
            // whatever its shape, and only a well-formed one can be an invalid-request
            requireOneObject(body);
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, StrictJson.describe(e));
        } catch (ApiProblem e) {
            requireOneObject(body);
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns a body that opens a JSON object into a wire record. */
    @FunctionalInterface
    interface BodyParser<T> {
        /** The record in {@code body}. */
        T parse(byte[] body) throws IOException;
    }

    /**
     * Whether the body's first byte after white space opens an object: then binding it either gives a
     * record or fails. Anything else (an array, a scalar, {@code null}, nothing, another encoding)
     * goes through {@link #requireOneObject} first.
     */
    private static boolean opensObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    /** Throws {@code malformed-json} unless the body is one JSON document, {@code invalid-request} unless an object. */
    private void requireOneObject(byte[] body) {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the body is empty; expected one JSON document");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the body holds data after its JSON document, at "
                        + StrictJson.where(parser.currentLocation()));
            }
            if (first != JsonToken.START_OBJECT) {
                throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the body must be a JSON object, got " + first.asString());
            }
        } catch (JsonProcessingException e) {
            throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the body is not one JSON document: " + StrictJson.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes(Context ctx, boolean gzip) {
        InputStream raw = rawBody(ctx);
        if (ctx.req().getContentLengthLong() > maxBytes) {
            drain(raw);
            throw tooLarge();
        }
        InputStream limited = new LimitedInputStream(new DeadlineInputStream(raw, timeout), maxBytes);
        try (InputStream body = gzip ? new LimitedInputStream(new GZIPInputStream(limited), maxBytes) : limited) {
            return body.readAllBytes();
        } catch (LimitedInputStream.TooLarge e) {
            drain(raw);
            throw ApiProblem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage() + (gzip ? " (after gzip decoding)" : ""));
        } catch (DeadlineInputStream.TimedOut e) {
            throw ApiProblem.of(ProblemType.REQUEST_TIMEOUT, e.getMessage());
        } catch (ZipException | EOFException e) {
            drain(raw);
            throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the gzip body is damaged: " + e.getMessage());
        } catch (IOException e) {
            if (timedOut(e)) {
                throw ApiProblem.of(ProblemType.REQUEST_TIMEOUT, "no byte of the body arrived for the connection's"
                        + " idle timeout", e);
            }
            throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the body could not be read: " + e.getMessage(), e);
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void requireJson(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json, got "
                    + (contentType == null ? "no Content-Type" : "\"" + StrictJson.printable(contentType) + "\""));
        }
    }

    private static boolean gzipEncoded(String encoding) {
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            return false;
        }
        if (encoding.trim().equalsIgnoreCase("gzip")) {
            return true;
        }
        throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Content-Encoding must be gzip or absent, got \"" + StrictJson.printable(encoding) + "\"");
    }

    private static InputStream rawBody(Context ctx) {
        try {
            return ctx.req().getInputStream();
        } catch (IOException e) {
            throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the body could not be read: " + e.getMessage(), e);
        }
    }

    private ApiProblem tooLarge() {
        return ApiProblem.of(ProblemType.PAYLOAD_TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
    }

    // Reads what the client is still sending (up to a bound), so it gets to read the answer
    // instead of a reset connection; past the bound the connection is dropped.
    private void drain(InputStream raw) {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAIN_FACTOR * maxBytes;
        try {
            int n;
            while (left > 0 && (n = raw.read(buffer)) > 0) {
                left -= n;
            }
        } catch (IOException ignored) {
            // the answer is already decided; a broken connection only means the client stopped sending
        }
    }
}
