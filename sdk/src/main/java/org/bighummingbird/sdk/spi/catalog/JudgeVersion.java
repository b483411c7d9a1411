package org.bighummingbird.sdk.spi.catalog;

import org.bighummingbird.core.Tag;

/**
 * One stored judge version.
 *
 * @param id its store id
 * @param tag its tag
 * @param key the identity key
 * @param kind {@code code}, {@code exact}, {@code contains}, {@code regex}, {@code tolerance} or {@code llm}
 * @param description what the judge scores
 * @param specJson a declarative judge's spec, or a code judge's signature, as JSON
 * @param code a code judge's source text or bytecode listing; empty for declarative judges
 * @param metadataJson recorded beside the key
 * @param createdAtMicros when the store first saw it
 */
public record JudgeVersion(
        String id, Tag tag, String key, String kind, String description, String specJson, String code,
        String metadataJson, long createdAtMicros) {}
