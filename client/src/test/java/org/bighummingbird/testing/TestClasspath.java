package org.bighummingbird.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import org.bighummingbird.BigHummingbird;

/**
 * The test runtime class path, for compiling programs against it and running them in other JVMs.
 * Surefire puts it on {@code java.class.path} only when it does not hide it in a manifest-only jar
 * (configured in this module's pom); this fails fast when that configuration is missing.
 */
public final class TestClasspath {
    private TestClasspath() {}

    public static String get() {
        String cp = System.getProperty("java.class.path");
        Path sdk = location(BigHummingbird.class);
        boolean hasSdk = Arrays.stream(cp.split(File.pathSeparator))
                .anyMatch(e -> Path.of(e).toAbsolutePath().normalize().equals(sdk));
        if (!hasSdk) {
            throw new IllegalStateException("java.class.path does not hold the SDK's classes (surefire's"
                    + " useManifestOnlyJar must be false): " + cp);
        }
        return cp;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
