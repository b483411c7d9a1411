package org.bighummingbird;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.core.Hashing;
import org.bighummingbird.internal.remote.ServerUrl;
import org.bighummingbird.spi.RunSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each destination's spool lives under the home: one directory per kind of sink and per
 * destination, so that spooled runs are replayed only into the destination they were meant for.
 * <ul>
 *   <li>the embedded store: {@code spool} (as before: that directory was always the store's);
 *   <li>a server: {@code spool-remote/<16 hex digits of SHA-256 of the normalised URL and the API
 *       key's id>}. The id is the public {@code <id>} of {@code bhb_<id>_<secret>}: it names the key
 *       without the server (which would have to be reachable to say which workspace a key belongs
 *       to), and never the secret. A key with a mended secret keeps its id and its spool; another key,
 *       even of the same workspace, has a spool of its own;
 *   <li>a custom sink: {@code spool-sink/<RunSink.spoolName()>}.
 * </ul>
 */
final class SpoolLocations {
    private static final Logger LOG = LoggerFactory.getLogger(BigHummingbird.class);
    private static final int MAX_NAME = 200;
    private static final Set<Path> REPORTED = ConcurrentHashMap.newKeySet();

    private SpoolLocations() {}

    static Path store(Path home) {
        return home.resolve("spool");
    }

    /** The spool of runs for the server at {@code url}, sent with {@code apiKey} (null: none). */
    static Path remote(Path home, ServerUrl url, String apiKey) {
        return home.resolve("spool-remote").resolve(Hashing.sha256Hex(url.normalised() + '\n' + keyIdentity(apiKey))
                .substring(0, 16));
    }

    /**
     * What names a key in its spool's name: {@code key <id>}; {@code no key}; or, for a key not of
     * the form {@code bhb_<12 hex>_…} (which no server accepts), {@code unrecognised key}: its text
     * may be all secret.
     */
    static String keyIdentity(String apiKey) {
        if (apiKey == null) {
            return "no key";
        }
        boolean wellFormed = apiKey.length() > 17 && apiKey.startsWith("bhb_") && apiKey.charAt(16) == '_'
                && apiKey.substring(4, 16).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        return wellFormed ? "key " + apiKey.substring(4, 16) : "unrecognised key";
    }

    /**
     * The spool of a custom sink, named by {@link RunSink#spoolName()}.
     *
     * @throws IllegalArgumentException when the name cannot name a directory of its own
     */
    static Path custom(Path home, RunSink sink) {
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

    /**
     * Logs once where runs an earlier SDK spooled for this URL wait: it named the directory by the URL
     * alone, so which key wrote them cannot be told, and replaying them with this key could put them
     * into another workspace. They are left there for a person to move into the right key's spool.
     */
    static void reportEarlierRemoteSpool(Path home, ServerUrl url, Path spool) {
        Path earlier = home.resolve("spool-remote").resolve(url.spoolName());
        if (earlier.equals(spool) || !hasSegments(earlier) || !REPORTED.add(earlier)) {
            return;
        }
        LOG.warn("BigHummingbird found runs an earlier version spooled for {} in {}; it cannot tell which API key"
                + " they were for, so it leaves them there. To deliver them with the key in use now, move the"
                + " spool-* files into {}", url, earlier, spool);
    }

    private static boolean hasSegments(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "spool-*")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
