package org.bighummingbird;

import org.bighummingbird.sdk.TestAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.bighummingbird.core.InvalidName;
import org.bighummingbird.core.InvalidTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Judges fail fast on bad input, naming the parameter, and store nothing. */
class JudgeBadInputTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "judge:v1", "tab\tname", "nul\u0000", "rtl\u202e", "slash/name", "<script>"})
    void invalidNamesAreRejected(String name) {
        assertThatThrownBy(() -> Judge.of(name, "", o -> 1.0)).isInstanceOf(InvalidName.class)
                .hasMessageStartingWith("judge name");
        assertThatThrownBy(() -> Judge.exactMatch(name)).isInstanceOf(InvalidName.class);
        assertThatThrownBy(() -> Judge.regex(name, "a")).isInstanceOf(InvalidName.class);
    }

    @Test
    void nullsAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> Judge.of(null, "", o -> 1.0)).isInstanceOf(InvalidName.class);
        assertThatThrownBy(() -> Judge.of("j", null, o -> 1.0)).hasMessageContaining("description must not be null");
        assertThatThrownBy(() -> Judge.of("j", "", (Rubric<Object>) null)).hasMessage("rubric must not be null");
        assertThatThrownBy(() -> Judge.of("j", "", o -> 1.0, null)).hasMessage("criterion must not be null");
        assertThatThrownBy(() -> Judge.regex("j", null)).hasMessage("pattern must not be null");
        assertThatThrownBy(() -> Judge.llm("j", "", null)).hasMessage("config must not be null");
    }

    @Test
    void descriptionsUpTo10000CharactersAreKept() {
        assertThat(Judge.of("j", "d".repeat(10_000), o -> 1.0).description()).hasSize(10_000);
        assertThatThrownBy(() -> Judge.of("j", "d".repeat(10_001), o -> 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("description must be at most 10000 characters, got 10001");
    }

    @Test
    void aBadRegexIsRejectedAtOnce() {
        assertThatThrownBy(() -> Judge.regex("j", "([a-z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pattern is not a valid regular expression");
    }

    @Test
    void toleranceMustBeFiniteAndNotNegative() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> Judge.numericTolerance("j", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tolerance must be a finite number of 0 or more, got " + bad);
        }
        assertThat(Judge.numericTolerance("j", 0).kind()).isEqualTo("tolerance");
    }

    @Test
    void promptTemplatesMayUseOnlyKnownPlaceholdersAndMustUseOutput() {
        assertThatThrownBy(() -> LlmJudgeConfig.builder("m", "Judge {{output}} against {{reference}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown placeholder {{reference}}");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("m", "Judge {{input}}"))
                .hasMessageContaining("must contain {{output}}");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("m", " ")).hasMessageContaining("promptTemplate must not be blank");
        assertThatThrownBy(() -> LlmJudgeConfig.builder("", "{{output}}")).hasMessageContaining("model must not be blank");
        assertThat(LlmJudgeConfig.builder("m", "{{ output }} {{input}} {{expected}}").build().promptTemplate())
                .contains("{{ output }}");
    }

    @Test
    void llmSettingsAreValidated() {
        LlmJudgeConfig.Builder b = LlmJudgeConfig.builder("m", "{{output}}");
        assertThatThrownBy(() -> b.baseUrl("ftp://host")).hasMessageContaining("baseUrl must be an http or https URL");
        assertThatThrownBy(() -> b.baseUrl("not a url")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> b.baseUrl("https://api.openai.com/v1")).hasMessageContaining("without /v1");
        assertThatThrownBy(() -> b.baseUrl("https://user:pw@host")).hasMessageContaining("user info");
        assertThatThrownBy(() -> b.temperature(2.5)).hasMessage("temperature must be between 0 and 2, got 2.5");
        assertThatThrownBy(() -> b.temperature(Double.NaN)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> b.timeout(Duration.ZERO)).hasMessageContaining("timeout must be at least 1 ms");
        assertThatThrownBy(() -> b.maxRetries(-1)).hasMessageContaining("maxRetries must be between 0 and 10");
        assertThatThrownBy(() -> b.passingThreshold(Double.NaN)).hasMessageContaining("passingThreshold must be finite");
        assertThatThrownBy(() -> b.apiKeyVariable("sk-abc def")).hasMessageContaining("apiKeyVariable must be a variable name");
        LlmJudgeConfig config = b.baseUrl("http://localhost:11434/").apiKeyVariable(null).build();
        assertThat(config.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(config.apiKeyVariable()).isNull();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.passingThreshold()).isNull();
    }

    @Test
    void aRubricOrCriterionThatIsNotALambdaIsRejectedAtOnce() {
        Rubric<Object> anonymous = new Rubric<>() {
            @Override
            public double score(Object output) {
                return 1;
            }
        };
        assertThatThrownBy(() -> Judge.of("anon", "", anonymous))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rubric must be a lambda or a method reference, got an instance of");
        Criterion criterion = new Criterion() {
            @Override
            public boolean passes(double score) {
                return true;
            }
        };
        assertThatThrownBy(() -> Judge.of("anon", "", o -> 1.0, criterion))
                .hasMessageStartingWith("criterion must be a lambda or a method reference");
        try (var bhb = BigHummingbird.local("P", home)) {
            assertThatThrownBy(() -> bhb.addJudge(null)).hasMessage("judge must not be null");
            assertThat(bhb.addJudge(Judge.of("anon", "", o -> 1.0))).isEqualTo("anon:v1");
            assertThatThrownBy(() -> TestAccess.judges(bhb).scorer("anon:v0")).isInstanceOf(InvalidTag.class);
        }
    }

    @Test
    void withAServerJudgesAndDatasetsGoThereAndSayWhenItIsAway() {
        try (var bhb = BigHummingbird.builder("P").home(home).url("http://127.0.0.1:9")
                .retryBackoff(java.time.Duration.ofMillis(1)).build()) {
            assertThatThrownBy(() -> bhb.addJudge(Judge.exactMatch("exact")))
                    .isInstanceOf(org.bighummingbird.sdk.spi.SinkUnavailable.class)
                    .hasMessageContaining("the server at http://127.0.0.1:9 is unreachable");
            assertThatThrownBy(() -> TestAccess.judges(bhb).scorer("exact:v1"))
                    .isInstanceOf(org.bighummingbird.sdk.spi.SinkUnavailable.class);
            // one catalog: datasets say the same of the same back-end
            assertThatThrownBy(() -> bhb.uploadDataset(Dataset.of("qa", "", java.util.List.of(1))))
                    .isInstanceOf(org.bighummingbird.sdk.spi.SinkUnavailable.class)
                    .hasMessageContaining("the server at http://127.0.0.1:9 is unreachable");
        }
    }

    @Test
    void aSpecTheServerWouldRefuseIsRefusedBeforeAnythingIsSent() {
        Judge tooPatient = Judge.llm("slow", "", LlmJudgeConfig.builder("m", "Rate {{output}}")
                .timeout(Duration.ofDays(2)).build());
        try (var bhb = BigHummingbird.builder("P").home(home).url("http://127.0.0.1:9")
                .retryBackoff(Duration.ofMillis(1)).build()) {
            assertThatThrownBy(() -> bhb.addJudge(tooPatient))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("judge slow: timeoutMillis must be an integer from 1 to 86400000")
                    .cause().isInstanceOfSatisfying(org.bighummingbird.core.InvalidJudgeSpec.class,
                            e -> assertThat(e.field()).isEqualTo("timeoutMillis"));
        }
        try (var bhb = BigHummingbird.local("P", home)) {
            assertThatThrownBy(() -> bhb.addJudge(tooPatient))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeoutMillis");
            assertThatThrownBy(() -> TestAccess.judges(bhb).scorer("slow:v1")).isInstanceOf(JudgeUnavailable.class);
        }
    }

    @Test
    void judgeCallsAfterCloseFail() {
        var bhb = BigHummingbird.local("P", home);
        bhb.close();
        assertThatThrownBy(() -> bhb.addJudge(Judge.exactMatch("exact")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void withACustomSinkJudgesGoToTheStoreUnderHome() {
        try (var bhb = BigHummingbird.builder("P").home(home).sink(new org.bighummingbird.sdk.spi.RunSink() {
            @Override
            public org.bighummingbird.core.Tag register(String project,
                    org.bighummingbird.core.VersionRegistration registration) {
                return new org.bighummingbird.core.Tag(registration.modelName(), 1);
            }

            @Override
            public void write(String project, java.util.List<org.bighummingbird.core.RunRecord> runs) {}
        }).build()) {
            assertThat(bhb.addJudge(Judge.contains("has"))).isEqualTo("has:v1");
            assertThat(TestAccess.judges(bhb).scorer("has:v1").score(null, "abc", "b").passed()).isTrue();
        }
    }
}
