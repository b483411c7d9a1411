package org.bighummingbird.server.log;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bighummingbird.server.auth.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request on logger {@code org.bighummingbird.server.log.RequestLog}:
 * {@code method=… path=… status=… durationMs=… requestId=… workspace=…}. The path is the raw
 * (percent-encoded) request path without the query; headers, and so API keys, are never logged.
 * Sets {@code X-Request-Id} on every response.
 */
public final class RequestLog implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        long start = System.nanoTime();
        String id = RequestIds.of(req);
        res.setHeader(RequestIds.HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isInfoEnabled()) {
                LOG.info("method={} path={} status={} durationMs={} requestId={} workspace={}", req.getMethod(),
                        req.getRequestURI(), res.getStatus(), (System.nanoTime() - start) / 1_000_000, id,
                        Authentication.workspaceOrNone(req));
            }
        }
    }
}
