package org.bighummingbird.sdk.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bighummingbird.testing.JavaSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static final application fields a model reads are part of its fingerprint: plain values by
 * value, other values by the class initialiser's code that computes them. Non-final static fields
 * are state, not code, and are not covered (documented).
 */
class StaticFieldsTest {
    private static final String SOURCE = """
            package demo;

            import java.util.Comparator;
            import java.util.List;
            import java.util.regex.Pattern;
            import org.bighummingbird.Fn1;

            public final class Models {
                static final String GREETING = "Hello";
                static final List<String> STOP = List.of("the", "a");
                static final Pattern NUMBER = Pattern.compile("\\\\d+");
                static final Pattern UNRELATED = Pattern.compile("[a-z]+");
                static final Comparator<String> BY_LENGTH = (a, b) -> a.length() - b.length();
                static String mode = "fast";

                private Models() {}

                public static Object model() {
                    return (Fn1<List<String>, String>) words -> {
                        String best = words.stream().filter(w -> !STOP.contains(w)).max(BY_LENGTH).orElse("");
                        return GREETING + (NUMBER.matcher(best).find() ? "#" : best) + mode;
                    };
                }
            }
            """;

    private final Fingerprinter fingerprinter = new Fingerprinter(new AppClasses(List.of()),
            new SourceFiles(Path.of("")));

    @TempDir
    Path dir;

    private CompiledModels compiled;
    private String base;

    @BeforeEach
    void fingerprintTheBase() {
        compiled = new CompiledModels(dir);
        base = fingerprint(SOURCE);
    }

    @AfterEach
    void closeLoaders() throws Exception {
        compiled.close();
    }

    @Test
    void aConstantIsCoveredByItsValue() {
        assertThat(fingerprint(SOURCE.replace("\"Hello\"", "\"Hi\""))).isNotEqualTo(base);
    }

    @Test
    void aComputedPlainValueIsCoveredByItsValue() {
        assertThat(fingerprint(SOURCE.replace("List.of(\"the\", \"a\")", "List.of(\"the\", \"an\")")))
                .isNotEqualTo(base);
        assertThat(fingerprint(SOURCE.replace("List.of(\"the\", \"a\")", "java.util.Arrays.asList(\"the\", \"a\")")))
                .as("same value, computed another way").isEqualTo(base);
    }

    @Test
    void anOpaqueValueIsCoveredByTheCodeThatComputesIt() {
        assertThat(fingerprint(SOURCE.replace("\\\\d+", "\\\\d{2}"))).as("the pattern's regex").isNotEqualTo(base);
        assertThat(fingerprint(SOURCE.replace("a.length() - b.length()", "b.length() - a.length()")))
                .as("the comparator lambda's body").isNotEqualTo(base);
    }

    @Test
    void unrelatedStaticFieldsInTheSameClassDoNotMatter() {
        assertThat(fingerprint(SOURCE.replace("[a-z]+", "[A-Z]+"))).isEqualTo(base);
    }

    @Test
    void theRuntimeValueOfANonFinalStaticFieldIsNotCovered() {
        assertThat(fingerprint(SOURCE.replace("\"fast\"", "\"slow\""))).isEqualTo(base);
    }

    private String fingerprint(String source) {
        return fingerprinter.codeFingerprint(compiled.model(source, JavaSources.DEBUG));
    }
}
