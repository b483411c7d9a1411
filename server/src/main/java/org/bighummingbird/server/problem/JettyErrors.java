package org.bighummingbird.server.problem;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages as problems: requests Jetty refuses before Javalin sees them (a path with an
 * encoded NUL or an ambiguous segment, a header too large) are answered as
 * {@code application/problem+json} too, never as an HTML page.
 */
public final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        ProblemType type = switch (code) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> code >= 400 && code < 500 ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL;
        };
        String detail = type == ProblemType.INVALID_REQUEST
                ? "the request was refused before routing: " + (message == null ? "HTTP " + code : message)
                : type.title();
        response.setStatus(code == type.status() ? code : type.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        if (type == ProblemType.UNAVAILABLE) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
        }
        String instance = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        response.write(true, ByteBuffer.wrap(Problems.body(type, detail, instance)), callback);
    }
}
