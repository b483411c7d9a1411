package org.bighummingbird.server.ui.access;

/**
 * One API key as the keys page lists it; never its secret.
 *
 * @param id the key's public id (the token starts {@code bhb_<id>_})
 * @param name its label, possibly empty
 * @param created when it was created, as shown
 * @param lastUsed when it was last used, as shown ({@code never} when never)
 * @param revoked whether it is revoked
 * @param revokedAt when it was revoked, as shown, or empty while active
 */
public record KeyRow(String id, String name, String created, String lastUsed, boolean revoked, String revokedAt) {}
