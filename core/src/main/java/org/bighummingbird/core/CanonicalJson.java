package org.bighummingbird.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JCS) canonical JSON of a Jackson tree: no whitespace, object members sorted by their
 * names' UTF-16 code units, strings escaped as the RFC says, numbers in ECMAScript's
 * Number-to-String form. Two values that mean the same JSON give the same text, whatever their key
 * order or number spelling ({@code 1.0} and {@code 1}, {@code 2e-3} and {@code 0.002}).
 *
 * <p>Numbers are IEEE doubles, as the RFC says. A fractional or exponent number becomes the nearest
 * double (as every JSON parser reads it: {@code 333333333.33333329} is {@code 333333333.3333333}).
 * An integer ({@code int}, {@code long}, {@code BigInteger}) must lie within ±2^53, where doubles
 * hold every integer exactly; a larger one is rejected rather than silently rounded (an id of 20
 * digits would otherwise change): store it as a string. NaN and the infinities are rejected, as are
 * strings with unpaired surrogates (RFC 8785 requires I-JSON). Thread-safe; stateless.
 */
public final class CanonicalJson {
    /** The largest integer a double holds exactly, together with every smaller one: 2^53. */
    public static final long MAX_EXACT_INTEGER = 1L << 53;

    private static final BigInteger MAX_EXACT = BigInteger.valueOf(MAX_EXACT_INTEGER);
    /**
     * Reads JSON text for {@link #parse}: duplicate member names are an error (I-JSON), fractions
     * become doubles, a second value after the first is an error.
     */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {}

    /**
     * The canonical text of {@code node}.
     *
     * @throws InvalidJson naming where the value holds something JSON numbers or strings cannot
     */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** Appends the canonical text of {@code node} to {@code out}; see {@link #write(JsonNode)}. */
    public static void write(JsonNode node, StringBuilder out) {
        try {
            value(node, out);
        } catch (Problem p) {
            throw new InvalidJson(p.path() + ": " + p.getMessage());
        }
    }

    /**
     * Parses one JSON value (duplicate member names rejected) and returns its canonical text.
     *
     * @throws InvalidJson when {@code json} is not exactly one JSON value, or has no canonical form
     */
    public static String canonicalize(String json) {
        return write(parse(json));
    }

    /**
     * Parses one JSON value as the canonicaliser reads it: duplicate member names and trailing text
     * are errors.
     *
     * @throws InvalidJson with the parser's reason and position
     */
    public static JsonNode parse(String json) {
        if (json == null) {
            throw new InvalidJson("JSON text must not be null");
        }
        try {
            JsonNode node = READER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJson("JSON text is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidJson("not JSON: " + e.getOriginalMessage() + locationOf(e), e);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static void value(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, out);
            case ARRAY -> array(node, out);
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new Problem("a " + node.getNodeType() + " node has no JSON form");
        }
    }

    private static void object(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        // String.compareTo orders by UTF-16 code units, exactly what RFC 8785 section 3.2.3 asks.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            Map.Entry<String, JsonNode> member = members.get(i);
            if (i > 0) {
                out.append(',');
            }
            try {
                string(member.getKey(), out);
                out.append(':');
                value(member.getValue(), out);
            } catch (Problem p) {
                throw p.under(memberSegment(member.getKey()));
            }
        }
        out.append('}');
    }

    private static void array(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            try {
                value(node.get(i), out);
            } catch (Problem p) {
                throw p.under("[" + i + "]");
            }
        }
        out.append(']');
    }

    private static String memberSegment(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name : "[" + quoted(name) + "]";
    }

    private static String quoted(String name) {
        StringBuilder s = new StringBuilder();
        try {
            string(name, s);
        } catch (Problem p) {
            return "\"?\"";
        }
        return s.toString();
    }

    /** RFC 8785 section 3.2.2.2: only {@code "}, {@code \} and controls are escaped; the rest is literal. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new Problem(String.format("string has an unpaired surrogate U+%04X at index %d", (int) c, i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.abs().compareTo(MAX_EXACT) > 0) {
                throw new Problem("integer " + value + " is beyond ±2^53 (" + MAX_EXACT_INTEGER
                        + "), where JSON numbers (IEEE doubles) stop holding every integer exactly;"
                        + " store it as a string");
            }
            return value.toString();
        }
        double d = node.isFloat() ? Double.parseDouble(Float.toString(node.floatValue()))
                : node.isBigDecimal() ? node.decimalValue().doubleValue()
                : node.doubleValue();
        if (!Double.isFinite(d)) {
            throw new Problem((node.isBigDecimal() ? "number " + node.decimalValue() + " is beyond the double range"
                    : d + " is not a JSON number") + " (RFC 8785 numbers are finite IEEE doubles)");
        }
        return number(d);
    }

    /**
     * ECMAScript's Number::toString of a finite double (ECMA-262 section 6.1.6.1.20): the shortest
     * decimal that reads back as {@code d}, the nearest one when several are as short; plain digits
     * for exponents from -6 to 20, else {@code d.ddde±x}; {@code -0} is {@code 0}.
     *
     * @throws IllegalArgumentException when {@code d} is NaN or infinite
     */
    public static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(d + " has no JSON form");
        }
        if (d == 0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < MAX_EXACT_INTEGER) {
            return Long.toString((long) d);
        }
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // d = 0.digits × 10^n
        StringBuilder out = new StringBuilder(24);
        if (d < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
        return out.toString();
    }

    /**
     * The shortest decimal that reads back as the positive double {@code d}, the nearest to it among
     * the shortest, trailing zeros stripped. Java 17's {@code Double.toString} always reads back but
     * is not always shortest or nearest (JDK-4511638), so it serves as the start: a normal double's
     * decimal of at most 15 digits is the only one that short reading back as it (15 digits always
     * survive the round trip), so it is taken as is. Otherwise precisions are tried downwards while a
     * decimal of that length still reads back (lengths that do are closed upwards: append a zero).
     */
    private static BigDecimal shortest(double d) {
        BigDecimal java = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (java.precision() <= 15 && d >= Double.MIN_NORMAL) {
            return java;
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal best = nearestReadingBack(exact, d, java.precision());
        if (best == null) {
            best = java;
        }
        for (int precision = best.stripTrailingZeros().precision() - 1; precision >= 1; precision--) {
            BigDecimal shorter = nearestReadingBack(exact, d, precision);
            if (shorter == null) {
                break;
            }
            best = shorter;
        }
        return best.stripTrailingZeros();
    }

    /**
     * Of the decimals with {@code precision} digits that read back as {@code d}, the nearest to it
     * (the even one on a tie, as ECMAScript says), or null when none does. Those that do form an
     * interval around {@code d}, so only the decimals just below and above it are candidates, and the
     * nearest is one of them: when it does not read back, only the other one can.
     */
    private static BigDecimal nearestReadingBack(BigDecimal exact, double d, int precision) {
        BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == d) {
            return nearest;
        }
        BigDecimal other = exact.round(new MathContext(precision,
                nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR));
        return other.doubleValue() == d ? other : null;
    }

    /** A failure deep in the value, collecting its path on the way out. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> segments = new ArrayList<>();

        Problem(String message) {
            super(message, null, false, false);
        }

        Problem under(String segment) {
            segments.add(segment);
            return this;
        }

        String path() {
            StringBuilder path = new StringBuilder("$");
            for (int i = segments.size() - 1; i >= 0; i--) {
                path.append(segments.get(i));
            }
            return path.toString();
        }
    }
}
