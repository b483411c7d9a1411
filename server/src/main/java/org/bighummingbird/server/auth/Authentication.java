package org.bighummingbird.server.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bighummingbird.server.problem.ApiProblem;
import org.bighummingbird.server.problem.ProblemType;
import org.bighummingbird.store.Store;

/**
 * The before-handler that authenticates every {@code /api/v1} request except {@code GET} (and so
 * {@code HEAD}, which reaches it as a GET) of the open paths (health and the OpenAPI document), before any route is matched: without a valid,
 * unrevoked key the answer is 401 whatever the path or method. With authentication disabled every
 * request is workspace {@code default}. The key is read from the header and handed to the key
 * check only; it is never logged or echoed. Thread-safe.
 */
public final class Authentication implements Handler {
    private static final String ATTRIBUTE = Authentication.class.getName() + ".workspace";
    private static final String BEARER = "bearer ";

    private final Function<String, Optional<String>> keys;
    private final Set<String> openPaths;

    private Authentication(Function<String, Optional<String>> keys, Set<String> openPaths) {
        this.keys = keys;
        this.openPaths = Set.copyOf(openPaths);
    }

    /**
     * Requires a key that {@code keys} maps to a workspace (as {@link org.bighummingbird.store.ApiKeyStore#authenticate} does).
     *
     * @param openPaths the paths whose {@code GET} needs no key
     */
    public static Authentication required(Function<String, Optional<String>> keys, Set<String> openPaths) {
        return new Authentication(keys, openPaths);
    }

    /** Serves every request as workspace {@code default}, for one person on one machine. */
    public static Authentication disabled() {
        return new Authentication(null, Set.of());
    }

    @Override
    public void handle(Context ctx) {
        if (keys == null) {
            ctx.attribute(ATTRIBUTE, Store.DEFAULT_WORKSPACE);
            return;
        }
        if (ctx.method() == HandlerType.GET && openPaths.contains(ctx.path())) {
            return;
        }
        String token = bearerToken(ctx.header("Authorization"));
        if (token == null) {
            throw unauthenticated(ctx, "this request needs Authorization: Bearer <API key>");
        }
        String workspace = keys.apply(token)
                .orElseThrow(() -> unauthenticated(ctx, "the API key is malformed, unknown or revoked"));
        ctx.attribute(ATTRIBUTE, workspace);
    }

    private static ApiProblem unauthenticated(Context ctx, String detail) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"bighummingbird\"");
        return ApiProblem.of(ProblemType.UNAUTHENTICATED, detail);
    }

    private static String bearerToken(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /**
     * The workspace the request was authenticated for.
     *
     * @throws IllegalStateException when the request passed no authentication (an open path)
     */
    public static String workspace(Context ctx) {
        String workspace = ctx.attribute(ATTRIBUTE);
        if (workspace == null) {
            throw new IllegalStateException("request " + ctx.path() + " was not authenticated");
        }
        return workspace;
    }

    /** The request's workspace for the log, or {@code -} when it has none (yet). */
    public static String workspaceOrNone(HttpServletRequest request) {
        Object workspace = request.getAttribute(ATTRIBUTE);
        return workspace instanceof String s ? s : "-";
    }
}
