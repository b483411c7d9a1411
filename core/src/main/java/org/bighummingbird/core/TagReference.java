package org.bighummingbird.core;

/**
 * What a user may write to name a version: a {@link Tag} or {@code name:latest}.
 *
 * @param name a valid name
 * @param version the version, or {@link #LATEST} for the highest
 */
public record TagReference(String name, int version) {
    /** The version of {@code name:latest}. */
    public static final int LATEST = 0;

    public TagReference {
        Names.requireValid("tag name", name);
        if (version < 0) {
            throw new InvalidTag("tag version must be 1 or more, got " + version);
        }
    }

    /**
     * Parses {@code name:vN} or {@code name:latest}.
     *
     * @throws InvalidTag naming what is wrong with {@code text}
     */
    public static TagReference parse(String text) {
        if (text == null) {
            throw new InvalidTag("tag must not be null");
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new InvalidTag("tag must be name:vN or name:latest, got \"" + Names.printable(text) + "\"");
        }
        String name = text.substring(0, colon);
        String version = text.substring(colon + 1);
        if (!Names.isValid(name)) {
            try {
                Names.requireValid("name", name);
            } catch (InvalidName e) {
                throw new InvalidTag("tag \"" + Names.printable(text) + "\" is invalid: its " + e.getMessage());
            }
        }
        if (version.equals("latest")) {
            return new TagReference(name, LATEST);
        }
        return new TagReference(name, Tag.parseVersion(version, text));
    }

    /** Whether this reference means the highest version. */
    public boolean isLatest() {
        return version == LATEST;
    }

    @Override
    public String toString() {
        return isLatest() ? name + ":latest" : name + ":v" + version;
    }
}
