package org.bighummingbird.store;

/**
 * A key just created: its listing and the token, which exists only here and is shown once. The
 * store keeps a hash of the secret, so a lost token cannot be recovered, only replaced.
 *
 * @param info the key as {@link ApiKeyStore#list()} lists it
 * @param token {@code bhb_<id>_<secret>}, the value of {@code Authorization: Bearer}
 */
public record NewApiKey(ApiKeyInfo info, String token) {
    /** The key without its token, so that logging the record never leaks the secret. */
    @Override
    public String toString() {
        return "NewApiKey[info=" + info + ", token=<hidden>]";
    }
}
