package org.bighummingbird.core;

import java.util.Objects;
import java.util.Set;

/**
 * What a client sends to register a judge version: the identity key and what is recorded beside it.
 *
 * @param judgeName the judge's name
 * @param key identity key, SHA-256 hex: of the rubric's and criterion's code fingerprints for a
 *     code judge, of the canonical spec JSON for a declarative one
 * @param kind {@code code}, {@code exact}, {@code contains}, {@code regex}, {@code tolerance} or {@code llm}
 * @param description what the judge scores, shown to people
 * @param specJson a declarative judge's spec (everything it needs to run), or a code judge's signature
 * @param code a code judge's source text or bytecode listing; empty for declarative judges
 * @param metadataJson recorded, not keyed on
 */
public record JudgeRegistration(
        String judgeName, String key, String kind, String description, String specJson, String code,
        String metadataJson) {
    /** The kinds a judge version may have. */
    public static final Set<String> KINDS = Set.of("code", "exact", "contains", "regex", "tolerance", "llm");

    public JudgeRegistration {
        Names.requireValid("judge name", judgeName);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ", got " + kind);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(metadataJson, "metadataJson");
    }

    /**
     * The key of a declarative judge: SHA-256 hex of its spec JSON exactly as stored (the SDK writes
     * it with keys sorted and no whitespace), so every setting in the spec is keyed on.
     */
    public static String declarativeKey(String specJson) {
        return Hashing.sha256Hex(specJson);
    }

    /**
     * The key of a code judge: keyed on code alone, the rubric's kind and the fingerprints of the
     * rubric and the criterion (the declared types come from best-effort sources and must not split
     * versions).
     *
     * @param rubricKind {@code output} (the rubric sees the output) or {@code row} (also the input
     *     and expected value)
     * @param criterionFingerprint null when the judge only scores
     */
    public static String codeKey(String rubricKind, String rubricFingerprint, String criterionFingerprint) {
        return Hashing.sha256Hex("code|" + rubricKind + "|" + rubricFingerprint + "|"
                + (criterionFingerprint == null ? "none" : criterionFingerprint));
    }
}
