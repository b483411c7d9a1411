package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-picked values for every rule of the grammar and every limit of Jackson's parser; each case
 * also asserts that Jackson (as {@link StrictJson} configures it) agrees.
 */
class JsonValueCheckTest {
    private static final int DEPTH = StrictJson.VALUE_DEPTH;

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "7", "-12", "42", "1.5", "-0.5e10", "1E+05", "1e-0", "0e5", "0.0",
        "-0.0E-0", "123456789012345678901234567890", "1E400", "-1e-400",
        "true", "false", "null",
        "\"\"", "\"Integer\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u00e9\\u00C9\\uFFFF\"", "\"\\u0000\"",
        "\"\u007f\"",
        "\"\u2028\"", "\"\u00e9\"", "\"\ud83d\ude00\"", "\"'\"", "\"/*\"",
        "[]", "{}", "[ ]", "{ }", "[1,2,3]", "[[[]]]", "[{}]", "[ 1 , \"a\" , [ ] , { } , true ]",
        "{\"a\":1,\"b\":2}", "{\"a\" : 1 , \"b\" :2 }",
        "{\"a\":[],\"b\":{},\"c\":\"\",\"d\":0,\"e\":true,\"f\":false,\"g\":null}",
        " 1", "1 ", " \t\r\n[1]\r\n\t ", "{}\n"})
    void oneJsonValueIsAccepted(String text) {
        accepted(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " \t\r\n",
        "01", "-01", "00", "[00]", "1.", "[1.]", "1.e5", ".5", "-.5", "+1", "1e", "1e+", "1E-", "[1e]", "0x10", "-",
        "[-]", "--1", "1.0.0", "1e5e5", "1_000", "1,000", "\u0661", "NaN", "Infinity", "-Infinity", "[-Infinity]",
        "tru", "True", "nul", "nulll", "truex", "[truex]", "[true1]", "true@", "[null\u00e9]",
        "\"", "\"abc", "\"\\", "\"\\x\"", "\"\\'\"", "\"\\U0041\"", "\"\\u00g0\"", "\"\\u12\"", "\"\\u12",
        "\"\\u\uff10\uff10\uff10\uff10\"", "\"a\tb\"", "\"\u0001\"", "\"\u001f\"", "\"a\nb\"", "'single'",
        "{a:1}", "{'a':1}", "{1:1}", "{\"a\"}", "{\"a\" 1}", "{\"a\"::1}", "{\"a\":}", "{:1}", "{,}",
        "{\"a\":1,}", "{\"a\":1\"b\":2}", "{\"a\tb\":1}",
        "[1,]", "[,1]", "[1,,2]", "[1 2]", "[\"a\"\"b\"]", "[:]", "[", "{", "]", "}", "[}", "{]", "[1]]", "{}}",
        "1 2", "1,", "1,2", "{}{}", "[] x", "\"a\"\"b\"", "{} x", "1]", "1\u0000",
        "1 // comment", "/* comment */ 1", "# comment\n1", "/"})
    void anythingElseIsRefused(String text) {
        refused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00a01", "1\u00a0", "\f1", "[1,\f2]", "\u000b1", "\ufeff1", "\u20281", "\u30001",
        "\u0000"})
    void onlyJsonWhitespaceSurroundsTokens(String text) {
        refused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\ud800\"", "\"\udc00\"", "\"\udc00\ud800\"", "\"\\ud800\"", "\"\\udc00\"",
        "[\"\\ud800x\"]", "{\"a\":\"\\udc00\\ud800\"}", "{\"\ud800\":1}", "{\"\udc00\":1}", "{\"\\ud83d\\ude00\":1}",
        "{\"\\uDBFF\\uDFFF\":1}"})
    void unpairedSurrogatesPassInValuesAndRawInKeys(String text) {
        accepted(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"\\ud800\":1}", "{\"\\udc00\":1}", "{\"a\\ud800\":1}", "{\"\\ud800x\":1}",
        "{\"\\ud800\\n\":1}", "{\"\\ud800\\\"\":1}", "{\"\\ud800\\ud800\":1}", "{\"\\ud800\\udc00\\udc00\":1}",
        "{\"\\ud800\udc00\":1}", "{\"\ud800" + "\\udc00\":1}", "{\"\\ud800\\u00zz\":1}", "{\"\\ud800\\x\":1}",
        "{\"a\":{\"\\udfff\":1}}"})
    void anEscapedSurrogateInAKeyMustBeHalfOfAnEscapedPair(String text) {
        refused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", "{\"\\u0061\":1,\"a\":2}",
        "{\"/\":1,\"\\/\":2}", "{\"\":1,\"\":2}", "{\"a\":1,\"b\":2,\"c\":3,\"a\":4}", "{\"a\":{\"b\":1,\"b\":2}}",
        "[{\"a\":1,\"a\":1}]",
        "{\"\ud83d\ude00\":1,\"\\ud83d\\ude00\":2}", "{\"\\n\":1,\"\\u000A\":2}", "{\"a\":\"\\\"\",\"a\":1}"})
    void aKeyTwiceInOneObjectIsRefused(String text) {
        refused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":{\"a\":{\"a\":1}}}", "[{\"a\":1},{\"a\":2}]", "{\"a\":1,\"A\":2}",
        "{\"a\":1,\"a \":2}", "{\"a\":{\"b\":1},\"b\":{\"a\":2}}", "{\"a\":\"a\",\"b\":\"a\"}",
        "{\"\\u0061\":1,\"\\u0062\":2}"})
    void theSameKeyInDifferentObjectsIsFine(String text) {
        accepted(text);
    }

    @Test
    void manyKeysAreComparedExactly() {
        // compared each with each up to 32 keys, sorted by hash beyond
        for (int keys : new int[] {2, 31, 32, 33, 100, 5000}) {
            List<String> members = IntStream.range(0, keys).mapToObj(k -> "\"k" + k + "\":" + k)
                    .collect(Collectors.toList());
            accepted("{" + String.join(",", members) + "}");
            for (int copy : new int[] {0, keys / 2, keys - 1}) {
                List<String> twice = new ArrayList<>(members);
                twice.add("\"k" + copy + "\":0");
                refused("{" + String.join(",", twice) + "}");
                // the copy escaped, inside an array that also holds a valid object
                twice.set(keys, "\"\\u006b" + copy + "\":0");
                refused("[{\"x\":1},{" + String.join(",", twice) + "}]");
            }
        }
    }

    @Test
    void keysWhoseHashesCollideAreComparedExactly() {
        // "Aa" and "BB" share String.hashCode, "Ab" and "BA" Jackson's symbol table hash; with its
        // canonicalization off Jackson accepts many of the latter too
        for (String[] halves : new String[][] {{"Aa", "BB"}, {"Ab", "BA"}}) {
            for (int bits : new int[] {2, 4, 10}) {
                for (int others : new int[] {0, 40}) {
                    List<String> keys = new ArrayList<>();
                    IntStream.range(0, others).forEach(k -> keys.add("\"k" + k + "\":0"));
                    for (int i = 0; i < 1 << bits; i++) {
                        StringBuilder key = new StringBuilder();
                        for (int bit = 0; bit < bits; bit++) {
                            key.append(halves[i >> bit & 1]);
                        }
                        keys.add("\"" + key + "\":" + i);
                    }
                    accepted("{" + String.join(",", keys) + "}");
                    accepted("[{" + String.join("},{", keys) + "}]");
                    keys.add(keys.get(keys.size() - 2).replace("\":", "\":-"));
                    refused("{" + String.join(",", keys) + "}");
                    keys.set(keys.size() - 1, keys.get(keys.size() - 1).replace("A", "\\u0041"));
                    refused("{" + String.join(",", keys) + "}");
                }
            }
        }
    }

    @Test
    void nestingIsAllowedToJacksonsDepthExactly() {
        for (int depth : new int[] {DEPTH - 1, DEPTH, DEPTH + 1}) {
            List<String> values = List.of("[".repeat(depth) + "]".repeat(depth),
                    "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                    "[".repeat(depth - 1) + "{}" + "]".repeat(depth - 1),
                    "[{\"a\":".repeat(depth / 2) + "[]" + "}]".repeat(depth / 2) + "",
                    "[".repeat(depth) + "1" + "]".repeat(depth));
            for (String value : values) {
                boolean deep = value.chars().filter(c -> c == '[' || c == '{').count() > DEPTH;
                if (deep) {
                    refused(value);
                } else {
                    accepted(value);
                }
            }
        }
        assertThat(JsonValueCheck.isOneValue("[[1]]", 2)).isTrue();
        assertThat(JsonValueCheck.isOneValue("[[1]]", 1)).isFalse();
        assertThat(JsonValueCheck.isOneValue("1", 0)).isTrue();
        assertThat(JsonValueCheck.isOneValue("{}", 0)).isFalse();
    }

    @Test
    void numbersMayHaveAThousandDigitsAsInJackson() {
        String digits = "1".repeat(1000);
        for (String number : List.of(digits, "-" + digits, "1." + "1".repeat(999), "1e" + "1".repeat(999),
                "1".repeat(500) + "." + "1".repeat(499) + "e-1", "0." + "0".repeat(999))) {
            for (String text : List.of(number, number + " ", "[" + number + "]", "{\"a\":" + number + "}")) {
                accepted(text);
            }
        }
        for (String number : List.of(digits + "1", "-" + digits + "1", "1.1" + digits,
                "1".repeat(500) + "." + "1".repeat(499) + "e-11", "1".repeat(2000))) {
            for (String text : List.of(number, number + " ", "[" + number + "]", "{\"a\":" + number + "}")) {
                refused(text);
            }
        }
    }

    @Test
    void numbersJacksonCountsOneDigitShortAreLeftToJackson() {
        // Jackson's slower number path, for a number that ends its buffer or starts with 0, counts a
        // missing fraction or exponent as -1 digit: these 1001-digit numbers pass there and nowhere else
        for (String text : List.of("1." + "1".repeat(1000), "1e" + "1".repeat(1000), "[0." + "1".repeat(1000) + "]")) {
            assertThat(JsonValueCheck.isOneValue(text, DEPTH)).isFalse();
            assertThat(StrictJson.jacksonProblem(text)).isNull();
            assertThat(StrictJson.oneValueProblem(text)).isNull();
        }
        for (String text : List.of("[1." + "1".repeat(1000) + "]", "1." + "1".repeat(1000) + " ")) {
            refused(text);
        }
    }

    @Test
    void keysMayHaveFiftyThousandCharactersAfterDecoding() {
        accepted("{\"" + "k".repeat(50_000) + "\":1}");
        accepted("{\"" + "\\u006b".repeat(50_000) + "\":1}");
        accepted("{\"" + "\\ud83d\\ude00".repeat(25_000) + "\":1}");
        refused("{\"" + "k".repeat(50_001) + "\":1}");
        refused("{\"" + "\\u006b".repeat(50_001) + "\":1}");
        refused("{\"a\":1,\"" + "\\ud83d\\ude00".repeat(25_000) + "k\":1}");
    }

    @Test
    void stringValuesHaveNoLengthLimitBecauseJacksonSkipsThem() {
        String longer = "x".repeat(20_000_001);
        accepted("\"" + longer + "\"");
        accepted("{\"a\":[\"" + longer + "\"]}");
    }

    private static void accepted(String text) {
        assertThat(StrictJson.jacksonProblem(text)).as("Jackson on %s", shown(text)).isNull();
        assertThat(JsonValueCheck.isOneValue(text, DEPTH)).as(shown(text)).isTrue();
        assertThat(StrictJson.oneValueProblem(text)).isNull();
    }

    private static void refused(String text) {
        assertThat(StrictJson.jacksonProblem(text)).as("Jackson on %s", shown(text)).isNotNull();
        assertThat(JsonValueCheck.isOneValue(text, DEPTH)).as(shown(text)).isFalse();
        assertThat(StrictJson.oneValueProblem(text)).isEqualTo(StrictJson.jacksonProblem(text));
    }

    /** The text as a Java string literal (at most 300 characters of it), to paste into a test. */
    static String shown(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().limit(300).forEach(c -> out.append(c == '"' || c == '\\' ? "\\" + (char) c
                : c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.append('"') + (text.length() > 300 ? "… (" + text.length() + " characters)" : "");
    }
}
