package org.bighummingbird.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** RFC 8785 appendix B: IEEE 754 bit patterns and their canonical text. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void rfcNumberSamples(String bits, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(CanonicalJson.number(d)).isEqualTo(expected);
        assertThat(CanonicalJson.write(NODES.numberNode(d))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1e+30, 1e+30",
        "1E30, 1e+30",
        "4.50, 4.5",
        "2e-3, 0.002",
        "0.000001, 0.000001",
        "1e-7, 1e-7",
        "333333333.33333329, 333333333.3333333",
        "1.0, 1",
        "-0, 0",
        "-0.0, 0",
        "100, 100",
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "123456789012345678e3, 123456789012345680000",
        "1234567890123456789e3, 1.2345678901234568e+21",
        "0.1, 0.1",
        "-1.5e-9, -1.5e-9",
        "9007199254740992, 9007199254740992",
        "-9007199254740992, -9007199254740992"
    })
    void numbersFromTextTakeEcmaScriptForm(String text, String expected) {
        assertThat(CanonicalJson.canonicalize(text)).isEqualTo(expected);
    }

    @Test
    void rfcMainExample() {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        assertThat(CanonicalJson.canonicalize(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void rfcSortingExampleOrdersByUtf16CodeUnits() {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With"
                + " Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        String canonical = CanonicalJson.canonicalize(input);
        JsonNode back = CanonicalJson.parse(canonical);
        assertThat(back.properties()).extracting(Map.Entry::getKey)
                .containsExactly("\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33");
        assertThat(canonical).startsWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\"");
    }

    @Test
    void keyOrderAndWhitespaceDoNotMatterButArrayOrderDoes() {
        assertThat(CanonicalJson.canonicalize("{ \"b\" : [1, 2], \"a\" : {\"y\":1,\"x\":2} }"))
                .isEqualTo(CanonicalJson.canonicalize("{\"a\":{\"x\":2,\"y\":1},\"b\":[1,2]}"))
                .isEqualTo("{\"a\":{\"x\":2,\"y\":1},\"b\":[1,2]}");
        assertThat(CanonicalJson.canonicalize("[2,1]")).isNotEqualTo(CanonicalJson.canonicalize("[1,2]"));
    }

    @Test
    void javaValuesCanonicaliseLikeTheirText() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1.0);
        m.put("a", List.of(1.0f, 0.1f, new BigDecimal("4.50"), BigInteger.TEN, 7L));
        m.put("n", null);
        assertThat(CanonicalJson.write(mapper.valueToTree(m))).isEqualTo("{\"a\":[1,0.1,4.5,10,7],\"n\":null,\"z\":1}");
    }

    @Test
    void stringsEscapeOnlyQuoteBackslashAndControls() {
        String s = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028é😀";
        assertThat(CanonicalJson.write(NODES.textNode(s)))
                .isEqualTo("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028é😀\"");
    }

    @Test
    void unpairedSurrogatesAreRejectedWithThePath() {
        JsonNode node = NODES.objectNode().set("list", NODES.arrayNode().add("ok").add("bad\ud800"));
        assertThatThrownBy(() -> CanonicalJson.write(node))
                .isInstanceOf(InvalidJson.class)
                .hasMessageStartingWith("$.list[1]: string has an unpaired surrogate U+D800 at index 3");
        assertThatThrownBy(() -> CanonicalJson.write(NODES.textNode("\udc00x")))
                .isInstanceOf(InvalidJson.class).hasMessageContaining("U+DC00");
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            JsonNode node = NODES.objectNode().set("my key", NODES.numberNode(d));
            assertThatThrownBy(() -> CanonicalJson.write(node))
                    .isInstanceOf(InvalidJson.class)
                    .hasMessageStartingWith("$[\"my key\"]: " + d + " is not a JSON number");
        }
        assertThatThrownBy(() -> CanonicalJson.canonicalize("1e400")).isInstanceOf(InvalidJson.class);
        assertThatThrownBy(() -> CanonicalJson.write(NODES.numberNode(new BigDecimal("1e400"))))
                .isInstanceOf(InvalidJson.class).hasMessageContaining("beyond the double range");
        assertThatThrownBy(() -> CanonicalJson.canonicalize("NaN")).isInstanceOf(InvalidJson.class);
    }

    @Test
    void integersBeyondTwoToThe53AreRejectedNotRounded() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("[12345678901234567890]"))
                .isInstanceOf(InvalidJson.class)
                .hasMessageStartingWith("$[0]: integer 12345678901234567890 is beyond ±2^53")
                .hasMessageContaining("store it as a string");
        assertThatThrownBy(() -> CanonicalJson.write(NODES.numberNode(9007199254740993L)))
                .isInstanceOf(InvalidJson.class);
        assertThatThrownBy(() -> CanonicalJson.write(NODES.numberNode(-(1L << 60))))
                .isInstanceOf(InvalidJson.class);
        // The same magnitude written as a fraction is a double, as any JSON reader takes it.
        assertThat(CanonicalJson.canonicalize("12345678901234567890.0")).isEqualTo("12345678901234567000");
    }

    @Test
    void duplicateMembersAndTrailingTextAreNotJson() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
                .isInstanceOf(InvalidJson.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> CanonicalJson.canonicalize("1 2")).isInstanceOf(InvalidJson.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize("")).isInstanceOf(InvalidJson.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":")).isInstanceOf(InvalidJson.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void everyFormattedDoubleReadsBackAsItselfAndIsNoLongerThanJavas() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String text = CanonicalJson.number(d);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(d == 0 ? 0.0 : d);
            assertThat(digits(text)).as(text).isLessThanOrEqualTo(digits(Double.toString(d)));
        }
    }

    @Test
    void theShortestNearestDecimalMatchesABruteForceSearch() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 5_000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE)
                    : random.nextDouble() * Math.pow(10, random.nextInt(-8, 25));
            if (!Double.isFinite(d) || d == 0) {
                continue;
            }
            BigDecimal expected = bruteForceShortest(d);
            assertThat(new BigDecimal(CanonicalJson.number(d)).compareTo(expected)).as("%s", d).isZero();
        }
    }

    /**
     * Tries every length from 1 digit up; of the decimals of the first length that reads back, the
     * nearest, the even one on a tie.
     */
    private static BigDecimal bruteForceShortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (java.math.RoundingMode mode : new java.math.RoundingMode[] {
                java.math.RoundingMode.FLOOR, java.math.RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new java.math.MathContext(precision, mode));
                if (candidate.doubleValue() != d) {
                    continue;
                }
                int closer = best == null ? -1 : candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
                boolean evenOnTie = closer == 0 && !candidate.unscaledValue().testBit(0);
                if (closer < 0 || evenOnTie) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        throw new AssertionError("no decimal of 17 digits reads back as " + d);
    }

    private static int digits(String number) {
        String mantissa = number.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
    }
}
