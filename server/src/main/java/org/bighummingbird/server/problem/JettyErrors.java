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
 * {@code application/problem+json} too, never as an HTML page. A URI too long is 414 and headers too
 * large are 431, as Jetty's parser says, not a 400.
 */
public final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        ProblemType type = ProblemType.ofStatus(code);
        String detail = type == ProblemType.INTERNAL
                ? type.title()
                : "the request was refused before routing: " + (message == null ? "HTTP " + code : message);
        response.setStatus(code == type.status() ? code : type.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        if (type == ProblemType.UNAVAILABLE) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
        }
        String instance = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        response.write(true, ByteBuffer.wrap(Problems.body(type, detail, instance)), callback);
    }
}
