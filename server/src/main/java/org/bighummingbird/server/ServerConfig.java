package org.bighummingbird.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.bighummingbird.server.ui.access.AccessConfig;
import org.bighummingbird.store.EvaluationStore;
import org.bighummingbird.store.JdbcUrls;

/**
 * How to run a {@link BhbServer}: where to listen, which store, whether keys are required and how
 * much a request may carry. Built with {@link #builder()}, checked when built. Immutable.
 *
 * @param host the interface to listen on; default {@code 127.0.0.1}
 * @param port the TCP port; default 8080, 0 for a free one
 * @param jdbcUrl the store's JDBC URL, or null for the embedded store under {@code home}
 * @param home the directory of the embedded store, or null when {@code jdbcUrl} is set
 * @param auth whether requests need an API key; default true
 * @param maxBodyBytes the largest request body, after gzip decoding; default 8 MiB
 * @param maxBatchRuns the most runs in one batch; default 10,000
 * @param stopTimeout how long {@link BhbServer#close()} waits for requests in flight; default 30 s
 * @param evaluationSilence how long a running evaluation may go without a heartbeat before the
 *     server's sweeper marks it abandoned; default {@link org.bighummingbird.store.EvaluationStore#DEFAULT_SILENCE} (2 min)
 * @param headerTimeout the longest a request's line and headers may take to arrive, from their
 *     first byte, however steadily they trickle; default 10 s (the connection is closed)
 * @param bodyTimeout the longest a request's body may take to arrive, from when the server starts
 *     reading it; default 60 s ({@code 408 request-timeout})
 * @param access how dashboard sessions behave; default {@link AccessConfig#DEFAULTS}
 */
public record ServerConfig(String host, int port, String jdbcUrl, Path home, boolean auth, long maxBodyBytes,
        int maxBatchRuns, Duration stopTimeout, Duration evaluationSilence, Duration headerTimeout,
        Duration bodyTimeout, AccessConfig access) {
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The default body limit: 8 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;
    /** The default batch limit. */
    public static final int DEFAULT_MAX_BATCH_RUNS = 10_000;

    /** The default {@link #headerTimeout}. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    /** The default {@link #bodyTimeout}. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(60);

    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank, got " + (host == null ? "null" : "\"\""));
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
        if ((jdbcUrl == null) == (home == null)) {
            throw new IllegalArgumentException(jdbcUrl == null
                    ? "store must be given: a jdbcUrl or a home directory"
                    : "jdbcUrl and home are exclusive, got both " + JdbcUrls.redacted(jdbcUrl) + " and " + home);
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:, got \"" + JdbcUrls.redacted(jdbcUrl)
                    + "\"");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (maxBatchRuns < 1) {
            throw new IllegalArgumentException("maxBatchRuns must be positive, got " + maxBatchRuns);
        }
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout must not be negative, got " + stopTimeout);
        }
        Objects.requireNonNull(evaluationSilence, "evaluationSilence");
        if (evaluationSilence.isNegative() || evaluationSilence.isZero()) {
            throw new IllegalArgumentException("evaluationSilence must be positive, got " + evaluationSilence);
        }
        requirePositive("headerTimeout", headerTimeout);
        requirePositive("bodyTimeout", bodyTimeout);
        Objects.requireNonNull(access, "access");
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
        }
    }

    /** The settings, with any password in the JDBC URL replaced by {@code ***}. */
    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", jdbcUrl=" + JdbcUrls.redacted(jdbcUrl) + ", home="
                + home + ", auth=" + auth + ", maxBodyBytes=" + maxBodyBytes + ", maxBatchRuns=" + maxBatchRuns
                + ", stopTimeout=" + stopTimeout + ", evaluationSilence=" + evaluationSilence + ", headerTimeout="
                + headerTimeout + ", bodyTimeout=" + bodyTimeout + ", access=" + access + "]";
    }

    /** A builder with every default set and no store chosen yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServerConfig}; not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private String jdbcUrl;
        private Path home;
        private boolean auth = true;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxBatchRuns = DEFAULT_MAX_BATCH_RUNS;
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Duration evaluationSilence = EvaluationStore.DEFAULT_SILENCE;
        private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
        private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
        private AccessConfig access = AccessConfig.DEFAULTS;

        private Builder() {}

        /** The interface to listen on ({@code 0.0.0.0} for all). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 picks a free one (see {@link BhbServer#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A store by JDBC URL ({@code jdbc:postgresql:…} or {@code jdbc:sqlite:…}); excludes {@link #home}. */
        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** The embedded store under this directory; excludes {@link #jdbcUrl}. */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** Whether requests need an API key; false serves everything as workspace {@code default}. */
        public Builder auth(boolean auth) {
            this.auth = auth;
            return this;
        }

        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder maxBatchRuns(int maxBatchRuns) {
            this.maxBatchRuns = maxBatchRuns;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /** How long a running evaluation may go without a heartbeat before it is abandoned; default 2 min. */
        public Builder evaluationSilence(Duration evaluationSilence) {
            this.evaluationSilence = evaluationSilence;
            return this;
        }

        /** The longest a request's line and headers may take to arrive; default 10 s. */
        public Builder headerTimeout(Duration headerTimeout) {
            this.headerTimeout = headerTimeout;
            return this;
        }

        /** The longest a request's body may take to arrive once the server reads it; default 60 s. */
        public Builder bodyTimeout(Duration bodyTimeout) {
            this.bodyTimeout = bodyTimeout;
            return this;
        }

        /** How dashboard sessions behave (idle and absolute lifetime, proxy trust, login throttle). */
        public Builder access(AccessConfig access) {
            this.access = access;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the first parameter that is invalid
         */
        public ServerConfig build() {
            return new ServerConfig(host, port, jdbcUrl, home, auth, maxBodyBytes, maxBatchRuns, stopTimeout,
                    evaluationSilence, headerTimeout, bodyTimeout, access);
        }
    }
}
