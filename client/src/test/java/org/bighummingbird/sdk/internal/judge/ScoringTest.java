package org.bighummingbird.sdk.internal.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.bighummingbird.Criterion;
import org.bighummingbird.RowRubric;
import org.bighummingbird.Rubric;
import org.junit.jupiter.api.Test;

/** What a judge makes of a row: finite scores, passed values, and error rows that never throw. */
class ScoringTest {
    private static Score code(Rubric<?> rubric, Criterion criterion, Object output) {
        return new CodeScorer(new CodeJudge(rubric, criterion)).score("in", output, "expected");
    }

    @Test
    void aFiniteScoreIsJudgedByTheCriterion() {
        Score passed = code((String s) -> s.length(), s -> s > 2, "abcd");
        assertThat(passed.score()).isEqualTo(4.0);
        assertThat(passed.passed()).isTrue();
        assertThat(passed.isError()).isFalse();
        assertThat(code((String s) -> s.length(), s -> s > 2, "ab").passed()).isFalse();
    }

    @Test
    void withoutCriterionPassedIsUnknown() {
        Score score = code((String s) -> -1.5, null, "x");
        assertThat(score.score()).isEqualTo(-1.5);
        assertThat(score.passed()).isNull();
    }

    @Test
    void aRowRubricSeesInputOutputAndExpected() {
        RowRubric<String, String, String> rubric = (in, out, exp) -> (in + out + exp).length();
        Score score = new CodeScorer(new CodeJudge(rubric, s -> s == 13)).score("ab", "cde", "fghijklm");
        assertThat(score.score()).isEqualTo(13.0);
        assertThat(score.passed()).isTrue();
    }

    @Test
    void aRubricThatThrowsMakesAnErrorRowWithTheException() {
        IllegalStateException boom = new IllegalStateException("boom");
        Score score = code((Object o) -> {
            throw boom;
        }, s -> true, "x");
        assertThat(score.isError()).isTrue();
        assertThat(score.score()).isNull();
        assertThat(score.passed()).isNull();
        assertThat(score.error()).isEqualTo("rubric threw java.lang.IllegalStateException: boom");
        assertThat(score.cause()).isSameAs(boom);
    }

    @Test
    void nanAndInfinitiesAreErrorRowsAndTheCriterionIsNotAsked() {
        Criterion never = s -> {
            throw new AssertionError("criterion asked about " + s);
        };
        assertThat(code(o -> Double.NaN, never, "x").error()).startsWith("rubric returned NaN");
        assertThat(code(o -> Double.POSITIVE_INFINITY, never, "x").error()).startsWith("rubric returned Infinity");
        assertThat(code(o -> Double.NEGATIVE_INFINITY, never, "x").error()).startsWith("rubric returned -Infinity");
        assertThat(code(o -> 0.0 / 0.0, null, "x").isError()).isTrue();
    }

    @Test
    void aCriterionThatThrowsMakesAnErrorRow() {
        Score score = code(o -> 3.0, s -> {
            throw new UnsupportedOperationException("no verdict");
        }, "x");
        assertThat(score.error()).isEqualTo("criterion threw on score 3.0: java.lang.UnsupportedOperationException: no verdict");
        assertThat(score.cause()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNullOutputReachesTheRubricAndItsNullPointerExceptionIsAnErrorRow() {
        assertThat(code((String s) -> s.length(), null, null).error())
                .startsWith("rubric threw java.lang.NullPointerException");
        assertThat(code((String s) -> s == null ? 0 : 1, s -> s > 0, null).passed()).isFalse();
    }

    @Test
    void anOutputOfAnotherTypeThanTheRubricTakesIsAnErrorRow() {
        assertThat(code((String s) -> s.length(), null, 42).error())
                .startsWith("rubric threw java.lang.ClassCastException");
    }

    @Test
    void aStackOverflowInTheRubricIsAnErrorRow() {
        assertThat(code(o -> recurse(1), null, "x").error()).startsWith("rubric threw java.lang.StackOverflowError");
    }

    private static double recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void exactMatchComparesJsonWithNumbersByValue() {
        BuiltinScorer exact = new BuiltinScorer(new Spec.Exact());
        assertThat(exact.score(null, "Paris", "Paris").passed()).isTrue();
        assertThat(exact.score(null, "paris", "Paris").score()).isZero();
        assertThat(exact.score(null, 1, 1.0).passed()).isTrue();
        assertThat(exact.score(null, 1L, new java.math.BigDecimal("1.00")).passed()).isTrue();
        assertThat(exact.score(null, Map.of("a", List.of(1, 2)), Map.of("a", List.of(1.0, 2.0))).passed()).isTrue();
        assertThat(exact.score(null, Map.of("a", 1), Map.of("a", 1, "b", 2)).passed()).isFalse();
        assertThat(exact.score(null, "1", 1).passed()).as("a string is not a number").isFalse();
        assertThat(exact.score(null, null, null).passed()).isTrue();
        assertThat(exact.score(null, null, "x").passed()).isFalse();
    }

    @Test
    void containsAndRegexReadTheOutputsText() {
        BuiltinScorer contains = new BuiltinScorer(new Spec.Contains());
        assertThat(contains.score(null, "The capital is Paris.", "Paris").score()).isEqualTo(1.0);
        assertThat(contains.score(null, "The capital is Lyon.", "Paris").passed()).isFalse();
        assertThat(contains.score(null, List.of(1, 42, 3), 42).passed()).isTrue();
        assertThat(contains.score(null, null, "Paris").passed()).isFalse();

        BuiltinScorer regex = new BuiltinScorer(new Spec.Regex("^\\d{3}-\\d{4}$"));
        assertThat(regex.score(null, "555-1234", null).passed()).isTrue();
        assertThat(regex.score(null, "call 555-1234", null).passed()).isFalse();
        assertThat(regex.score(null, null, null).passed()).isFalse();
    }

    @Test
    void numericToleranceScoresNumbersAndMakesErrorRowsOfTheRest() {
        BuiltinScorer tolerance = new BuiltinScorer(new Spec.Tolerance(0.5));
        assertThat(tolerance.score(null, 10.4, 10).passed()).isTrue();
        assertThat(tolerance.score(null, 10.5, 10).passed()).isTrue();
        assertThat(tolerance.score(null, 10.51, 10).score()).isZero();
        assertThat(tolerance.score(null, "9.8", "10").passed()).as("numeric strings").isTrue();
        assertThat(tolerance.score(null, "ten", 10).error()).isEqualTo("output is not a finite number: ten");
        assertThat(tolerance.score(null, null, 10).error()).isEqualTo("output is not a finite number: null");
        assertThat(tolerance.score(null, Double.NaN, 10).isError()).isTrue();
        assertThat(tolerance.score(null, 1, Map.of("x", 1)).error()).startsWith("expected value is not a finite number");
    }

    @Test
    void oneScorerServesManyThreadsAtOnce() throws Exception {
        Rubric<Integer> twice = i -> i * 2.0;
        CodeScorer scorer = new CodeScorer(new CodeJudge(twice, s -> s % 4 == 0));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Score>> futures = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int n = i;
                futures.add(pool.submit(() -> scorer.score(null, n, null)));
            }
            for (int i = 0; i < futures.size(); i++) {
                Score s = futures.get(i).get();
                assertThat(s.score()).isEqualTo(i * 2.0);
                assertThat(s.passed()).isEqualTo(i % 2 == 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void specsRoundTripThroughTheirStoredJson() {
        Spec llm = new Spec.Llm("Rate {{output}}", "sys", "http://h", "m", null, 0.2, 1000, 2, 7.0);
        assertThat(Spec.parse(llm.json())).isEqualTo(llm);
        assertThat(Spec.parse(new Spec.Regex("a+").json())).isEqualTo(new Spec.Regex("a+"));
        assertThat(Spec.parse(new Spec.Tolerance(0.1).json())).isEqualTo(new Spec.Tolerance(0.1));
        assertThat(llm.json()).startsWith("{\"baseUrl\":\"http://h\",\"kind\":\"llm\",\"maxRetries\":2,");
    }
}
