package org.bighummingbird.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonValueCheck} against Jackson on random values (some nested near the depth limit, some
 * long) and on mutations of them (a character deleted, inserted, replaced, a cut, a span repeated):
 * both must accept exactly the same texts. The seed is fixed;
 * {@code -DjsonCheckSeed=…} tries another, and a failure names the seed and the text.
 */
class JsonValueCheckDifferentialTest {
    private static final long SEED = Long.getLong("jsonCheckSeed", 8259L);
    private static final int VALUES = 30_000;
    /** Characters that matter to JSON, and some that look as if they might. */
    private static final String ALPHABET = "{}[]\",:\\0129-+.eEtrufalsnxu'/# \t\n\r\f\u0000\u001f\u00a0\ud800\udc00";
    private static final String[] KEYS = {"a", "b", "c", "ab", "", " ", "/", "\u00e9", "\ud83d\ude00", "k1", "k2", "k3",
        "k4", "k5", "k6", "k7", "k8", "k9", "\n", "\""};

    @Test
    void acceptsWhatJacksonAccepts() {
        Random random = new Random(SEED);
        int accepted = 0;
        for (int n = 0; n < VALUES; n++) {
            String value = space(random) + value(random, 0) + space(random);
            if (random.nextInt(100) == 0) {
                value = nest(value, StrictJson.VALUE_DEPTH - 3 + random.nextInt(6), random);
            } else if (random.nextInt(100) == 0) {
                value = large(random);
            }
            accepted += agree(value) ? 1 : 0;
            for (int m = 0; m < 4; m++) {
                agree(mutate(value, random));
            }
        }
        // the generator must mostly produce valid values, else the mutations test little
        assertThat(accepted).isGreaterThan(VALUES / 2);
    }

    private static boolean agree(String text) {
        String problem = StrictJson.jacksonProblem(text);
        assertThat(JsonValueCheck.isOneValue(text, StrictJson.VALUE_DEPTH))
                .as("seed %d, text %s, Jackson says %s", SEED, JsonValueCheckTest.shown(text), problem)
                .isEqualTo(problem == null);
        return problem == null;
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 5 ? 4 : 7);
        return switch (kind) {
            case 0 -> number(random);
            case 1 -> string(random);
            case 2 -> new String[] {"true", "false", "null"}[random.nextInt(3)];
            case 3 -> random.nextBoolean() ? number(random) : string(random);
            case 4, 5 -> array(random, depth);
            default -> object(random, depth);
        };
    }

    private static String array(Random random, int depth) {
        StringBuilder out = new StringBuilder("[").append(space(random));
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            out.append(i > 0 ? "," + space(random) : "").append(value(random, depth + 1)).append(space(random));
        }
        return out.append(']').toString();
    }

    private static String object(Random random, int depth) {
        StringBuilder out = new StringBuilder("{").append(space(random));
        // mostly few keys, sometimes more than ObjectKeys compares each with each
        int size = random.nextInt(8) == 0 ? random.nextInt(60) : random.nextInt(4);
        for (int i = 0; i < size; i++) {
            out.append(i > 0 ? "," + space(random) : "").append(key(random, size)).append(space(random)).append(':')
                    .append(space(random)).append(value(random, depth + 1)).append(space(random));
        }
        return out.append('}').toString();
    }

    /** A key from a small set, so that some objects repeat one, perhaps spelled with escapes. */
    private static String key(Random random, int keys) {
        String key = random.nextInt(keys) >= 3 ? KEYS[random.nextInt(KEYS.length)] + random.nextInt(100 * keys)
                : KEYS[random.nextInt(KEYS.length)];
        StringBuilder out = new StringBuilder("\"");
        for (char c : key.toCharArray()) {
            if (c == '"' || c == '\n' || random.nextInt(5) == 0) {
                out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
            } else if (c == '/' && random.nextBoolean()) {
                out.append("\\/");
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String string(Random random) {
        StringBuilder out = new StringBuilder("\"");
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(10)) {
                case 0 -> out.append('\\').append("\"\\/bfnrt".charAt(random.nextInt(8)));
                case 1 -> out.append(String.format("\\u%04x", random.nextInt(0x10000)));
                case 2 -> out.append(String.format("\\u%04X", 0xD800 + random.nextInt(0x800)));
                case 3 -> out.append("\u00e9\ud83d\ude00\u2028\u007f".charAt(random.nextInt(5)));
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.append('"').toString();
    }

    private static String number(Random random) {
        StringBuilder out = new StringBuilder(random.nextInt(3) == 0 ? "-" : "");
        out.append(random.nextInt(4) == 0 ? "0" : String.valueOf(1 + random.nextInt(Integer.MAX_VALUE)));
        if (random.nextInt(3) == 0) {
            out.append('.').append(random.nextInt(100_000));
        }
        if (random.nextInt(4) == 0) {
            out.append(random.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[random.nextInt(3)])
                    .append(random.nextInt(400));
        }
        return out.toString();
    }

    private static String space(Random random) {
        return random.nextInt(3) > 0 ? "" : new String[] {" ", "\t", "\n", "\r\n", "  "}[random.nextInt(5)];
    }

    /** Over 32,768 characters, which Jackson reads through a Reader in 4,000-character buffers. */
    private static String large(Random random) {
        StringBuilder out = new StringBuilder("[");
        while (out.length() < 40_000) {
            out.append(out.length() > 1 ? "," : "").append(value(random, 1));
        }
        return out.append(']').toString();
    }

    private static String nest(String value, int depth, Random random) {
        StringBuilder out = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean object = random.nextBoolean();
            out.append(object ? "{\"a\":" : "[");
            close.append(object ? '}' : ']');
        }
        return out.append(value).append(close.reverse()).toString();
    }

    private static String mutate(String value, Random random) {
        if (value.isEmpty()) {
            return String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        int at = random.nextInt(value.length());
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        return switch (random.nextInt(5)) {
            case 0 -> value.substring(0, at) + value.substring(at + 1);
            case 1 -> value.substring(0, at) + c + value.substring(at);
            case 2 -> value.substring(0, at) + c + value.substring(at + 1);
            case 3 -> value.substring(0, at);
            default -> value.substring(0, Math.min(value.length(), at + 1 + random.nextInt(8))) + value.substring(at);
        };
    }
}
