package org.bighummingbird.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try a failed call again: a backoff that starts at {@code first} and doubles per retry up
 * to {@code max}, and the server's {@code Retry-After} honoured as the least wait, up to
 * {@code maxRetryAfter}: the wait before retry {@code n} is {@code max(backoff(n), min(retryAfter,
 * maxRetryAfter))}. Also reads {@code Retry-After} headers ({@link #parseRetryAfter}) and runs a
 * blocking retry loop ({@link #retry}) for callers that may wait on their own thread. Immutable and
 * thread-safe.
 */
public final class Backoff {
    /** The longest wait a parsed {@code Retry-After} may say: larger values are saturated to it. */
    public static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(365);

    // An HTTP-date is 29 characters; anything much longer is not one and is not worth parsing.
    private static final int MAX_HEADER_CHARS = 64;

    private final Duration first;
    private final Duration max;
    private final Duration maxRetryAfter;

    private Backoff(Duration first, Duration max, Duration maxRetryAfter) {
        this.first = first;
        this.max = max;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * A schedule.
     *
     * @param first the wait before the first retry; zero or more
     * @param max the longest backoff; raised to {@code first} when smaller
     * @param maxRetryAfter the longest a server's {@code Retry-After} may make a wait; zero or more
     * @throws IllegalArgumentException when a duration is negative, naming it
     */
    public static Backoff of(Duration first, Duration max, Duration maxRetryAfter) {
        requireNotNegative(first, "first");
        requireNotNegative(max, "max");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        return new Backoff(first, max.compareTo(first) < 0 ? first : max, maxRetryAfter);
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or more, got " + d);
        }
    }

    /**
     * The backoff before retry {@code retry} (1 for the first): {@code first} doubled
     * {@code retry - 1} times, at most {@code max}.
     *
     * @throws IllegalArgumentException when {@code retry} is below 1
     */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be 1 or more, got " + retry);
        }
        Duration d = first;
        for (int i = 1; i < retry && !d.isZero() && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /**
     * The wait before retry {@code retry}: its backoff, or the server's {@code Retry-After} (capped
     * at {@code maxRetryAfter}) when that is longer.
     *
     * @param retryAfter what the server asked for, or empty
     */
    public Duration wait(int retry, Optional<Duration> retryAfter) {
        Duration backoff = backoff(retry);
        if (retryAfter.isEmpty() || retryAfter.get().isNegative()) {
            return backoff;
        }
        Duration asked = retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    /**
     * Reads a {@code Retry-After} value: delta-seconds ({@code "120"}) or an HTTP-date
     * ({@code "Fri, 27 Nov 2026 03:00:30 GMT"}, measured from {@code now}; a date in the past is
     * zero). Values above {@link #LONGEST_RETRY_AFTER} are saturated to it. Empty when absent,
     * blank, negative, too long or otherwise unreadable.
     */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank() || value.length() > MAX_HEADER_CHARS) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // more digits than a long holds is still a (very long) wait, not garbage
            long seconds = v.length() > 18 ? Long.MAX_VALUE : Long.parseLong(v);
            return Optional.of(atMostLongest(seconds));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            if (wait.isNegative()) {
                return Optional.of(Duration.ZERO);
            }
            return Optional.of(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration atMostLongest(long seconds) {
        return seconds >= LONGEST_RETRY_AFTER.getSeconds() ? LONGEST_RETRY_AFTER : Duration.ofSeconds(seconds);
    }

    /**
     * Runs {@code attempt} until it is done, at most {@code maxAttempts} times, waiting between
     * attempts as {@link #wait} says. The attempt decides what is retryable: it returns
     * {@link Outcome#done} with a result, {@link Outcome#again} to be tried again, or throws to stop.
     * On its last attempt ({@code last} true) it must not ask again.
     *
     * @throws E what the attempt threw
     * @throws InterruptedException when the thread is interrupted before or while waiting (the
     *     interrupt flag is then clear, as {@link Thread#sleep} leaves it), or the attempt threw it
     * @throws IllegalStateException when the last attempt asked to be tried again
     */
    public <T, E extends Exception> T retry(int maxAttempts, Attempt<T, E> attempt) throws E, InterruptedException {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more, got " + maxAttempts);
        }
        for (int number = 1; ; number++) {
            boolean last = number >= maxAttempts;
            Outcome<T> outcome = attempt.run(number, last);
            if (outcome instanceof Outcome.Done<T> done) {
                return done.value();
            }
            if (last) {
                throw new IllegalStateException("the last attempt (" + number + ") asked to be tried again");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before retry " + number);
            }
            Thread.sleep(wait(number, ((Outcome.Again<T>) outcome).retryAfter()).toMillis());
        }
    }

    /**
     * One attempt of a call retried by {@link #retry}.
     *
     * @param <T> the call's result
     * @param <E> what the call throws to stop retrying
     */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        /**
         * Makes the call once.
         *
         * @param number the attempt's number, 1 for the first
         * @param last whether no further attempt may follow
         * @throws InterruptedException when the call itself was interrupted; the loop passes it on
         */
        Outcome<T> run(int number, boolean last) throws E, InterruptedException;
    }

    /**
     * How an attempt ended: done, or to be tried again.
     *
     * @param <T> the call's result
     */
    public sealed interface Outcome<T> {
        /** A finished call with its result (may be null). */
        static <T> Outcome<T> done(T value) {
            return new Done<>(value);
        }

        /** A call to try again, after at least {@code retryAfter} when the server said so. */
        static <T> Outcome<T> again(Optional<Duration> retryAfter) {
            return new Again<>(Objects.requireNonNull(retryAfter, "retryAfter"));
        }

        /**
         * A finished call.
         *
         * @param value its result
         */
        record Done<T>(T value) implements Outcome<T> {}

        /**
         * A call to try again.
         *
         * @param retryAfter what the server asked for, or empty
         */
        record Again<T>(Optional<Duration> retryAfter) implements Outcome<T> {}
    }
}
