package org.bighummingbird.core;

/**
 * The naming rule shared by projects, models, datasets and judges: 1 to 200 characters of Unicode
 * letters, digits, spaces and {@code _ - .}; not blank, not only dots and spaces ({@code .} and
 * {@code ..} are path segments with a meaning of their own); no {@code :} and no control characters.
 */
public final class Names {
    /** Longest accepted name, in characters (code points). */
    public static final int MAX_LENGTH = 200;

    private Names() {}

    /**
     * Returns {@code name} when it is valid, else throws.
     *
     * @param what what the name names ("model name", "project name"), used in the message
     * @throws InvalidName saying which rule the name breaks and quoting it
     */
    public static String requireValid(String what, String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new InvalidName(what + " " + problem);
        }
        return name;
    }

    /** Whether {@code name} is valid. */
    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    private static String problem(String name) {
        if (name == null) {
            return "must not be null";
        }
        if (name.isBlank()) {
            return "must not be blank, got \"" + printable(name) + "\"";
        }
        if (name.codePoints().allMatch(cp -> cp == '.' || Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
            // ".", ".." and the like are path segments with a meaning of their own in every URL
            return "must not be only dots and spaces, got \"" + printable(name) + "\"";
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters, got " + length;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!allowed(cp)) {
                return "may hold only letters, digits, spaces and _ - . but has "
                        + describe(cp) + " at index " + i + " in \"" + printable(name) + "\"";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static boolean allowed(int cp) {
        return Character.isLetterOrDigit(cp) || cp == ' ' || cp == '_' || cp == '-' || cp == '.';
    }

    private static String describe(int cp) {
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            return String.format("control character U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    /** The name with control characters escaped, safe to put into a message or a log line. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < s.length() && shown < 80; shown++) {
            int cp = s.codePointAt(i);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (shown == 80 && s.codePointCount(0, s.length()) > 80) {
            out.append('…');
        }
        return out.toString();
    }
}
