package org.bighummingbird.sdk.spi;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a {@link Backend} is opened with, from the tracker's settings. Immutable.
 *
 * @param project the project's name, valid
 * @param home {@code BHB_HOME}: the embedded store's directory and the spools' parent
 * @param url the team server's normalised base URL; null for the embedded store
 * @param apiKey the server's API key, or null for none
 * @param connectTimeout how long to wait for a connection to the server
 * @param requestTimeout how long to wait for one answer
 * @param retryBackoff first wait before a synchronous call to the server is retried
 * @param maxRetryBackoff longest wait between delivery attempts
 */
public record BackendSettings(String project, Path home, String url, String apiKey, Duration connectTimeout,
        Duration requestTimeout, Duration retryBackoff, Duration maxRetryBackoff) {}
