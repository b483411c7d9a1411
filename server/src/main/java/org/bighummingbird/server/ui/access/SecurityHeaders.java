package org.bighummingbird.server.ui.access;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sets the browser-safety headers on every answer of the server, before anything else runs, so
 * that pages, assets, redirects and error answers alike carry them: a Content-Security-Policy
 * that allows scripts, styles and images from this origin only (no inline script or style),
 * forbids framing and foreign form targets; {@code X-Content-Type-Options: nosniff};
 * {@code Referrer-Policy: same-origin}. Dashboard pages (everything outside {@code /api} and
 * {@code /assets}) also get {@code Cache-Control: no-store}: they show workspace data. A handler may
 * still set its own {@code Cache-Control} (assets do). Thread-safe.
 */
public final class SecurityHeaders implements Filter {
    /** The policy of every answer. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse res = (HttpServletResponse) response;
        res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "same-origin");
        String path = ((HttpServletRequest) request).getRequestURI();
        if (!DashboardAccess.isApi(path) && !DashboardAccess.isAsset(path)) {
            res.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
