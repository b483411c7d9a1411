package org.bighummingbird.sdk;

import org.bighummingbird.Judge;
import org.bighummingbird.LlmJudgeConfig;
import org.bighummingbird.sdk.internal.judge.CodeJudge;
import org.bighummingbird.sdk.internal.judge.JudgeDefinition;
import org.bighummingbird.sdk.internal.judge.Spec;

/** A {@link Judge} of the API as the SDK registers it: a code judge or a declarative spec. Stateless. */
final class JudgeDefinitions {
    private JudgeDefinitions() {}

    /**
     * The judge's definition.
     *
     * @throws IllegalArgumentException when the judge's kind is not one the SDK knows
     */
    static JudgeDefinition of(Judge judge) {
        return switch (judge.kind()) {
            case Judge.CODE -> new CodeJudge(judge.rubric(), judge.criterion());
            case Judge.EXACT -> new Spec.Exact();
            case Judge.CONTAINS -> new Spec.Contains();
            case Judge.REGEX -> new Spec.Regex((String) judge.parameters().get("pattern"));
            case Judge.TOLERANCE -> new Spec.Tolerance((Double) judge.parameters().get("tolerance"));
            case Judge.LLM -> llm(judge.llmConfig());
            default -> throw new IllegalArgumentException("unknown judge kind \"" + judge.kind() + "\"");
        };
    }

    private static Spec.Llm llm(LlmJudgeConfig config) {
        return new Spec.Llm(config.promptTemplate(), config.systemPrompt(), config.baseUrl(), config.model(),
                config.apiKeyVariable(), config.temperature(), config.timeout().toMillis(), config.maxRetries(),
                config.passingThreshold());
    }
}
