package org.bighummingbird.server.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.bighummingbird.server.log.RequestIds;
import org.bighummingbird.store.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every failure as {@code application/problem+json}: {@link ApiProblem}s as they are,
 * Javalin's own 404 and 405 (with {@code Allow}), an unreachable store as 503 with {@code Retry-After}, and anything else
 * as 500 whose detail names the request id (the log line with the stack trace names it too).
 */
public final class Problems {
    /** The media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Seconds a client should wait before retrying a 503. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Problems() {}

    /** Installs the exception handlers on a Javalin configuration. */
    public static void install(JavalinConfig config) {
        config.routes.exception(ApiProblem.class, (e, ctx) -> answer(ctx, e.type(), e.getMessage()));
        config.routes.exception(HttpResponseException.class, Problems::javalinResponse);
        // Handlers check names and tags themselves; these only keep a missed check from being a 500.
        config.routes.exception(InvalidTag.class, (e, ctx) -> answer(ctx, ProblemType.INVALID_TAG, e.getMessage()));
        config.routes.exception(InvalidName.class, (e, ctx) -> answer(ctx, ProblemType.INVALID_REQUEST, e.getMessage()));
        config.routes.exception(StoreUnavailable.class, (e, ctx) -> {
            LOG.warn("request {}: store unavailable: {}", RequestIds.of(ctx.req()), e.getMessage());
            answer(ctx, ProblemType.UNAVAILABLE, "the database is unavailable; retry later");
        });
        config.routes.exception(Exception.class, (e, ctx) -> internal(ctx, e));
        config.router.javaLangErrorHandler((res, error) -> {
            LOG.error("request failed with an Error", error);
            write(res, ProblemType.INTERNAL, "internal error", null);
        });
    }

    private static void javalinResponse(HttpResponseException e, Context ctx) {
        ProblemType type = ProblemType.ofStatus(e.getStatus());
        if (type == ProblemType.INTERNAL) {
            internal(ctx, e);
        } else if (type == ProblemType.NOT_FOUND) {
            noRoute(ctx);
        } else if (type == ProblemType.METHOD_NOT_ALLOWED) {
            String allowed = allowed(e.getDetails().values());
            ctx.header("Allow", allowed);
            answer(ctx, type, ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allowed);
        } else {
            answer(ctx, type, e.getMessage());
        }
    }

    /** Answers a request that no route matched: 404 naming the method and the path. */
    public static void noRoute(Context ctx) {
        answer(ctx, ProblemType.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path());
    }

    /**
     * The {@code Allow} header of a 405 from the methods Javalin found for the path ("GET, POST"),
     * with HEAD wherever GET is (the server answers HEAD as a GET without a body), sorted.
     */
    static String allowed(Collection<String> javalinDetails) {
        Set<String> methods = new TreeSet<>();
        for (String detail : javalinDetails) {
            for (String method : detail.split(",")) {
                if (!method.isBlank()) {
                    methods.add(method.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    private static void internal(Context ctx, Exception e) {
        String id = RequestIds.of(ctx.req());
        LOG.error("request {} failed: {} {}", id, ctx.method(), ctx.req().getRequestURI(), e);
        answer(ctx, ProblemType.INTERNAL, "internal error; the server log has the details under request id " + id);
    }

    /** Answers {@code type} with {@code detail} on a Javalin context. */
    public static void answer(Context ctx, ProblemType type, String detail) {
        if (type == ProblemType.UNAVAILABLE) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        ctx.status(type.status()).contentType(MEDIA_TYPE).result(body(type, detail, ctx.req().getRequestURI()));
    }

    /**
     * Writes a problem straight to a servlet response (for filters that answer before Javalin), and
     * {@code Retry-After} with 503s.
     */
    public static void write(HttpServletResponse res, ProblemType type, String detail, String instance) {
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer();
        res.setStatus(type.status());
        res.setContentType(MEDIA_TYPE);
        if (type == ProblemType.UNAVAILABLE) {
            res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        try {
            res.getOutputStream().write(body(type, detail, instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem document: {@code type, title, status, detail, instance}. */
    public static byte[] body(ProblemType type, String detail, String instance) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", type.uri());
        node.put("title", type.title());
        node.put("status", type.status());
        node.put("detail", detail);
        if (instance != null) {
            node.put("instance", instance);
        }
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
