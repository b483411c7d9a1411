package org.bighummingbird.sdk.internal.judge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bighummingbird.sdk.internal.export.Json;

/**
 * Reads the score out of an LLM judge's reply: a numeric {@code score} in a JSON object (the whole
 * reply, a {@code ```json} fenced block, or the first {@code {…}} in the text), else the first
 * number in the reply ({@code "Score: 7/10"} is 7), else none.
 */
final class ReplyScore {
    private static final Pattern FENCED = Pattern.compile("```(?:json|JSON)?\\s*(\\{.*?})\\s*```", Pattern.DOTALL);
    private static final Pattern OBJECT = Pattern.compile("\\{.*}", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private ReplyScore() {}

    /** The score in {@code reply}, or null when it holds none. May be infinite ({@code 1e999}); the caller checks. */
    static Double parse(String reply) {
        Matcher fenced = FENCED.matcher(reply);
        if (fenced.find()) {
            Double score = scoreField(fenced.group(1));
            if (score != null) {
                return score;
            }
        }
        Double score = scoreField(reply.strip());
        if (score != null) {
            return score;
        }
        Matcher object = OBJECT.matcher(reply);
        if (object.find()) {
            score = scoreField(object.group());
            if (score != null) {
                return score;
            }
        }
        Matcher number = NUMBER.matcher(reply);
        return number.find() ? Double.valueOf(number.group()) : null;
    }

    private static Double scoreField(String json) {
        if (!json.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = Json.READER.readTree(json);
            JsonNode score = node == null ? null : node.get("score");
            if (score != null && score.isNumber()) {
                return score.asDouble();
            }
            if (score != null && score.isTextual()) {
                return Double.valueOf(score.asText().strip());
            }
        } catch (Exception e) {
            // not a JSON object with a numeric score: try the next form
        }
        return null;
    }
}
