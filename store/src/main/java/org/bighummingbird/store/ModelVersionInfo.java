package org.bighummingbird.store;

import org.bighummingbird.core.Tag;

/**
 * One model version in a listing. Its run count is on {@link ModelVersionDetail}: a listing counts no runs.
 *
 * @param tag its tag
 * @param versionKey the identity key (code fingerprint + signature)
 * @param codeFingerprint the code fingerprint alone
 * @param signatureJson the declared signature as JSON
 * @param createdAtMicros when the store first saw it
 */
public record ModelVersionInfo(
        Tag tag, String versionKey, String codeFingerprint, String signatureJson, long createdAtMicros) {}
