package org.bighummingbird.sdk.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bighummingbird.sdk.internal.fingerprint.DemoProgram.main;
import static org.bighummingbird.sdk.internal.fingerprint.DemoProgram.mainWith;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.testing.JavaSources;
import org.bighummingbird.testing.Jvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The versioning contract of DESIGN.md §1, end to end: every program below is compiled with
 * {@code -g} (Maven's default) into a directory of its own and run in a fresh JVM on one shared
 * store, the way a user edits and re-runs a program. Each test follows one model through a
 * sequence of edits, in order; the tests themselves are independent and run side by side.
 * Programs run in a working directory without sources, so the SDK cannot read the source text
 * unless a step says so.
 */
@Execution(ExecutionMode.CONCURRENT)
class VersioningContractTest {
    private static final String CONCEPT = "Concept Project";
    private static final String OTHER = "Other Project";
    private static final String TWIN = "Twin Project";

    @TempDir
    static Path root;

    private static final AtomicInteger programs = new AtomicInteger();
    private static final Map<String, AtomicInteger> runsByProject = new ConcurrentHashMap<>();

    // ---- the contract ----------------------------------------------------------------------

    @Test
    void editingCodeMakesANewVersionAndRevertingReusesTheEarlierTag() {
        String add = """
                Fn2<Integer, Integer, Integer> model = bhb.trace("model", (Integer a, Integer b) -> a + b);
                model.apply(1, 2);
                System.out.println(((Traced) model).tag());
                """;
        String subtract = add.replace("a + b", "a - b");

        assertThat(tagOf(main(CONCEPT, add))).isEqualTo("model:v1");
        assertThat(tagOf(main(CONCEPT, subtract))).isEqualTo("model:v2");
        assertThat(tagOf(main(CONCEPT, add))).isEqualTo("model:v1");
    }

    @Test
    void commentsFormattingAndNamesDoNotChangeTheVersion() {
        String base = """
                Fn2<Integer, Integer, Integer> model = bhb.trace("formatted", (Integer a, Integer b) -> {
                    int sum = a + b;
                    return sum * 2;
                });
                model.apply(1, 2);
                System.out.println(((Traced) model).tag());
                """;
        String commented = """


                // the model: twice the sum
                Fn2<Integer, Integer, Integer> model = bhb.trace(
                        "formatted",

                        /* parameters */ (Integer a,
                                Integer b) -> {
                            // add them up
                            int sum =
                                    a
                                    + b;


                            return sum
                                    * 2; // and double it
                        }
                );
                model.apply(1, 2);
                System.out.println(((Traced) model).tag());
                """;
        String renamedParameters = base.replace("(Integer a, Integer b)", "(Integer left, Integer right)")
                .replace("a + b", "left + right");
        String renamedLocal = base.replace("sum", "total");

        assertThat(tagOf(main(CONCEPT, base))).isEqualTo("formatted:v1");
        assertThat(tagOf(main(CONCEPT, commented))).isEqualTo("formatted:v1");
        assertThat(tagOf(main(CONCEPT, renamedParameters))).isEqualTo("formatted:v1");
        assertThat(tagOf(main(CONCEPT, renamedLocal))).isEqualTo("formatted:v1");
    }

    @Test
    void findingTheSourceTextOrNotDoesNotChangeTheKey() {
        // the generic types are spelled only in the source: trace()'s result goes into a plain Traced,
        // so no class file holds them; one store, so one tag means one identity key
        String body = """
                Traced model = (Traced) bhb.trace("spelled",
                        (List<String> words, Map<String, Integer> weights) -> words.size() + weights.size());
                ((Fn2<List<String>, Map<String, Integer>, Integer>) model).apply(List.of(), Map.of());
                System.out.println(model.tag());
                """;

        assertThat(tagOfWithSources(main(CONCEPT, body))).as("source text found").isEqualTo("spelled:v1");
        assertThat(tagOf(main(CONCEPT, body))).as("no source text").isEqualTo("spelled:v1");
        assertThat(tagOfWithSources(main(CONCEPT, body.replace("List<String>", "List<Integer>"))))
                .as("a type only the source spells: not keyed").isEqualTo("spelled:v1");
    }

    @Test
    void theClassAModelLivesInAndUnrelatedCodeDoNotChangeTheVersion() {
        String report = """
                model.apply(2, 3);
                System.out.println(((Traced) model).tag());
                """;
        String base = """
                Fn2<Integer, Integer, Integer> model = bhb.trace("placed", (Integer a, Integer b) -> a * b + 1);
                """ + report;
        String fromAnotherPackage = """
                Fn2<Integer, Integer, Integer> model = bhb.trace("placed", demo.formulas.Formulas.model());
                """ + report;
        String formulas = """
                package demo.formulas;

                import org.bighummingbird.Fn2;

                public final class Formulas {
                    public static final Fn2<Integer, Integer, Integer> MODEL = (x, y) -> x * y + 1;

                    private Formulas() {}

                    public static Fn2<Integer, Integer, Integer> model() {
                        return (a, b) -> a * b + 1;
                    }
                }
                """;
        String fromAStaticField = """
                Fn2<Integer, Integer, Integer> model = bhb.trace("placed", demo.formulas.Formulas.MODEL);
                """ + report;
        String afterOtherLambdas = """
                Runnable hello = () -> System.err.println("hello");
                hello.run();
                Fn1<String, String> shout = s -> s.toUpperCase();
                shout.apply("unrelated");
                """ + base;
        String unrelatedMembers = """
                static int counter;
                static final List<String> WORDS = List.of("alpha", "beta");

                static String greet(String name) {
                    counter++;
                    return "hello " + name;
                }

                static Fn1<String, Integer> length() {
                    return s -> s.length() + WORDS.size();
                }
                """;

        assertThat(tagOf(main(CONCEPT, base))).isEqualTo("placed:v1");
        assertThat(tagOf(main(CONCEPT, fromAnotherPackage, formulas))).isEqualTo("placed:v1");
        assertThat(tagOf(main(CONCEPT, fromAStaticField, formulas))).isEqualTo("placed:v1");
        assertThat(tagOf(main(CONCEPT, afterOtherLambdas))).isEqualTo("placed:v1");
        assertThat(tagOf(mainWith(CONCEPT, base, unrelatedMembers))).isEqualTo("placed:v1");
    }

    @Test
    void anAnonymousClassIsCoveredByItsCodeNotByTheNumberJavacGivesIt() {
        String body = """
                Fn1<List<String>, List<String>> model = bhb.trace("sorted", (List<String> words) -> {
                    List<String> sorted = new ArrayList<>(words);
                    sorted.sort(new Comparator<String>() {
                        @Override
                        public int compare(String a, String b) {
                            return a.length() - b.length();
                        }
                    });
                    return sorted;
                });
                model.apply(List.of("ccc", "a", "bb"));
                System.out.println(((Traced) model).tag());
                """;
        String afterAnotherAnonymousClass = """
                Runnable hello = new Runnable() {
                    @Override
                    public void run() {
                        System.err.println("hello");
                    }
                };
                hello.run();
                """ + body;
        String fromAnotherClass = """
                Fn1<List<String>, List<String>> model = bhb.trace("sorted", demo.sorting.Sorting.model());
                model.apply(List.of("ccc", "a", "bb"));
                System.out.println(((Traced) model).tag());
                """;
        String sorting = """
                package demo.sorting;

                import java.util.ArrayList;
                import java.util.Comparator;
                import java.util.List;
                import org.bighummingbird.Fn1;

                public final class Sorting {
                    private static final Comparator<String> UNRELATED = new Comparator<>() {
                        @Override
                        public int compare(String a, String b) {
                            return b.compareTo(a);
                        }
                    };

                    private Sorting() {}

                    public static Fn1<List<String>, List<String>> model() {
                        return words -> {
                            List<String> sorted = new ArrayList<>(words);
                            sorted.sort(new Comparator<String>() {
                                @Override
                                public int compare(String a, String b) {
                                    return a.length() - b.length();
                                }
                            });
                            return sorted;
                        };
                    }
                }
                """;

        assertThat(tagOf(main(CONCEPT, body))).isEqualTo("sorted:v1");
        assertThat(tagOf(main(CONCEPT, afterAnotherAnonymousClass)))
                .as("another anonymous class before it").isEqualTo("sorted:v1");
        assertThat(tagOf(main(CONCEPT, fromAnotherClass, sorting)))
                .as("moved to another class").isEqualTo("sorted:v1");
        assertThat(tagOf(main(CONCEPT, body.replace("a.length() - b.length()", "b.length() - a.length()"))))
                .as("the anonymous class's method changed").isEqualTo("sorted:v2");
    }

    @Test
    void anEnumSwitchDoesNotDependOnOtherSwitchesInTheClass() {
        String body = """
                Fn1<Tone, String> model = bhb.trace("toned", (Tone tone) -> switch (tone) {
                    case CALM -> "fine";
                    case ANGRY -> "breathe";
                    default -> "cheer up";
                });
                model.apply(Tone.SAD);
                System.out.println(((Traced) model).tag());
                """;
        String tone = """
                package demo;

                public enum Tone { CALM, ANGRY, SAD }
                """;
        String otherSwitch = """
                static int rank(Tone tone) {
                    switch (tone) {
                        case SAD: return 2;
                        case ANGRY: return 1;
                        default: return 0;
                    }
                }
                """;

        assertThat(tagOf(main(CONCEPT, body, tone))).isEqualTo("toned:v1");
        assertThat(tagOf(mainWith(CONCEPT, body, otherSwitch, tone)))
                .as("an unrelated switch over the same enum, cases in another order").isEqualTo("toned:v1");
        assertThat(tagOf(main(CONCEPT, body.replace("\"breathe\"", "\"count to ten\""), tone)))
                .isEqualTo("toned:v2");
        assertThat(tagOf(main(CONCEPT, body.replace("case ANGRY", "case SAD"), tone)))
                .as("another case").isEqualTo("toned:v3");
    }

    @Test
    void changingAHelperMakesANewVersionButMovingItDoesNot() {
        String body = """
                Fn1<String, String> model = bhb.trace("helped", (String q) -> clean(q) + "?");
                model.apply("  Hello ");
                System.out.println(((Traced) model).tag());
                """;
        String clean = """
                static String clean(String s) {
                    return demo.text.Text.normalize(s).strip();
                }
                """;
        String text = """
                package demo.text;

                public final class Text {
                    private Text() {}

                    public static String normalize(String s) {
                        return s.toLowerCase();
                    }
                }
                """;
        String movedBody = body.replace("clean(q)", "demo.util.Cleaning.clean(q)");
        String cleaning = """
                package demo.util;

                public final class Cleaning {
                    private Cleaning() {}

                    public static String clean(String s) {
                        return demo.text.Text.normalize(s).strip();
                    }
                }
                """;

        assertThat(tagOf(mainWith(CONCEPT, body, clean, text))).isEqualTo("helped:v1");
        assertThat(tagOf(mainWith(CONCEPT, body, clean.replace("strip()", "trim()"), text)))
                .as("helper changed").isEqualTo("helped:v2");
        assertThat(tagOf(mainWith(CONCEPT, body, clean, text.replace("toLowerCase()", "toUpperCase()"))))
                .as("helper of the helper, in another class, changed").isEqualTo("helped:v3");
        assertThat(tagOf(main(CONCEPT, movedBody, cleaning, text)))
                .as("unchanged helper moved to another class").isEqualTo("helped:v1");
    }

    @Test
    void changingAStringLiteralMakesANewVersion() {
        String body = """
                Fn1<String, String> model = bhb.trace("literal", (String q) -> "Answer briefly: " + q);
                model.apply("why?");
                System.out.println(((Traced) model).tag());
                """;

        assertThat(tagOf(main(CONCEPT, body))).isEqualTo("literal:v1");
        assertThat(tagOf(main(CONCEPT, body.replace("briefly", "at length")))).isEqualTo("literal:v2");
    }

    @Test
    void changingAStaticFinalStringTheModelUsesMakesANewVersion() {
        String constantBody = """
                Fn1<String, String> model = bhb.trace("constant", (String q) -> PREFIX + q);
                model.apply("why?");
                System.out.println(((Traced) model).tag());
                """;
        String constant = """
                static final String PREFIX = "Answer briefly: ";
                """;
        // not a compile-time constant, so javac cannot inline it: read through the field
        String computedBody = """
                Fn1<String, String> model = bhb.trace("computed", (String q) -> demo.prompts.Prompts.SYSTEM + q);
                model.apply("why?");
                System.out.println(((Traced) model).tag());
                """;
        String prompts = """
                package demo.prompts;

                public final class Prompts {
                    public static final String SYSTEM = "You are terse. ".repeat(1);

                    private Prompts() {}
                }
                """;

        assertThat(tagOf(mainWith(CONCEPT, constantBody, constant))).isEqualTo("constant:v1");
        assertThat(tagOf(mainWith(CONCEPT, constantBody, constant.replace("briefly", "at length"))))
                .isEqualTo("constant:v2");
        assertThat(tagOf(main(CONCEPT, computedBody, prompts))).isEqualTo("computed:v1");
        assertThat(tagOf(main(CONCEPT, computedBody, prompts.replace("terse", "verbose"))))
                .isEqualTo("computed:v2");
    }

    @Test
    void changingACapturedPromptMakesANewVersion() {
        String body = """
                String prompt = "Answer briefly: ";
                Fn1<String, String> model = bhb.trace("captured", (String q) -> prompt + q);
                model.apply("why?");
                System.out.println(((Traced) model).tag());
                """;

        assertThat(tagOf(main(CONCEPT, body))).isEqualTo("captured:v1");
        assertThat(tagOf(main(CONCEPT, body.replace("briefly", "at length")))).isEqualTo("captured:v2");
        assertThat(tagOf(main(CONCEPT, body.replace("prompt", "instruction"))))
                .as("same value, renamed variable").isEqualTo("captured:v1");
    }

    @Test
    void aCapturedFunctionObjectDoesNotDependOnHowManyLambdasCameBefore() {
        String body = """
                java.util.function.Function<String, String> clean = s -> s.strip();
                Fn1<String, String> model = bhb.trace("piped", (String q) -> clean.apply(q) + "?");
                model.apply(" why ");
                System.out.println(((Traced) model).tag());
                """;
        String afterOtherLambdas = """
                Runnable hello = () -> System.err.println("hello");
                hello.run();
                java.util.function.Supplier<String> greeting = () -> "hi";
                System.err.println(greeting.get());
                """ + body;

        assertThat(tagOf(main(CONCEPT, body))).isEqualTo("piped:v1");
        assertThat(tagOf(main(CONCEPT, body))).as("run again").isEqualTo("piped:v1");
        assertThat(tagOf(main(CONCEPT, afterOtherLambdas))).as("other lambdas created first")
                .isEqualTo("piped:v1");
    }

    @Test
    void genericParameterTypesArePartOfTheVersion() {
        String strings = """
                Fn1<List<String>, Integer> model = bhb.trace("sized", xs -> xs.size());
                model.apply(List.of());
                System.out.println(((Traced) model).tag());
                """;
        String integers = strings.replace("List<String>", "List<Integer>");
        String inferred = """
                var model = bhb.trace("sized",
                        (List<String> xs)
                                -> xs.size());
                model.apply(List.of());
                System.out.println(((Traced) model).tag());
                """;

        String fromAFactory = """
                var model = demo.models.Sized.model(bhb);
                model.apply(List.of());
                System.out.println(((Traced) model).tag());
                """;
        String factory = """
                package demo.models;

                import java.util.List;
                import org.bighummingbird.BigHummingbird;
                import org.bighummingbird.Fn1;

                public final class Sized {
                    private Sized() {}

                    public static Fn1<List<String>, Integer> model(BigHummingbird bhb) {
                        return bhb.trace("sized", xs -> xs.size());
                    }
                }
                """;

        assertThat(tagOf(main(CONCEPT, strings))).isEqualTo("sized:v1");
        assertThat(tagOf(main(CONCEPT, integers))).as("same body, List<Integer>").isEqualTo("sized:v2");
        assertThat(tagOf(main(CONCEPT, inferred))).as("var, over three lines").isEqualTo("sized:v1");
        assertThat(tagOf(main(CONCEPT, fromAFactory, factory)))
                .as("traced in a factory method that returns it").isEqualTo("sized:v1");
        assertThat(tagOf(main(CONCEPT, fromAFactory, factory.replace("List<String>", "List<Integer>"))))
                .as("traced in a factory method that returns it, List<Integer>").isEqualTo("sized:v2");
    }

    @Test
    void genericReturnTypesArePartOfTheVersion() {
        String strings = """
                Fn1<String, List<String>> model = bhb.trace("listed", q -> new ArrayList<>());
                model.apply("why?");
                System.out.println(((Traced) model).tag());
                """;

        assertThat(tagOf(main(CONCEPT, strings))).isEqualTo("listed:v1");
        assertThat(tagOf(main(CONCEPT, strings.replace("List<String>", "List<Integer>"))))
                .as("same body, List<Integer>").isEqualTo("listed:v2");
    }

    @Test
    void aNewNameOrAnotherProjectStartsAtV1() {
        String named = """
                Fn2<Integer, Integer, Integer> model = bhb.trace("othername", (Integer a, Integer b) -> a + b);
                model.apply(1, 2);
                System.out.println(((Traced) model).tag());
                """;
        String elsewhere = named.replace("othername", "model");

        assertThat(tagOf(main(CONCEPT, named))).isEqualTo("othername:v1");
        assertThat(tagOf(main(OTHER, elsewhere))).isEqualTo("model:v1");
    }

    @Test
    void identicalCodeUnderTwoNamesInOneProcessMakesTwoModels() {
        String body = """
                Fn2<Integer, Integer, Integer> first = bhb.trace("model", (Integer a, Integer b) -> a + b);
                Fn2<Integer, Integer, Integer> second = bhb.trace("othername", (Integer a, Integer b) -> a + b);
                first.apply(1, 2);
                second.apply(1, 2);
                System.out.println(((Traced) first).tag());
                System.out.println(((Traced) second).tag());
                """;

        assertThat(run(main(TWIN, body), false)).containsExactly("model:v1", "othername:v1");
    }

    @Test
    void aMethodReferenceIsNamedAfterItsMethod() {
        String body = """
                Fn2<Integer, Integer, Integer> model = bhb.trace(Models::add);
                model.apply(1, 2);
                System.out.println(((Traced) model).tag());
                """;
        String models = """
                package demo;

                public final class Models {
                    private Models() {}

                    public static Integer add(Integer a, Integer b) {
                        return a + b;
                    }
                }
                """;

        assertThat(tagOf(main(CONCEPT, body, models))).isEqualTo("add:v1");
    }

    /** Once every program ran: the store holds exactly the versions above, numbered 1..n per model. */
    @AfterAll
    static void storeHoldsContiguousVersionsWithoutDuplicates() {
        try (Store store = Store.openLocal(home())) {
            ProjectRef concept = store.projects().find(Store.DEFAULT_WORKSPACE, CONCEPT).orElseThrow();
            ProjectRef other = store.projects().find(Store.DEFAULT_WORKSPACE, OTHER).orElseThrow();

            assertThat(tagsByModel(store.models().list(concept))).isEqualTo(new TreeMap<>(Map.ofEntries(
                    Map.entry("model", List.of(1, 2)),
                    Map.entry("formatted", List.of(1)),
                    Map.entry("spelled", List.of(1)),
                    Map.entry("placed", List.of(1)),
                    Map.entry("sorted", List.of(1, 2)),
                    Map.entry("toned", List.of(1, 2, 3)),
                    Map.entry("helped", List.of(1, 2, 3)),
                    Map.entry("literal", List.of(1, 2)),
                    Map.entry("constant", List.of(1, 2)),
                    Map.entry("computed", List.of(1, 2)),
                    Map.entry("captured", List.of(1, 2)),
                    Map.entry("piped", List.of(1)),
                    Map.entry("sized", List.of(1, 2)),
                    Map.entry("listed", List.of(1, 2)),
                    Map.entry("othername", List.of(1)),
                    Map.entry("add", List.of(1)))));
            assertThat(tagsByModel(store.models().list(other))).isEqualTo(Map.of("model", List.of(1)));
            for (ProjectRef p : List.of(concept, other)) {
                assertNoDuplicateKeys(store.models().list(p));
                assertThat(store.runs().count(p)).as("runs of %s", p.name())
                        .isEqualTo(runsByProject.get(p.name()).get());
            }
            ModelVersionInfo sized = store.models().list(concept).stream()
                    .filter(v -> v.tag().toString().equals("sized:v2")).findFirst().orElseThrow();
            assertThat(sized.signatureJson()).contains("java.util.List<java.lang.Integer>");
        }
    }

    private static Map<String, List<Integer>> tagsByModel(List<ModelVersionInfo> versions) {
        return versions.stream().collect(Collectors.groupingBy(v -> v.tag().name(), TreeMap::new,
                Collectors.mapping(v -> v.tag().version(), Collectors.toList())));
    }

    private static void assertNoDuplicateKeys(List<ModelVersionInfo> versions) {
        Map<String, List<String>> keysByModel = versions.stream().collect(Collectors.groupingBy(
                v -> v.tag().name(), Collectors.mapping(ModelVersionInfo::versionKey, Collectors.toList())));
        keysByModel.forEach((model, keys) -> assertThat(keys).as("keys of %s", model).doesNotHaveDuplicates());
    }

    // ---- programs --------------------------------------------------------------------------

    private static Path home() {
        return root.resolve("bhb-home");
    }

    /** Compiles the program, runs {@code demo.Main} in a fresh JVM and returns the one tag it printed. */
    private static String tagOf(DemoProgram program) {
        return onlyLine(run(program, false));
    }

    /** As {@link #tagOf}, in a working directory where the SDK finds the program's sources. */
    private static String tagOfWithSources(DemoProgram program) {
        return onlyLine(run(program, true));
    }

    private static String onlyLine(List<String> stdout) {
        assertThat(stdout).as("stdout").hasSize(1);
        return stdout.get(0);
    }

    /** Compiles the program, runs {@code demo.Main} in a fresh JVM and returns its stdout lines. */
    private static List<String> run(DemoProgram program, boolean withSources) {
        Path dir = root.resolve("program-" + programs.incrementAndGet());
        Path classes = JavaSources.compile(dir, program.sources(), JavaSources.DEBUG).classes();
        Path workDir = withSources ? dir : dir.resolve("work");
        List<String> out = Jvm.run(classes, "demo.Main", workDir, home().toString());
        runsByProject.computeIfAbsent(program.project(), p -> new AtomicInteger()).incrementAndGet();
        return out;
    }
}
