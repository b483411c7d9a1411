/**
 * API-key authentication, run before routing: {@link org.bighummingbird.server.auth.Authentication}
 * turns {@code Authorization: Bearer <key>} into the workspace every project lookup is scoped to.
 */
package org.bighummingbird.server.auth;
