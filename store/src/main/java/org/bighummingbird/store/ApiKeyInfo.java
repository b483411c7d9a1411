package org.bighummingbird.store;

/**
 * An API key as listed: everything but its secret, which the store never holds.
 *
 * @param id the key's public id, 12 lowercase hex characters
 * @param workspace the name of the workspace the key is scoped to
 * @param name the key's label, possibly empty
 * @param createdAtMicros when it was created, microseconds since the epoch
 * @param revokedAtMicros when it was revoked, or null while it is active
 */
public record ApiKeyInfo(String id, String workspace, String name, long createdAtMicros, Long revokedAtMicros) {
    /** Whether the key has been revoked and no longer authenticates. */
    public boolean revoked() {
        return revokedAtMicros != null;
    }
}
