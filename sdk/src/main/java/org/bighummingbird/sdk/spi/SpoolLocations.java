package org.bighummingbird.sdk.spi;

import java.nio.file.Path;

/**
 * Where each destination's spool lives under the home: one directory per kind of sink and per
 * destination, so that spooled runs are replayed only into the destination they were meant for.
 * <ul>
 *   <li>the embedded store: {@code spool} (as before: that directory was always the store's);
 *   <li>a server ({@code RemoteSpools} in bhb-exporter-http): {@code spool-remote/<16 hex digits of SHA-256 of the normalised URL and the API
 *       key's id>}. The id is the public {@code <id>} of {@code bhb_<id>_<secret>}: it names the key
 *       without the server (which would have to be reachable to say which workspace a key belongs
 *       to), and never the secret. A key with a mended secret keeps its id and its spool; another key,
 *       even of the same workspace, has a spool of its own;
 *   <li>a custom sink: {@code spool-sink/<RunSink.spoolName()>}.
 * </ul>
 */
public final class SpoolLocations {
    private static final int MAX_NAME = 200;

    private SpoolLocations() {}

    /** The embedded store's spool. */
    public static Path store(Path home) {
        return home.resolve("spool");
    }


    /**
     * The spool of a custom sink, named by {@link RunSink#spoolName()}.
     *
     * @throws IllegalArgumentException when the name cannot name a directory of its own
     */
    public static Path custom(Path home, RunSink sink) {
        String name = sink.spoolName();
        boolean ok = name != null && !name.isEmpty() && name.length() <= MAX_NAME && name.charAt(0) != '.'
                && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'
                        || c == '$');
        if (!ok) {
            throw new IllegalArgumentException("sink.spoolName() must be 1 to " + MAX_NAME + " letters, digits, '.',"
                    + " '_', '-' or '$', not starting with '.', got " + (name == null ? "null" : "\"" + name + "\""));
        }
        return home.resolve("spool-sink").resolve(name);
    }
}
