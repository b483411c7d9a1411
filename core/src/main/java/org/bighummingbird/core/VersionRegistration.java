package org.bighummingbird.core;

import java.util.Objects;

/**
 * What a client sends to register a model version: the identity key and what is recorded beside it.
 *
 * @param modelName the model's name
 * @param key identity key: SHA-256 hex over the code fingerprint and the declared signature
 * @param codeFingerprint SHA-256 hex of the normalised bytecode
 * @param signatureJson the declared signature as JSON ({@code {"parameters":[…],"returns":…,"erased":…}})
 * @param code source text or bytecode listing, shown to people, not keyed on
 * @param codeKind {@code source} or {@code bytecode}
 * @param metadataJson JVM version, git state, library versions: recorded, not keyed on
 */
public record VersionRegistration(
        String modelName,
        String key,
        String codeFingerprint,
        String signatureJson,
        String code,
        String codeKind,
        String metadataJson) {
    public VersionRegistration {
        Names.requireValid("model name", modelName);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(codeFingerprint, "codeFingerprint");
        Objects.requireNonNull(signatureJson, "signatureJson");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(codeKind, "codeKind");
        Objects.requireNonNull(metadataJson, "metadataJson");
    }
}
