package org.bighummingbird.exporter.http;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bighummingbird.core.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where runs for a team server wait: {@code spool-remote/<16 hex digits of SHA-256 of the normalised
 * URL and the API key's id>} under the home, apart from every other destination's spool (see
 * {@link org.bighummingbird.sdk.spi.SpoolLocations}). Thread-safe.
 */
public final class RemoteSpools {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSpools.class);
    private static final Set<Path> REPORTED = ConcurrentHashMap.newKeySet();

    private RemoteSpools() {}

    /** The spool of runs for the server at {@code url}, sent with {@code apiKey} (null: none). */
    public static Path remote(Path home, ServerUrl url, String apiKey) {
        return home.resolve("spool-remote").resolve(Hashing.sha256Hex(url.normalised() + '\n' + keyIdentity(apiKey))
                .substring(0, 16));
    }

    /**
     * What names a key in its spool's name: {@code key <id>}; {@code no key}; or, for a key not of
     * the form {@code bhb_<12 hex>_…} (which no server accepts), {@code unrecognised key}: its text
     * may be all secret.
     */
    public static String keyIdentity(String apiKey) {
        if (apiKey == null) {
            return "no key";
        }
        boolean wellFormed = apiKey.length() > 17 && apiKey.startsWith("bhb_") && apiKey.charAt(16) == '_'
                && apiKey.substring(4, 16).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        return wellFormed ? "key " + apiKey.substring(4, 16) : "unrecognised key";
    }

    /**
     * Logs once where runs an earlier SDK spooled for this URL wait: it named the directory by the URL
     * alone, so which key wrote them cannot be told, and replaying them with this key could put them
     * into another workspace. They are left there for a person to move into the right key's spool.
     */
    public static void reportEarlierRemoteSpool(Path home, ServerUrl url, Path spool) {
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
