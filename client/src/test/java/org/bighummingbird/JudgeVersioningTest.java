package org.bighummingbird;

import org.bighummingbird.sdk.TestAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bighummingbird.core.TagReference;
import org.bighummingbird.sdk.internal.judge.Score;
import org.bighummingbird.store.JudgeVersion;
import org.bighummingbird.store.ProjectRef;
import org.bighummingbird.store.Store;
import org.bighummingbird.testing.JavaSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judge versions through the SDK on a real SQLite home: the tag rules of models, for judges. */
class JudgeVersioningTest {
    private static final String PROJECT = "Concept Project";

    @TempDir
    Path home;
    @TempDir
    Path sources;

    private final List<URLClassLoader> loaders = new ArrayList<>();

    @AfterEach
    void closeLoaders() throws IOException {
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
    }

    static double lengthScore(Object output) {
        return String.valueOf(output).length();
    }

    private static Judge original() {
        return Judge.of("random_judge", "1 to 10", out -> lengthScore(out), s -> s > 5);
    }

    private static Judge reformatted() {
        return Judge.of("random_judge", "1 to 10",
                // the same rubric and criterion, written another way
                (Object output) -> lengthScore(
                        output),
                score -> score
                        > 5 /* unchanged */);
    }

    private static Judge otherRubric() {
        return Judge.of("random_judge", "1 to 10", out -> lengthScore(out) * 2, s -> s > 5);
    }

    private static Judge otherCriterion() {
        return Judge.of("random_judge", "1 to 10", out -> lengthScore(out), s -> s > 6);
    }

    @Test
    void sameCodeSameTagChangeNextVersionRevertEarlierTag() {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            assertThat(bhb.addJudge(original())).isEqualTo("random_judge:v1");
            assertThat(bhb.addJudge(original())).isEqualTo("random_judge:v1");
            assertThat(bhb.addJudge(reformatted())).as("formatting, comments, names").isEqualTo("random_judge:v1");
            assertThat(bhb.addJudge(otherRubric())).isEqualTo("random_judge:v2");
            assertThat(bhb.addJudge(otherCriterion())).isEqualTo("random_judge:v3");
            assertThat(bhb.addJudge(Judge.of("random_judge", "1 to 10", out -> lengthScore(out))))
                    .as("dropping the criterion").isEqualTo("random_judge:v4");
            assertThat(bhb.addJudge(original())).as("revert").isEqualTo("random_judge:v1");
            assertThat(bhb.addJudge(otherRubric())).isEqualTo("random_judge:v2");
        }
    }

    @Test
    void manyThreadsAddingOneNewJudgeGetOneVersion() throws Exception {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                List<java.util.concurrent.Future<String>> tags = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    tags.add(pool.submit(() -> bhb.addJudge(original())));
                }
                for (var tag : tags) {
                    assertThat(tag.get()).isEqualTo("random_judge:v1");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theSameJudgeInAnotherInstanceGetsTheSameTagAndOtherNamesStartAtOne() {
        try (var first = BigHummingbird.local(PROJECT, home)) {
            assertThat(first.addJudge(original())).isEqualTo("random_judge:v1");
            assertThat(first.addJudge(otherRubric())).isEqualTo("random_judge:v2");
        }
        try (var second = BigHummingbird.local(PROJECT, home)) {
            assertThat(second.addJudge(otherRubric())).isEqualTo("random_judge:v2");
            assertThat(second.addJudge(original())).isEqualTo("random_judge:v1");
            assertThat(second.addJudge(Judge.of("other", "1 to 10", out -> lengthScore(out) * 2, s -> s > 5)))
                    .isEqualTo("other:v1");
        }
        try (var elsewhere = BigHummingbird.local("Other Project", home)) {
            assertThat(elsewhere.addJudge(otherRubric())).isEqualTo("random_judge:v1");
        }
    }

    @Test
    void rowRubricsAndMethodReferencesAreVersionedToo() {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            assertThat(bhb.addJudge(Judge.of("row", "", out -> 1.0))).isEqualTo("row:v1");
            assertThat(bhb.addJudge(Judge.of("row", "", (in, out, expected) -> 1.0))).isEqualTo("row:v2");
            assertThat(bhb.addJudge(Judge.of("ref", "", JudgeVersioningTest::lengthScore))).isEqualTo("ref:v1");
            assertThat(bhb.addJudge(Judge.of("ref", "", JudgeVersioningTest::lengthScore, s -> s > 1)))
                    .isEqualTo("ref:v2");
        }
    }

    @Test
    void editingAHelperTheRubricCallsMakesANewVersionAndFormattingDoesNot() throws Exception {
        String base = """
                package demo;

                import org.bighummingbird.Judge;

                public final class Judges {
                    public static Judge judge() {
                        return Judge.of("helper_judge", "by length", out -> Scoring.score(out), s -> s >= 3);
                    }
                }
                """;
        String scoring = """
                package demo;

                final class Scoring {
                    static double score(Object out) {
                        return String.valueOf(out).length() / 2.0;
                    }
                }
                """;
        String reformatted = """
                package demo;

                // moved around, commented
                final class Scoring {


                    /** Half the length. */
                    static double score(Object output) {
                        return String.valueOf(output)
                                .length() / 2.0; // halved
                    }
                }
                """;
        String edited = scoring.replace("/ 2.0", "/ 3.0");
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            assertThat(bhb.addJudge(compiled(base, scoring))).isEqualTo("helper_judge:v1");
            assertThat(bhb.addJudge(compiled(base, reformatted))).isEqualTo("helper_judge:v1");
            assertThat(bhb.addJudge(compiled(base, edited))).isEqualTo("helper_judge:v2");
            assertThat(bhb.addJudge(compiled(base, scoring))).isEqualTo("helper_judge:v1");
        }
    }

    /** {@code demo.Judges.judge()} compiled from these sources into a class loader of its own. */
    private Judge compiled(String judges, String scoring) throws Exception {
        Path classes = JavaSources.compile(sources.resolve("v" + loaders.size()),
                Map.of("demo.Judges", judges, "demo.Scoring", scoring), JavaSources.DEBUG).classes();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JudgeVersioningTest.class.getClassLoader());
        loaders.add(loader);
        return (Judge) loader.loadClass("demo.Judges").getMethod("judge").invoke(null);
    }

    @Test
    void declarativeJudgesKeyOnTheirSpec() {
        LlmJudgeConfig.Builder llm = LlmJudgeConfig.builder("gpt-4o-mini", "Rate 1 to 10: {{output}}");
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            assertThat(bhb.addJudge(Judge.regex("format", "^[A-Z]"))).isEqualTo("format:v1");
            assertThat(bhb.addJudge(Judge.regex("format", "^[A-Z]"))).isEqualTo("format:v1");
            assertThat(bhb.addJudge(Judge.regex("format", "^[a-z]"))).isEqualTo("format:v2");
            assertThat(bhb.addJudge(Judge.regex("format", "^[A-Z]").withDescription("capitalised")))
                    .as("the description is not keyed on").isEqualTo("format:v1");
            assertThat(bhb.addJudge(Judge.exactMatch("format"))).isEqualTo("format:v3");
            assertThat(bhb.addJudge(Judge.numericTolerance("close", 0.5))).isEqualTo("close:v1");
            assertThat(bhb.addJudge(Judge.numericTolerance("close", 0.25))).isEqualTo("close:v2");
            assertThat(bhb.addJudge(Judge.llm("llm", "quality", llm.build()))).isEqualTo("llm:v1");
            assertThat(bhb.addJudge(Judge.llm("llm", "quality", llm.build()))).isEqualTo("llm:v1");
            assertThat(bhb.addJudge(Judge.llm("llm", "quality", llm.temperature(0.5).build()))).isEqualTo("llm:v2");
            assertThat(bhb.addJudge(Judge.llm("llm", "quality",
                    LlmJudgeConfig.builder("gpt-4o", "Rate 1 to 10: {{output}}").build()))).isEqualTo("llm:v3");
        }
    }

    @Test
    void anLlmJudgeStoresTheKeysVariableNameNeverTheKey() {
        System.setProperty("JUDGE_TEST_KEY_1", "sk-secret-value");
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            bhb.addJudge(Judge.llm("llm", "quality", LlmJudgeConfig.builder("m", "{{output}}")
                    .apiKeyVariable("JUDGE_TEST_KEY_1").baseUrl("http://127.0.0.1:9").build()));
        } finally {
            System.clearProperty("JUDGE_TEST_KEY_1");
        }
        JudgeVersion stored = stored("llm:v1");
        assertThat(stored.kind()).isEqualTo("llm");
        assertThat(stored.specJson()).contains("\"apiKeyVariable\":\"JUDGE_TEST_KEY_1\"", "\"baseUrl\":\"http://127.0.0.1:9\"")
                .doesNotContain("sk-secret-value");
        assertThat(stored.code()).isEmpty();
    }

    @Test
    void aCodeJudgeStoresItsCodeAndFingerprints() {
        try (var bhb = BigHummingbird.local(PROJECT, home)) {
            bhb.addJudge(original());
        }
        JudgeVersion stored = stored("random_judge:v1");
        assertThat(stored.kind()).isEqualTo("code");
        assertThat(stored.description()).isEqualTo("1 to 10");
        assertThat(stored.key()).matches("[0-9a-f]{64}");
        assertThat(stored.specJson()).contains("\"rubric\":\"output\"", "\"rubricFingerprint\":\"", "\"criterionFingerprint\":\"");
        assertThat(stored.code()).contains("// rubric", "// criterion", "lengthScore");
        assertThat(stored.metadataJson()).contains("\"jvm\"");
    }

    @Test
    void aCodeJudgeRunsByTagOnlyWhereItsCodeIsLoaded() {
        try (var first = BigHummingbird.local(PROJECT, home)) {
            String tag = first.addJudge(original());
            Score score = TestAccess.judges(first).scorer(tag).score(null, "abcdefgh", null);
            assertThat(score.score()).isEqualTo(8.0);
            assertThat(score.passed()).isTrue();

            try (var second = BigHummingbird.local(PROJECT, home)) {
                assertThatThrownBy(() -> TestAccess.judges(second).scorer(tag))
                        .isInstanceOf(JudgeUnavailable.class)
                        .hasMessageContaining("random_judge:v1")
                        .hasMessageContaining("code is not loaded in this process")
                        .hasMessageContaining("addJudge");
                assertThat(second.addJudge(original())).isEqualTo(tag);
                assertThat(TestAccess.judges(second).scorer("random_judge:latest").score(null, "abc", null).passed()).isFalse();
            }
        }
    }

    @Test
    void aDeclarativeJudgeRunsByTagInAnyInstance() {
        try (var first = BigHummingbird.local(PROJECT, home)) {
            first.addJudge(Judge.regex("format", "^[A-Z]"));
        }
        try (var second = BigHummingbird.local(PROJECT, home)) {
            assertThat(TestAccess.judges(second).scorer("format:v1").score(null, "Paris", null).passed()).isTrue();
            assertThat(TestAccess.judges(second).scorer("format:latest").score(null, "paris", null).score()).isZero();
            org.bighummingbird.sdk.spi.catalog.JudgeVersion latest = TestAccess.judges(second).version("format:latest");
            assertThat(latest.tag().toString()).as("latest resolved for the evaluation to record").isEqualTo("format:v1");
            assertThat(latest.id()).isNotBlank();
            assertThatThrownBy(() -> TestAccess.judges(second).scorer("format:v2"))
                    .isInstanceOf(JudgeUnavailable.class).hasMessageContaining("no judge version format:v2");
        }
    }

    private JudgeVersion stored(String tag) {
        try (Store store = Store.openLocal(home)) {
            ProjectRef p = store.projects().find(Store.DEFAULT_WORKSPACE, PROJECT).orElseThrow();
            return store.judges().find(p, TagReference.parse(tag)).orElseThrow();
        }
    }
}
