package org.bighummingbird.store;

import java.util.List;
import java.util.Optional;
import org.bighummingbird.core.Names;

/**
 * The team server's API keys, kept as SHA-256 hashes of their secrets: {@link Store#apiKeys()}.
 * Thread-safe.
 */
public final class ApiKeyStore {
    private final ApiKeys keys;
    private final StoreCalls calls;

    ApiKeyStore(ApiKeys keys, StoreCalls calls) {
        this.keys = keys;
        this.calls = calls;
    }

    /**
     * Creates an API key for the workspace, creating the workspace when missing. The returned token
     * ({@code bhb_<id>_<secret>}) is the only copy: the store keeps a SHA-256 of the secret.
     *
     * @param name the key's label: empty or up to 200 characters without control characters
     * @throws org.bighummingbird.core.InvalidName when the workspace name or the label is invalid
     */
    public NewApiKey create(String workspace, String name) {
        Names.requireValid("workspace name", workspace);
        ApiKeys.requireValidName(name);
        return calls.call(() -> keys.create(workspace, name));
    }

    /** Every API key of every workspace, by workspace then creation time; never a secret. */
    public List<ApiKeyInfo> list() {
        return calls.call(keys::list);
    }

    /**
     * Revokes an API key: from then on it authenticates nothing.
     *
     * @return true when the key was active and is now revoked, false when it was revoked already
     * @throws NotFound when no key has this id
     */
    public boolean revoke(String id) {
        return calls.call(() -> keys.revoke(id));
    }

    /**
     * The workspace an API key belongs to, when {@code token} is an active key of this store; else
     * empty. A malformed token (wrong prefix or length, bad characters, null) is empty without a
     * database query. The secret is compared by hash in constant time, and never logged.
     *
     * @throws StoreUnavailable when the database cannot be read
     */
    public Optional<String> authenticate(String token) {
        return calls.call(() -> keys.authenticate(token));
    }
}
