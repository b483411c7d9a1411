package org.bighummingbird;

import java.io.Serializable;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A judge: a name, a description, a scoring rubric and an optional passing criterion. Register it
 * with {@link BigHummingbird#addJudge(Judge)}, which returns its tag, {@code name:vN}.
 *
 * <pre>{@code
 * String judge = bhb.addJudge(Judge.of("random_judge", "1 to 10", out -> score(out), s -> s > 5));
 * String exact = bhb.addJudge(Judge.exactMatch("exact"));
 * }</pre>
 *
 * <p>Two kinds. <b>Code judges</b> ({@code of(...)}) are Java lambdas or method references,
 * fingerprinted like models: the same code gives the same tag, a change the next version, a revert
 * the earlier tag. Their code runs only in a process that registered them. <b>Declarative
 * judges</b> ({@link #exactMatch}, {@link #contains}, {@link #regex}, {@link #numericTolerance},
 * {@link #llm}) are stored as data and run in any process from their tag; built-ins score 1 or 0
 * and pass on 1.
 *
 * <p>A judge holds what it was made of as plain values ({@link #kind()}, {@link #rubric()},
 * {@link #criterion()}, {@link #parameters()}, {@link #llmConfig()}); the implementation turns them
 * into a stored spec when it is added. Immutable and thread-safe; every factory validates at once and
 * names the bad parameter.
 */
public final class Judge {
    /** Longest accepted description, in characters. */
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;

    /** The kind of a code judge. */
    public static final String CODE = "code";
    /** The kind of {@link #exactMatch(String)}. */
    public static final String EXACT = "exact";
    /** The kind of {@link #contains(String)}. */
    public static final String CONTAINS = "contains";
    /** The kind of {@link #regex(String, String)}. */
    public static final String REGEX = "regex";
    /** The kind of {@link #numericTolerance(String, double)}. */
    public static final String TOLERANCE = "tolerance";
    /** The kind of {@link #llm(String, String, LlmJudgeConfig)}. */
    public static final String LLM = "llm";

    private final String name;
    private final String description;
    private final String kind;
    private final Serializable rubric;
    private final Criterion criterion;
    private final Map<String, Object> parameters;
    private final LlmJudgeConfig llmConfig;

    private Judge(String name, String description, String kind, Serializable rubric, Criterion criterion,
            Map<String, Object> parameters, LlmJudgeConfig llmConfig) {
        this.name = Implementation.provider().values().requireName("judge name", name);
        this.description = checkDescription(description);
        this.kind = kind;
        this.rubric = rubric;
        this.criterion = criterion;
        this.parameters = Map.copyOf(parameters);
        this.llmConfig = llmConfig;
    }

    private static Judge code(String name, String description, Serializable rubric, Criterion criterion) {
        return new Judge(name, description, CODE, rubric, criterion, Map.of(), null);
    }

    private static Judge builtin(String name, String description, String kind, Map<String, Object> parameters) {
        return new Judge(name, description, kind, null, null, parameters, null);
    }

    private static String checkDescription(String description) {
        if (description == null) {
            throw new IllegalArgumentException("description must not be null; use \"\" for none");
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description must be at most " + MAX_DESCRIPTION_LENGTH
                    + " characters, got " + description.length());
        }
        return description;
    }

    /**
     * A code judge scoring the output with {@code rubric} and passing what {@code criterion} accepts.
     *
     * @param name 1–200 letters, digits, spaces and {@code _ - .}
     * @param description what the judge scores, up to 10,000 characters
     * @param rubric a serializable lambda or method reference
     * @param criterion a serializable lambda or method reference
     * @throws RuntimeException (bhb-sdk: {@code InvalidName}) when the name is not valid
     * @throws IllegalArgumentException when any other argument is null, the description is too long,
     *     or the rubric or criterion is not a lambda or method reference
     */
    public static <O> Judge of(String name, String description, Rubric<O> rubric, Criterion criterion) {
        return code(name, description, function("rubric", rubric), function("criterion", criterion));
    }

    /**
     * A code judge that only scores: rows have a score and no passed value; see
     * {@link #of(String, String, Rubric, Criterion)}.
     */
    public static <O> Judge of(String name, String description, Rubric<O> rubric) {
        return code(name, description, function("rubric", rubric), null);
    }

    /**
     * A code judge whose rubric sees the row's input, the output and the row's expected value;
     * see {@link #of(String, String, Rubric, Criterion)}.
     */
    public static <I, O, E> Judge of(String name, String description, RowRubric<I, O, E> rubric,
            Criterion criterion) {
        return code(name, description, function("rubric", rubric), function("criterion", criterion));
    }

    /** A code judge over whole rows that only scores; see {@link #of(String, String, RowRubric, Criterion)}. */
    public static <I, O, E> Judge of(String name, String description, RowRubric<I, O, E> rubric) {
        return code(name, description, function("rubric", rubric), null);
    }

    /**
     * Scores 1 when the output equals the row's expected value, else 0; passes on 1. Values are
     * compared as JSON: numbers by value ({@code 1} equals {@code 1.0}), strings exactly.
     */
    public static Judge exactMatch(String name) {
        return builtin(name, "output equals the expected value", EXACT, Map.of());
    }

    /**
     * Scores 1 when the output contains the row's expected value, else 0; passes on 1. A string is
     * its own text; anything else is compared by its compact JSON.
     */
    public static Judge contains(String name) {
        return builtin(name, "output contains the expected value", CONTAINS, Map.of());
    }

    /**
     * Scores 1 when {@code pattern} is found in the output (its text, as for {@link #contains}), else
     * 0; passes on 1.
     *
     * @throws IllegalArgumentException when the pattern is null or not a valid {@link Pattern}
     */
    public static Judge regex(String name, String pattern) {
        required("pattern", pattern);
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern is not a valid regular expression: " + e.getMessage(), e);
        }
        return builtin(name, "output matches /" + pattern + "/", REGEX, Map.of("pattern", pattern));
    }

    /**
     * Scores 1 when the output is a number within {@code tolerance} of the row's expected number
     * ({@code |output - expected| <= tolerance}), else 0; passes on 1. A row whose output or
     * expected value is not a number is an error row.
     *
     * @throws IllegalArgumentException when the tolerance is negative, NaN or infinite
     */
    public static Judge numericTolerance(String name, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number of 0 or more, got " + tolerance);
        }
        return builtin(name, "output within " + tolerance + " of the expected number", TOLERANCE,
                Map.of("tolerance", tolerance));
    }

    /**
     * An LLM-as-a-judge: each row's prompt goes to an OpenAI-compatible chat-completions endpoint,
     * whose reply holds the score; see {@link LlmJudgeConfig}. Passes at or above the config's
     * threshold, when it has one.
     */
    public static Judge llm(String name, String description, LlmJudgeConfig config) {
        required("config", config);
        return new Judge(name, description, LLM, null, null, Map.of(), config);
    }

    /** This judge with another description. */
    public Judge withDescription(String description) {
        return new Judge(name, description, kind, rubric, criterion, parameters, llmConfig);
    }

    /** The judge's name. */
    public String name() {
        return name;
    }

    /** What the judge scores. */
    public String description() {
        return description;
    }

    /** {@code code}, {@code exact}, {@code contains}, {@code regex}, {@code tolerance} or {@code llm}. */
    public String kind() {
        return kind;
    }

    /**
     * A code judge's rubric: a {@link Rubric} or a {@link RowRubric}, a serializable lambda or method
     * reference; null for a declarative judge.
     */
    public Serializable rubric() {
        return rubric;
    }

    /** A code judge's passing criterion; null when it only scores, and for a declarative judge. */
    public Criterion criterion() {
        return criterion;
    }

    /**
     * A built-in judge's settings: {@code pattern} (a String) for {@code regex}, {@code tolerance} (a
     * Double) for {@code tolerance}; empty for the others. Unmodifiable.
     */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** An LLM judge's configuration; null for every other kind. */
    public LlmJudgeConfig llmConfig() {
        return llmConfig;
    }

    private static <T> T required(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    /** A non-null lambda or method reference, refused here rather than at addJudge. */
    private static <T extends Serializable> T function(String what, T fn) {
        required(what, fn);
        // the JDK spins a synthetic class for each lambda and method reference; an instance of the
        // user's own class would be fingerprinted without its state, so it is refused
        if (!fn.getClass().isSynthetic()) {
            throw new IllegalArgumentException(what + " must be a lambda or a method reference, got an instance of "
                    + fn.getClass().getName() + "; wrap it as a lambda: out -> it.score(out)");
        }
        return fn;
    }

    @Override
    public String toString() {
        return kind() + " judge " + name;
    }
}
