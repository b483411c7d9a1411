package org.bighummingbird.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version's tag, {@code name:vN}, with N a positive integer without leading zeros.
 *
 * @param name a valid name (see {@link Names})
 * @param version 1 or more
 */
public record Tag(String name, int version) {
    private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]{0,8})");

    public Tag {
        Names.requireValid("tag name", name);
        if (version < 1) {
            throw new InvalidTag("tag version must be 1 or more, got " + version);
        }
    }

    /**
     * Parses {@code name:vN}.
     *
     * @throws InvalidTag when {@code text} is not a tag; {@code name:latest} is not a tag here, see
     *     {@link TagReference#parse(String)}
     */
    public static Tag parse(String text) {
        TagReference ref = TagReference.parse(text);
        if (ref.isLatest()) {
            throw new InvalidTag("expected a tag name:vN, got \"" + Names.printable(text) + "\"");
        }
        return new Tag(ref.name(), ref.version());
    }

    static int parseVersion(String text, String whole) {
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            throw new InvalidTag("tag version must be v followed by a positive number without leading zeros"
                    + " (as in model:v1) or latest, got \"" + Names.printable(whole) + "\"");
        }
        return Integer.parseInt(m.group(1));
    }

    @Override
    public String toString() {
        return name + ":v" + version;
    }
}
