package org.bighummingbird.sdk.internal.export;

import java.util.List;

/**
 * How much of a run's inputs and output the calling thread records. Past a limit the value is cut
 * and a {@code {"$truncated": {…}}} marker says where and why (see {@link Snapshots}).
 *
 * @param maxBytes estimated JSON bytes per run: the inputs share at most half, the output gets what
 *     the inputs left (a character counts one byte, a number its longest form)
 * @param maxDepth nesting levels kept; a container deeper than this becomes a marker
 * @param maxElements elements kept of one collection, map, array or object's fields; a primitive
 *     array longer than this is summarised (length, prefix, SHA-256)
 * @param safeTypes types (and their subtypes) that Jackson may write through their getters, on the
 *     calling thread; every other object is read by its fields only
 */
public record SnapshotLimits(int maxBytes, int maxDepth, int maxElements, List<Class<?>> safeTypes) {
    /** Deepest nesting that can be asked for: the snapshot recurses once per level on the calling thread. */
    public static final int DEPTH_CEILING = 1_000;

    /** The defaults: 64 KiB a run, 64 levels, 1,000 elements, no safe types. */
    public static SnapshotLimits defaults() {
        return new SnapshotLimits(64 * 1024, 64, 1_000, List.of());
    }

    /** Validates every limit, naming the builder option that sets it. */
    public SnapshotLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxSnapshotBytes must be positive, got " + maxBytes);
        }
        if (maxDepth < 1 || maxDepth > DEPTH_CEILING) {
            throw new IllegalArgumentException(
                    "maxSnapshotDepth must be between 1 and " + DEPTH_CEILING + ", got " + maxDepth);
        }
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxSnapshotElements must be positive, got " + maxElements);
        }
        if (safeTypes == null || safeTypes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("safeTypes must not be or contain null, got " + safeTypes);
        }
        safeTypes = List.copyOf(safeTypes);
    }
}
