package org.bighummingbird.sdk.internal.judge;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LLM-as-a-judge: renders the prompt for a row, asks the endpoint, reads the score from the reply.
 * Thread-safe; each row is one independent request (with its retries).
 */
final class LlmScorer implements Scorer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(input|output|expected)\\s*}}");

    private final Spec.Llm spec;
    private final LlmClient client;

    LlmScorer(Spec.Llm spec, String apiKey, long backoffMs) {
        this.spec = spec;
        this.client = new LlmClient(spec.baseUrl(), spec.model(), apiKey, spec.temperature(),
                Duration.ofMillis(spec.timeoutMillis()), spec.maxRetries(), backoffMs);
    }

    @Override
    public Score score(Object input, Object output, Object expected) {
        String reply;
        try {
            reply = client.complete(spec.systemPrompt(), render(spec.promptTemplate(), input, output, expected));
        } catch (LlmClient.Failure e) {
            return Score.error(e.getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Score.error("interrupted while waiting for the judge endpoint", e);
        } catch (Throwable t) {
            // a value the template cannot render (a cycle deep enough to overflow the stack) among them
            return Score.error("the LLM judge failed: " + Verdicts.describe(Verdicts.rethrowFatal(t)), t);
        }
        Double score = ReplyScore.parse(reply);
        if (score == null) {
            return Score.error("the judge's reply holds no score (no JSON \"score\" and no number): "
                    + LlmClient.excerpt(reply), null);
        }
        if (!Double.isFinite(score)) {
            return Score.error("the judge's reply gave the score " + score + "; a score must be a finite number: "
                    + LlmClient.excerpt(reply), null);
        }
        return Score.of(score, spec.passingThreshold() == null ? null : score >= spec.passingThreshold());
    }

    /**
     * The template with each placeholder replaced by the row's value: a string as it is, anything
     * else as compact JSON. Replaced in one pass, so a value holding {@code {{output}}} stays as it is.
     */
    static String render(String template, Object input, Object output, Object expected) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = switch (m.group(1)) {
                case "input" -> input;
                case "output" -> output;
                default -> expected;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(Values.text(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
