package org.bighummingbird.sdk.internal.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.bighummingbird.store.ModelVersionInfo;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.testing.Jars;
import org.bighummingbird.testing.JavaSources;
import org.bighummingbird.testing.Jvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version's identity is a function of the bytecode and the declared types only. One program — a
 * lambda model with a generic signature calling a helper in another class, a method reference, and
 * a lambda whose generic types only its source spells — compiled by javac with {@code -g}, without
 * {@code -g} and with {@code -g:none}, runs in separate JVMs on one store: from a directory of classes
 * and from a jar built from it, with the sources visible in the working directory and not, on Java
 * 17 and on Java 25. Every run must print the same three tags; editing the helper inside the jar
 * must make a new version.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityMatrixTest {
    private static final Path JAVA_17 = Path.of(System.getProperty("java.home"));
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final List<String> TAGS = List.of("counts:v1", "tokens:v1", "spelled:v1");
    private static final Map<String, List<String>> DEBUG = Map.of("-g", JavaSources.DEBUG, "no -g", List.of(),
            "-g:none", JavaSources.NO_DEBUG);

    private static final String MAIN = """
            package demo;

            import java.nio.file.Path;
            import java.util.List;
            import java.util.Map;
            import org.bighummingbird.BigHummingbird;
            import org.bighummingbird.Fn1;
            import org.bighummingbird.Traced;

            public class Main {
                public static void main(String[] args) {
                    try (BigHummingbird bhb = BigHummingbird.local("Identity", Path.of(args[0]))) {
                        Fn1<List<String>, Map<String, Integer>> counts = Models.counts(bhb);
                        counts.apply(List.of("a", "b", "A"));
                        Fn1<String, List<String>> tokens = bhb.trace(Models::tokens);
                        tokens.apply(" a b ");
                        Traced spelled = (Traced) bhb.trace("spelled", (List<String> words) -> words.size());
                        System.out.println(((Traced) counts).tag());
                        System.out.println(((Traced) tokens).tag());
                        System.out.println(spelled.tag());
                    }
                }
            }
            """;
    private static final String MODELS = """
            package demo;

            import demo.text.Words;
            import java.util.List;
            import java.util.Map;
            import org.bighummingbird.BigHummingbird;
            import org.bighummingbird.Fn1;

            public final class Models {
                private Models() {}

                public static Fn1<List<String>, Map<String, Integer>> counts(BigHummingbird bhb) {
                    return bhb.trace("counts", words -> Words.count(words));
                }

                public static List<String> tokens(String text) {
                    return Words.split(text);
                }
            }
            """;
    private static final String WORDS = """
            package demo.text;

            import java.util.List;
            import java.util.Map;
            import java.util.TreeMap;

            public final class Words {
                private Words() {}

                public static Map<String, Integer> count(List<String> words) {
                    Map<String, Integer> counts = new TreeMap<>();
                    for (String word : words) {
                        counts.merge(word.toLowerCase(), 1, Integer::sum);
                    }
                    return counts;
                }

                public static List<String> split(String text) {
                    return List.of(text.strip().split("\\\\s+"));
                }
            }
            """;

    @TempDir
    static Path root;

    private static final List<Build> builds = new ArrayList<>();

    /** A compiled program: its project directory (sources under src/main/java), classes and jar. */
    private record Build(String debug, Path dir, Path classes, Path jar) {}

    @BeforeAll
    static void compile() {
        DEBUG.forEach((name, options) -> builds.add(build("app" + builds.size(), name, WORDS, options)));
    }

    @Test
    @Order(1)
    void oneTagPerModelOnJava17() throws Exception {
        assertThat(runAll(JAVA_17)).allSatisfy((run, tags) -> assertThat(tags).as(run).isEqualTo(TAGS));
    }

    @Test
    @Order(2)
    void theSameTagsOnJava25() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_25.resolve("bin/java")), "no Temurin 25 at " + JAVA_25);

        assertThat(runAll(JAVA_25)).allSatisfy((run, tags) -> assertThat(tags).as(run).isEqualTo(TAGS));
    }

    @Test
    @Order(3)
    void editingTheHelperInsideTheJarMakesANewVersion() {
        Build edited = build("edited", "-g", WORDS.replace("toLowerCase", "toUpperCase"), JavaSources.DEBUG);
        List<String> expected = List.of("counts:v2", "tokens:v1", "spelled:v1");

        assertThat(run(JAVA_17, edited.jar(), edited.dir().resolve("work"))).as("jar").isEqualTo(expected);
        assertThat(run(JAVA_17, edited.classes(), edited.dir())).as("classes").isEqualTo(expected);
        assertThat(run(JAVA_17, builds.get(0).jar(), builds.get(0).dir().resolve("work"))).as("reverted")
                .isEqualTo(TAGS);
    }

    /** Whatever ran: one version per identity key, and exactly the versions above. */
    @AfterAll
    static void theStoreHoldsOneKeyPerVersion() {
        try (Store store = Store.openLocal(home())) {
            ProjectRef project = store.projects().find(Store.DEFAULT_WORKSPACE, "Identity").orElseThrow();
            List<ModelVersionInfo> versions = store.models().list(project);

            Map<String, List<Integer>> tagsByModel = versions.stream().collect(Collectors.groupingBy(
                    v -> v.tag().name(), TreeMap::new, Collectors.mapping(v -> v.tag().version(), Collectors.toList())));
            assertThat(tagsByModel).isEqualTo(new TreeMap<>(Map.of("counts", List.of(1, 2), "tokens", List.of(1),
                            "spelled", List.of(1))));
            assertThat(versions).extracting(ModelVersionInfo::versionKey).doesNotHaveDuplicates();
        }
    }

    /** Every build from its classes and its jar, in its project directory and elsewhere; two at a time. */
    private static Map<String, List<String>> runAll(Path javaHome) throws Exception {
        Map<String, Future<List<String>>> runs = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Build b : builds) {
                for (Path classPath : List.of(b.classes(), b.jar())) {
                    for (Path workDir : List.of(b.dir(), b.dir().resolve("work"))) {
                        String name = "%s, %s, from %s, in %s".formatted(javaHome.getFileName(), b.debug(),
                                root.relativize(classPath), root.relativize(workDir));
                        runs.put(name, pool.submit(() -> run(javaHome, classPath, workDir)));
                    }
                }
            }
            Map<String, List<String>> tags = new TreeMap<>();
            for (Map.Entry<String, Future<List<String>>> e : runs.entrySet()) {
                tags.put(e.getKey(), e.getValue().get());
            }
            return tags;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> run(Path javaHome, Path classPath, Path workDir) {
        return Jvm.runOn(javaHome, classPath, "demo.Main", workDir, home().toString());
    }

    private static Build build(String name, String debug, String words, List<String> options) {
        JavaSources.Compiled compiled = JavaSources.compile(root.resolve(name),
                Map.of("demo.Main", MAIN, "demo.Models", MODELS, "demo.text.Words", words), options);
        Path jar = Jars.of(compiled.classes(), compiled.dir().resolve(name + ".jar"));
        return new Build(debug, compiled.dir(), compiled.classes(), jar);
    }

    private static Path home() {
        return root.resolve("bhb-home");
    }
}
