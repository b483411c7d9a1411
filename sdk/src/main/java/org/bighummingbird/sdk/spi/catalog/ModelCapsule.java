package org.bighummingbird.sdk.spi.catalog;

import org.bighummingbird.core.Capsule;
import org.bighummingbird.core.Tag;
import org.bighummingbird.core.VersionRegistration;

/**
 * A model version as {@code load} needs it: what it was registered with, and its capsule.
 *
 * @param tag the version's tag ({@code latest} resolved)
 * @param registration the version's key, signature and recorded fields, as first registered
 * @param capsule its capsule, or null when none was recorded for it
 */
public record ModelCapsule(Tag tag, VersionRegistration registration, Capsule capsule) {}
