package org.bighummingbird.core;

import java.util.List;
import java.util.Objects;

/**
 * What is needed to run a model version again: the Java-serialized function (its
 * {@code SerializedLambda}, captured values included) and the application class files it needs, named
 * by SHA-256 so identical class files are stored once. A version whose function could not be captured
 * has a capsule too: not runnable, with the reason. Immutable (the byte array is not copied: do not
 * change it).
 *
 * @param runnable whether the version can be loaded
 * @param reason why not, or null when runnable
 * @param function the serialized function; null when not runnable
 * @param classes the application classes, by binary name and digest; empty when not runnable
 */
public record Capsule(boolean runnable, String reason, byte[] function, List<ClassRef> classes) {
    /** Most bytes a capsule (class files and function) may have. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    /** Checks the values. */
    public Capsule {
        classes = List.copyOf(classes);
        if (runnable) {
            Objects.requireNonNull(function, "function");
        } else {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A capsule that records only why its version cannot be loaded. */
    public static Capsule notRunnable(String reason) {
        return new Capsule(false, reason, null, List.of());
    }

    /**
     * One class of a capsule.
     *
     * @param name the binary name, as {@code com.acme.Model$Helper}
     * @param sha256 lowercase hex SHA-256 of the class file
     */
    public record ClassRef(String name, String sha256) {
        /** Checks the values. */
        public ClassRef {
            Objects.requireNonNull(name, "name");
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits, got " + sha256);
            }
        }
    }
}
