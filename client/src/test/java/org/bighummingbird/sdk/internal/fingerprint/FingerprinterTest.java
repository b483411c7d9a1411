package org.bighummingbird.sdk.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bighummingbird.Fn1;
import org.bighummingbird.Fn2;
import org.bighummingbird.testing.JavaSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code fingerprint in-process: what it follows, what it ignores, and that it terminates. */
class FingerprinterTest {
    private final Fingerprinter fingerprinter = new Fingerprinter(new AppClasses(List.of()),
            new SourceFiles(Path.of("")));

    @TempDir
    Path dir;

    private CompiledModels compiled;

    @AfterEach
    void closeLoaders() throws Exception {
        if (compiled != null) {
            compiled.close();
        }
    }

    @Test
    void sameCodeGivesTheSameKey() {
        Fn2<Integer, Integer, Integer> first = (a, b) -> a + b;
        Fn2<Integer, Integer, Integer> second = (x, y) -> x + y;

        assertThat(fingerprinter.fingerprint(first, null).key()).isEqualTo(fingerprinter.fingerprint(first, null).key());
        assertThat(fingerprinter.fingerprint(second, null).key())
                .as("another lambda with the same code").isEqualTo(fingerprinter.fingerprint(first, null).key());
        assertThat(new Fingerprinter(new AppClasses(List.of()), new SourceFiles(dir)).fingerprint(first, null).key())
                .as("another fingerprinter").isEqualTo(fingerprinter.fingerprint(first, null).key());
    }

    @Test
    void differentCodeGivesADifferentKey() {
        Fn2<Integer, Integer, Integer> add = (a, b) -> a + b;
        Fn2<Integer, Integer, Integer> subtract = (a, b) -> a - b;

        assertThat(fingerprinter.fingerprint(add, null).key()).isNotEqualTo(fingerprinter.fingerprint(subtract, null).key());
    }

    @Test
    void debugInformationDoesNotChangeTheCodeFingerprint() {
        String source = """
                package demo;

                import java.util.ArrayList;
                import java.util.List;
                import java.util.Locale;
                import org.bighummingbird.Fn2;

                public final class Models {
                    private Models() {}

                    public static Object model() {
                        return (Fn2<String, Integer, String>) (text, times) -> {
                            StringBuilder out = new StringBuilder();
                            for (int i = 0; i < times; i++) {
                                try {
                                    out.append(clean(text)).append(i % 2 == 0 ? "!" : "?").append(' ');
                                } catch (IllegalStateException e) {
                                    out.append(e.getMessage());
                                }
                            }
                            List<String> words = new ArrayList<>(List.of(out.toString().split(" ")));
                            words.removeIf(w -> w.isBlank());
                            switch (words.size()) {
                                case 0: return "none";
                                case 1: return words.get(0);
                                default: return String.join(",", words);
                            }
                        };
                    }

                    static String clean(String s) {
                        String trimmed = s.trim();
                        if (trimmed.isEmpty()) {
                            throw new IllegalStateException("empty");
                        }
                        return trimmed.toLowerCase(Locale.ROOT);
                    }
                }
                """;
        compiled = new CompiledModels(dir);

        Fingerprint withDebug = fingerprinter.fingerprint(compiled.model(source, JavaSources.DEBUG), null);
        Fingerprint withoutDebug = fingerprinter.fingerprint(compiled.model(source, JavaSources.NO_DEBUG), null);

        assertThat(withoutDebug.codeFingerprint()).isEqualTo(withDebug.codeFingerprint());
        assertThat(withoutDebug.key()).isEqualTo(withDebug.key());
        assertThat(withDebug.code().methods()).as("the lambda, its inner lambda and the helper").hasSize(3);
    }

    @Test
    void lambdasInsideAModelAreCoveredByTheirCodeNotTheirSyntheticNames() {
        String source = """
                package demo;

                import java.util.List;
                import java.util.stream.Collectors;
                import org.bighummingbird.Fn1;

                public final class Models {
                    private Models() {}

                    UNRELATED

                    public static Object model() {
                        return (Fn1<List<String>, String>) words -> words.stream()
                                .filter(w -> !w.isBlank())
                                .map((java.util.function.Function<String, String> & java.io.Serializable) w -> w.trim())
                                .collect(Collectors.joining(" "));
                    }
                }
                """;
        String unrelated = "static Runnable hello() { return () -> System.out.println(\"hello\"); }";
        compiled = new CompiledModels(dir);

        String base = fingerprint(compiled.model(source.replace("UNRELATED", ""), JavaSources.DEBUG));

        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", unrelated), JavaSources.DEBUG)))
                .as("renumbered").isEqualTo(base);
        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", "").replace("w.trim()", "w.strip()"),
                JavaSources.DEBUG))).as("an inner serializable lambda changed").isNotEqualTo(base);
        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", "").replace("!w.isBlank()", "!w.isEmpty()"),
                JavaSources.DEBUG))).as("an inner lambda changed").isNotEqualTo(base);
    }

    @Test
    void anonymousAndLocalClassesAreCoveredByTheirCodeNotTheirNames() {
        String source = """
                package demo;

                import java.util.ArrayList;
                import java.util.Comparator;
                import java.util.List;
                import org.bighummingbird.Fn1;

                public final class Models {
                    private Models() {}

                    public static Object model() {
                        UNRELATED
                        String suffix = "!";
                        class Shouter {
                            String shout(String s) {
                                return s.toUpperCase() + suffix;
                            }
                        }
                        Comparator<String> byLength = new Comparator<>() {
                            @Override
                            public int compare(String a, String b) {
                                return a.length() - b.length();
                            }
                        };
                        return (Fn1<List<String>, String>) words -> {
                            List<String> sorted = new ArrayList<>(words);
                            sorted.sort(byLength);
                            return new Shouter().shout(sorted.get(0));
                        };
                    }
                }
                """;
        String unrelated = "Runnable unrelated = new Runnable() { public void run() {} };";
        compiled = new CompiledModels(dir);

        String base = fingerprint(compiled.model(source.replace("UNRELATED", ""), JavaSources.DEBUG));

        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", unrelated), JavaSources.DEBUG)))
                .as("renumbered by an anonymous class before them").isEqualTo(base);
        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", "").replace("suffix", "ending"),
                JavaSources.DEBUG))).as("captured variable renamed").isEqualTo(base);
        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", "").replace("a.length() - b.length()",
                "b.length() - a.length()"), JavaSources.DEBUG))).as("captured anonymous class changed").isNotEqualTo(base);
        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", "").replace("toUpperCase", "toLowerCase"),
                JavaSources.DEBUG))).as("local class changed").isNotEqualTo(base);
    }

    @Test
    void anEnumSwitchIsDigestedByConstantNamesNotJavacsCaseNumbers() {
        String source = """
                package demo;

                import java.util.concurrent.TimeUnit;
                import org.bighummingbird.Fn1;

                public final class Models {
                    private Models() {}

                    UNRELATED

                    public static Object model() {
                        return (Fn1<TimeUnit, Integer>) unit -> {
                            switch (unit) {
                                case SECONDS: return 1;
                                case MINUTES: return 60;
                                case HOURS: return 3600;
                                default: return -1;
                            }
                        };
                    }
                }
                """;
        String unrelated = """
                static boolean coarse(TimeUnit unit) {
                    switch (unit) {
                        case DAYS: case HOURS: return true;
                        default: return false;
                    }
                }
                """;
        compiled = new CompiledModels(dir);

        String base = fingerprint(compiled.model(source.replace("UNRELATED", ""), JavaSources.DEBUG));

        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", unrelated), JavaSources.DEBUG)))
                .as("renumbered by a switch before it").isEqualTo(base);
        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", "").replace("case HOURS", "case DAYS"),
                JavaSources.DEBUG))).as("another constant").isNotEqualTo(base);
        assertThat(fingerprint(compiled.model(source.replace("UNRELATED", "").replace("return 60", "return 61"),
                JavaSources.DEBUG))).as("another result").isNotEqualTo(base);
    }

    @Test
    void enablingAssertionsDoesNotChangeTheFingerprint() {
        String source = """
                package demo;

                import org.bighummingbird.Fn1;

                public final class Models {
                    private Models() {}

                    public static Object model() {
                        return (Fn1<Integer, Integer>) x -> {
                            assert x >= 0 : "negative";
                            return x * 2;
                        };
                    }
                }
                """;
        compiled = new CompiledModels(dir);

        String withoutAssertions = fingerprint(compiled.model(source, JavaSources.DEBUG, false));
        String withAssertions = fingerprint(compiled.model(source, JavaSources.DEBUG, true));
        String otherMessage = fingerprint(compiled.model(source.replace("negative", "below zero"), JavaSources.DEBUG));

        assertThat(withAssertions).isEqualTo(withoutAssertions);
        assertThat(otherMessage).isNotEqualTo(withoutAssertions);
    }

    @Test
    void parameterNamesComeFromTheLocalVariableTable() {
        Fn2<String, Integer, String> model = (question, limit) -> question.substring(0, limit);
        String prompt = "Answer: ";
        Fn1<String, String> capturing = q -> prompt + q;

        assertThat(fingerprinter.fingerprint(model, null).parameterNames()).containsExactly("question", "limit");
        assertThat(fingerprinter.fingerprint(capturing, null).parameterNames()).containsExactly("q");
    }

    @Test
    void parameterNamesAreArgNWithoutDebugInformation() {
        String source = """
                package demo;

                import org.bighummingbird.Fn2;

                public final class Models {
                    private Models() {}

                    public static Object model() {
                        String prompt = "Answer: ";
                        return (Fn2<String, Integer, String>) (question, limit) -> prompt + question.substring(0, limit);
                    }
                }
                """;
        compiled = new CompiledModels(dir);

        assertThat(fingerprinter.fingerprint(compiled.model(source, JavaSources.NO_DEBUG), null).parameterNames())
                .containsExactly("arg0", "arg1");
        assertThat(fingerprinter.fingerprint(compiled.model(source, JavaSources.DEBUG), null).parameterNames())
                .containsExactly("question", "limit");
    }

    @Test
    void aCapturedLambdaIsCoveredByItsOwnFingerprint() {
        Fn1<String, String> trim = s -> s.trim();
        Fn1<String, String> trimElsewhere = text -> text.trim();
        Fn1<String, String> strip = s -> s.strip();

        assertThat(fingerprint(around(trimElsewhere))).isEqualTo(fingerprint(around(trim)));
        assertThat(fingerprint(around(strip))).isNotEqualTo(fingerprint(around(trim)));
        assertThat(fingerprint(around(around(strip)))).isNotEqualTo(fingerprint(around(around(trim))));
    }

    @Test
    void mutuallyRecursiveHelpersTerminate() {
        Fn1<Integer, Boolean> even = n -> isEven(n);
        Fn1<Integer, Boolean> odd = n -> isOdd(n);
        Fn1<Integer, Integer> self = n -> depth(n);

        Fingerprint evenFingerprint = fingerprinter.fingerprint(even, null);

        assertThat(evenFingerprint.code().methods()).hasSize(3);
        assertThat(fingerprint(odd)).isNotEqualTo(evenFingerprint.codeFingerprint());
        assertThat(fingerprint(self)).isEqualTo(fingerprint(self));
    }

    @Test
    void changingAMethodInsideACycleChangesTheFingerprint() {
        String source = """
                package demo;

                import org.bighummingbird.Fn1;

                public final class Models {
                    private Models() {}

                    public static Object model() {
                        return (Fn1<Integer, Boolean>) n -> isEven(n);
                    }

                    static boolean isEven(int n) {
                        return n == 0 || isOdd(n - 1);
                    }

                    static boolean isOdd(int n) {
                        return n != 0 && isEven(n - 1);
                    }
                }
                """;
        compiled = new CompiledModels(dir);

        String base = fingerprint(compiled.model(source, JavaSources.DEBUG));
        String again = fingerprint(compiled.model(source, JavaSources.DEBUG));
        String changed = fingerprint(compiled.model(source.replace("n != 0", "n > 0"), JavaSources.DEBUG));

        assertThat(again).isEqualTo(base);
        assertThat(changed).isNotEqualTo(base);
    }

    @Test
    void aLibraryCallIsKeyedByItsOwnerNameAndDescriptor() {
        Fn1<String, String> lower = s -> s.toLowerCase(Locale.ROOT);
        Fn1<String, String> upper = s -> s.toUpperCase(Locale.ROOT);

        Fingerprint fp = fingerprinter.fingerprint(lower, null);

        assertThat(fp.codeFingerprint()).isNotEqualTo(fingerprint(upper));
        assertThat(fp.code().methods()).as("only the lambda is application code").hasSize(1);
        assertThat(fingerprinter.fingerprint((Fn1<String, Integer>) String::length, null).code().methods())
                .as("a method reference into the JDK").isEmpty();
    }

    private String fingerprint(Serializable fn) {
        return fingerprinter.codeFingerprint(fn);
    }

    private static Fn1<String, String> around(Fn1<String, String> inner) {
        return q -> inner.apply(q) + "!";
    }

    static boolean isEven(int n) {
        return n == 0 || isOdd(n - 1);
    }

    static boolean isOdd(int n) {
        return n != 0 && isEven(n - 1);
    }

    static int depth(int n) {
        return n <= 0 ? 0 : 1 + depth(n - 1);
    }
}
