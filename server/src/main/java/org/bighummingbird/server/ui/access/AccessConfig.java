package org.bighummingbird.server.ui.access;

import java.time.Duration;
import java.util.Objects;

/**
 * How the dashboard's sessions behave. Immutable; checked when made.
 *
 * @param sessionIdle how long a session lives without use; every use slides it; default 12 hours
 * @param sessionMaxAge how long a session lives at most, however much it is used; default 7 days
 * @param trustProxy whether {@code X-Forwarded-Proto} and {@code X-Forwarded-For} are believed (only
 *     behind a reverse proxy that sets them); default false
 * @param loginFailuresPerMinute how many failed logins one client address may make in a minute
 *     before it is refused with 429; default 10
 */
public record AccessConfig(Duration sessionIdle, Duration sessionMaxAge, boolean trustProxy,
        int loginFailuresPerMinute) {
    /** The defaults: 12 hours idle, 7 days at most, no proxy trusted, 10 failed logins a minute. */
    public static final AccessConfig DEFAULTS = new AccessConfig(Duration.ofHours(12), Duration.ofDays(7), false, 10);

    public AccessConfig {
        requirePositive("sessionIdle", sessionIdle);
        requirePositive("sessionMaxAge", sessionMaxAge);
        if (loginFailuresPerMinute < 1) {
            throw new IllegalArgumentException("loginFailuresPerMinute must be positive, got " + loginFailuresPerMinute);
        }
    }

    /** This configuration with another idle timeout. */
    public AccessConfig withSessionIdle(Duration idle) {
        return new AccessConfig(idle, sessionMaxAge, trustProxy, loginFailuresPerMinute);
    }

    /** This configuration with another absolute session lifetime. */
    public AccessConfig withSessionMaxAge(Duration maxAge) {
        return new AccessConfig(sessionIdle, maxAge, trustProxy, loginFailuresPerMinute);
    }

    /** This configuration trusting, or not, a reverse proxy's forwarded headers. */
    public AccessConfig withTrustProxy(boolean trust) {
        return new AccessConfig(sessionIdle, sessionMaxAge, trust, loginFailuresPerMinute);
    }

    /** This configuration with another failed-login limit. */
    public AccessConfig withLoginFailuresPerMinute(int failures) {
        return new AccessConfig(sessionIdle, sessionMaxAge, trustProxy, failures);
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
