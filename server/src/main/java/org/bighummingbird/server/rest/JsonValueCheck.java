package org.bighummingbird.server.rest;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Whether a string is exactly one JSON value, accepting what {@link StrictJson}'s Jackson parser
 * accepts, without creating a parser: RFC 8259 values surrounded by JSON whitespace only, nesting at
 * most a given depth, no key twice in one object, Jackson's default limits on numbers and keys, and
 * Jackson's refusal of an escaped unpaired surrogate in a key (in a string value it accepts one).
 *
 * <p>Checking every run's {@code …Json} fields with a Jackson parser took 13 % of the server's CPU on
 * the ingest path, half of it creating the parser. This check allocates nothing once its thread's
 * {@link ObjectKeys} have grown to the values it sees. Thread-safe.
 */
final class JsonValueCheck {
    /** Digits in a number (integer, fraction and exponent together) that StrictJson's parser allows. */
    private static final int MAX_NUMBER_DIGITS = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;
    /** Characters in a key, after decoding escapes, that StrictJson's parser allows. */
    private static final int MAX_KEY_LENGTH = StreamReadConstraints.DEFAULT_MAX_NAME_LEN;
    private static final int FAIL = -1;
    private static final ThreadLocal<ObjectKeys> KEYS = ThreadLocal.withInitial(ObjectKeys::new);

    private JsonValueCheck() {}

    /**
     * True when {@code text} is one JSON value, nested at most {@code maxDepth} arrays and objects
     * deep. Recurses two calls deep per level of nesting.
     */
    static boolean isOneValue(String text, int maxDepth) {
        ObjectKeys keys = KEYS.get();
        try {
            int end = value(text, space(text, 0), maxDepth, keys);
            return end >= 0 && space(text, end) == text.length();
        } finally {
            keys.clear();
        }
    }

    /** The index after the value at {@code i}, or {@link #FAIL}. */
    private static int value(String s, int i, int depthLeft, ObjectKeys keys) {
        if (i >= s.length()) {
            return FAIL;
        }
        return switch (s.charAt(i)) {
            case '{' -> depthLeft == 0 ? FAIL : object(s, i, depthLeft - 1, keys);
            case '[' -> depthLeft == 0 ? FAIL : array(s, i, depthLeft - 1, keys);
            case '"' -> string(s, i, false);
            case 't' -> s.startsWith("true", i) ? i + 4 : FAIL;
            case 'f' -> s.startsWith("false", i) ? i + 5 : FAIL;
            case 'n' -> s.startsWith("null", i) ? i + 4 : FAIL;
            default -> number(s, i);
        };
    }

    private static int array(String s, int start, int depthLeft, ObjectKeys keys) {
        int i = space(s, start + 1);
        if (i < s.length() && s.charAt(i) == ']') {
            return i + 1;
        }
        while (true) {
            i = value(s, i, depthLeft, keys);
            if (i < 0) {
                return FAIL;
            }
            i = space(s, i);
            char c = i < s.length() ? s.charAt(i) : 0;
            if (c == ']') {
                return i + 1;
            }
            if (c != ',') {
                return FAIL;
            }
            i = space(s, i + 1);
        }
    }

    private static int object(String s, int start, int depthLeft, ObjectKeys keys) {
        int i = space(s, start + 1);
        if (i < s.length() && s.charAt(i) == '}') {
            return i + 1;
        }
        int first = keys.open();
        while (true) {
            int key = i;
            i = string(s, key, true);
            if (i < 0) {
                return FAIL;
            }
            keys.add(s, key);
            i = space(s, i);
            if (i >= s.length() || s.charAt(i) != ':') {
                return FAIL;
            }
            i = value(s, space(s, i + 1), depthLeft, keys);
            if (i < 0) {
                return FAIL;
            }
            i = space(s, i);
            char c = i < s.length() ? s.charAt(i) : 0;
            if (c == '}') {
                return keys.close(s, first) ? i + 1 : FAIL;
            }
            if (c != ',') {
                return FAIL;
            }
            i = space(s, i + 1);
        }
    }

    /**
     * The index after the string at {@code i}. No raw control characters, only JSON's escapes; a key
     * has at most {@link #MAX_KEY_LENGTH} characters and an escaped surrogate only in an escaped pair.
     */
    private static int string(String s, int i, boolean key) {
        int n = s.length();
        if (i >= n || s.charAt(i) != '"') {
            return FAIL;
        }
        int j = i + 1;
        while (true) {
            char c = 0;
            while (j < n && (c = s.charAt(j)) != '"' && c != '\\' && c >= 0x20) {
                j++;
            }
            if (j >= n || c < 0x20) {
                return FAIL;
            }
            if (c == '"') {
                return key && j - i - 1 > MAX_KEY_LENGTH && keyLength(s, i) > MAX_KEY_LENGTH ? FAIL : j + 1;
            }
            int escaped = escaped(s, j);
            if (escaped < 0) {
                return FAIL;
            }
            j += escapeLength(s, j);
            if (key && Character.isSurrogate((char) escaped)) {
                if (Character.isLowSurrogate((char) escaped) || j >= n || s.charAt(j) != '\\') {
                    return FAIL;
                }
                int low = escaped(s, j);
                if (low < 0 || !Character.isLowSurrogate((char) low)) {
                    return FAIL;
                }
                j += escapeLength(s, j);
            }
        }
    }

    /** The length of the decoded key whose opening quote is at {@code start}. */
    private static int keyLength(String s, int start) {
        int length = 0;
        for (int i = start + 1; s.charAt(i) != '"'; length++) {
            i += s.charAt(i) == '\\' ? escapeLength(s, i) : 1;
        }
        return length;
    }

    /** The character the escape at {@code i} (a backslash) stands for, or -1 if it is no JSON escape. */
    static int escaped(String s, int i) {
        if (i + 1 >= s.length()) {
            return -1;
        }
        return switch (s.charAt(i + 1)) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (i + 5 >= s.length()) {
                    yield -1;
                }
                int code = 0;
                for (int k = i + 2; k < i + 6; k++) {
                    int digit = hexDigit(s.charAt(k));
                    if (digit < 0) {
                        yield -1;
                    }
                    code = code << 4 | digit;
                }
                yield code;
            }
            default -> -1;
        };
    }

    /** The length of the escape at {@code i}: 6 for a Unicode escape, else 2. */
    static int escapeLength(String s, int i) {
        return s.charAt(i + 1) == 'u' ? 6 : 2;
    }

    /** ASCII hex digits only: {@link Character#digit} would also take, say, a fullwidth zero. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * The index after the number at {@code i}: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}
     * with at most {@link #MAX_NUMBER_DIGITS} digits. Jackson's slower path (for a number that starts
     * with 0 or runs to the end of its buffer) counts one digit short when a number has a fraction but
     * no exponent or the other way round, so there it takes such numbers one digit longer; this check
     * refuses those and {@link StrictJson} leaves them to Jackson.
     */
    private static int number(String s, int i) {
        if (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        int integer = i;
        i = i < s.length() && s.charAt(i) == '0' ? i + 1 : digits(s, i);
        if (i == integer) {
            return FAIL;
        }
        int count = i - integer;
        if (i < s.length() && s.charAt(i) == '.') {
            int fraction = i + 1;
            i = digits(s, fraction);
            if (i == fraction) {
                return FAIL;
            }
            count += i - fraction;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = i;
            i = digits(s, exponent);
            if (i == exponent) {
                return FAIL;
            }
            count += i - exponent;
        }
        return count <= MAX_NUMBER_DIGITS ? i : FAIL;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The index of the first character from {@code i} on that is not JSON whitespace. */
    private static int space(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }
}
