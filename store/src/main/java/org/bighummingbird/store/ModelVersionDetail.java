package org.bighummingbird.store;

import java.util.List;

/**
 * A model version with everything recorded beside its key.
 *
 * @param info the listing fields
 * @param runCount runs recorded for it
 * @param code source text or bytecode listing
 * @param codeKind {@code source} or {@code bytecode}
 * @param metadataJson JVM, git and library metadata as JSON
 * @param outputShapes the output shapes seen in its runs, most frequent first
 */
public record ModelVersionDetail(
        ModelVersionInfo info, long runCount, String code, String codeKind, String metadataJson,
        List<ShapeCount> outputShapes) {

    /**
     * An output shape and how many runs had it.
     *
     * @param shapeJson the shape as JSON
     * @param runs the number of runs
     */
    public record ShapeCount(String shapeJson, long runs) {}
}
