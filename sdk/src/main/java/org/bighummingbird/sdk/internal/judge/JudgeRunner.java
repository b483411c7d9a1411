package org.bighummingbird.sdk.internal.judge;

import java.util.function.Function;
import org.bighummingbird.JudgeUnavailable;
import org.bighummingbird.sdk.spi.catalog.JudgeVersion;

/**
 * Makes a stored judge version runnable. Declarative judges run from their stored spec in any
 * process; a code judge runs only when this process registered the same code (its key) with
 * {@code addJudge}, since the store holds its code as text. Thread-safe.
 */
public final class JudgeRunner {
    private final Function<String, CodeJudge> loadedCode;
    private final Function<String, String> settings;
    private final long backoffMs;

    /**
     * @param loadedCode the code judges this process registered, by key; null when unknown
     * @param settings reads a variable by name (the API key of an LLM judge); null when unset
     * @param backoffMs the first wait before an LLM request is retried
     */
    public JudgeRunner(Function<String, CodeJudge> loadedCode, Function<String, String> settings, long backoffMs) {
        this.loadedCode = loadedCode;
        this.settings = settings;
        this.backoffMs = backoffMs;
    }

    /**
     * A scorer for {@code version}.
     *
     * @throws JudgeUnavailable when it is a code judge whose code is not loaded in this process, an
     *     LLM judge whose API key variable is unset, or a spec this SDK cannot read
     */
    public Scorer scorer(JudgeVersion version) {
        String tag = version.tag().toString();
        if (version.kind().equals("code")) {
            CodeJudge code = loadedCode.apply(version.key());
            if (code == null) {
                throw new JudgeUnavailable("judge " + tag + " is a code judge, and its code is not loaded in this"
                        + " process: the store keeps a code judge's code only as text. Call addJudge with the same"
                        + " Judge (same rubric and criterion) in this process first, or use a declarative judge");
            }
            return new CodeScorer(code);
        }
        Spec spec;
        try {
            spec = Spec.parse(version.specJson());
        } catch (IllegalArgumentException e) {
            throw new JudgeUnavailable("judge " + tag + " cannot run in this process: " + e.getMessage());
        }
        if (spec instanceof Spec.Llm llm) {
            String key = null;
            if (llm.apiKeyVariable() != null) {
                key = settings.apply(llm.apiKeyVariable());
                if (key == null || key.isBlank()) {
                    throw new JudgeUnavailable("judge " + tag + " needs an API key for " + llm.baseUrl() + " in the"
                            + " environment variable (or system property) " + llm.apiKeyVariable()
                            + ", which is not set");
                }
                key = key.strip();
                if (key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                    // a secret: say what is wrong with it, never what it is
                    throw new JudgeUnavailable("judge " + tag + ": the API key in " + llm.apiKeyVariable()
                            + " must be printable ASCII without spaces (it is sent in an HTTP header)");
                }
            }
            return new LlmScorer(llm, key, backoffMs);
        }
        return new BuiltinScorer(spec);
    }

    /** A system property, else an environment variable, of that name; null when unset or blank. */
    public static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
