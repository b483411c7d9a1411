package org.bighummingbird.sdk.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bighummingbird.Fn1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values a lambda captures are part of its fingerprint when they are plain values: primitives,
 * strings, enums, records and collections of those, compared by content. Other objects count by
 * their type alone (their state is not covered, as documented).
 */
class CapturedValuesTest {
    private final Fingerprinter fingerprinter = new Fingerprinter(new AppClasses(List.of()),
            new SourceFiles(Path.of("")));

    record Settings(String model, double temperature, List<String> stop) {}

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("int", capturing(3), capturing(3), capturing(4)),
                Arguments.of("long", capturing(3L), capturing(3L), capturing(4L)),
                Arguments.of("double", capturing(0.5), capturing(0.5), capturing(0.25)),
                Arguments.of("boolean", capturing(true), capturing(true), capturing(false)),
                Arguments.of("char", capturing('a'), capturing('a'), capturing('b')),
                Arguments.of("string", capturingObject("Answer briefly"), capturingObject(new String("Answer briefly")),
                        capturingObject("Answer at length")),
                Arguments.of("enum", capturingObject(TimeUnit.SECONDS), capturingObject(TimeUnit.SECONDS),
                        capturingObject(TimeUnit.MINUTES)),
                Arguments.of("record", capturingObject(new Settings("m", 0.7, List.of("\n"))),
                        capturingObject(new Settings("m", 0.7, List.of("\n"))),
                        capturingObject(new Settings("m", 0.8, List.of("\n")))),
                Arguments.of("list", capturingObject(List.of("a", "b")), capturingObject(List.of("a", "b")),
                        capturingObject(List.of("b", "a"))),
                Arguments.of("map", capturingObject(mapOf("a", 1, "b", 2)), capturingObject(hashMapOf("b", 2, "a", 1)),
                        capturingObject(mapOf("a", 1, "b", 3))),
                Arguments.of("list of records", capturingObject(List.of(new Settings("m", 0.1, List.of()))),
                        capturingObject(List.of(new Settings("m", 0.1, List.of()))),
                        capturingObject(List.of(new Settings("n", 0.1, List.of())))),
                Arguments.of("map of enums", capturingObject(Map.of(TimeUnit.SECONDS, List.of(1))),
                        capturingObject(Map.of(TimeUnit.SECONDS, List.of(1))),
                        capturingObject(Map.of(TimeUnit.DAYS, List.of(1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void capturedPlainValuesAreCoveredByContent(String kind, Serializable model, Serializable sameValue,
            Serializable otherValue) {
        String fingerprint = fingerprinter.codeFingerprint(model);

        assertThat(fingerprinter.codeFingerprint(sameValue)).as("equal %s", kind).isEqualTo(fingerprint);
        assertThat(fingerprinter.codeFingerprint(otherValue)).as("different %s", kind).isNotEqualTo(fingerprint);
    }

    @Test
    void aCapturedNonSerializableLambdaIsNamedByItsInterface() {
        Function<String, String> trim = s -> s.trim();
        Function<String, String> trimToo = s -> s.trim();
        Supplier<String> supplier = () -> "x";

        assertThat(fingerprinter.codeFingerprint(capturingObject(trimToo)))
                .isEqualTo(fingerprinter.codeFingerprint(capturingObject(trim)));
        assertThat(fingerprinter.codeFingerprint(capturingObject(supplier)))
                .isNotEqualTo(fingerprinter.codeFingerprint(capturingObject(trim)));
    }

    @Test
    void boxedTypesOfEqualNumbersAreDifferentValues() {
        assertThat(fingerprinter.codeFingerprint(capturingObject(3)))
                .isNotEqualTo(fingerprinter.codeFingerprint(capturingObject(3L)));
    }

    private static Fn1<String, String> capturing(int value) {
        return q -> q + value;
    }

    private static Fn1<String, String> capturing(long value) {
        return q -> q + value;
    }

    private static Fn1<String, String> capturing(double value) {
        return q -> q + value;
    }

    private static Fn1<String, String> capturing(boolean value) {
        return q -> q + value;
    }

    private static Fn1<String, String> capturing(char value) {
        return q -> q + value;
    }

    private static Fn1<String, String> capturingObject(Object value) {
        return q -> q + value;
    }

    private static Map<String, Integer> mapOf(String k1, int v1, String k2, int v2) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Map<String, Integer> hashMapOf(String k1, int v1, String k2, int v2) {
        Map<String, Integer> m = new HashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
