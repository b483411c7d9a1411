package org.bighummingbird.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link org.bighummingbird.BigHummingbird.Builder} gathered, each value checked by its
 * setter: everything an implementation needs to open a project. Immutable.
 *
 * @param project the project's name (its naming rules are checked by the implementation)
 * @param home the embedded store's directory, and where spools live
 * @param appPackages packages whose classes count as application code inside jars
 * @param queueCapacity runs held in memory before calls drop them
 * @param maxQueueBytes estimated bytes the queued runs may hold
 * @param maxSnapshotBytes byte budget of one run's inputs and output
 * @param maxSnapshotDepth nesting levels recorded
 * @param maxSnapshotElements elements recorded per collection, map, array or object
 * @param safeTypes types Jackson may write through their getters
 * @param closeTimeout how long close() delivers at most
 * @param tagTimeout how long Traced.tag() waits for registration
 * @param retryBackoff first wait before retrying a failed back-end
 * @param maxRetryBackoff longest wait between attempts
 * @param connectTimeout how long to wait for a connection to the server
 * @param requestTimeout how long to wait for the server's answer to one request
 * @param url the team server's normalised base URL, or null for the embedded store (or a custom sink)
 * @param apiKey the server's API key, or null for none
 * @param sink the custom sink, or null
 */
public record TrackerSettings(String project, Path home, List<String> appPackages, int queueCapacity,
        long maxQueueBytes, int maxSnapshotBytes, int maxSnapshotDepth, int maxSnapshotElements,
        List<Class<?>> safeTypes, Duration closeTimeout, Duration tagTimeout, Duration retryBackoff,
        Duration maxRetryBackoff, Duration connectTimeout, Duration requestTimeout, String url, String apiKey,
        CustomSink sink) {
    /** Copies the lists. */
    public TrackerSettings {
        appPackages = List.copyOf(appPackages);
        safeTypes = List.copyOf(safeTypes);
    }
}
