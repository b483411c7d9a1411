package org.bighummingbird.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * Answers {@code HEAD} wherever {@code GET} is: a HEAD request goes through authentication and
 * routing as the GET it stands for, so it gets the same status and headers (401 without a key
 * except on the open paths, 404 for a missing project, 400 for a bad parameter), and Jetty sends no
 * body for it. Javalin alone would answer 200 for any path with a GET route without running it.
 */
final class HeadAsGet implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        chain.doFilter("HEAD".equals(req.getMethod()) ? new AsGet(req) : request, response);
    }

    private static final class AsGet extends HttpServletRequestWrapper {
        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
