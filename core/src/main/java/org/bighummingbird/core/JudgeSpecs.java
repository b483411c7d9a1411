package org.bighummingbird.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The one validation of declarative judge specs ({@code exact}, {@code contains}, {@code regex},
 * {@code tolerance}, {@code llm}), run by the SDK before it registers a judge and by the server when
 * one is registered over REST, so that no spec is stored that could never run. A spec is a JSON
 * object holding {@code kind} and its kind's fields, and no others:
 *
 * <ul>
 *   <li>{@code exact}, {@code contains}: no fields;
 *   <li>{@code regex}: {@code pattern}, a string that compiles as a {@link Pattern};
 *   <li>{@code tolerance}: {@code tolerance}, a finite number of 0 or more;
 *   <li>{@code llm}: {@code model} (not blank), {@code promptTemplate} (not blank, using only the
 *       placeholders {@code {{input}}}, {@code {{output}}}, {@code {{expected}}}, and {@code {{output}}}
 *       at least), {@code systemPrompt} (a string), {@code baseUrl} (an http or https URL with a host,
 *       without user info, query, fragment or a final {@code /v1}), {@code temperature} (a number, 0
 *       to 2), {@code timeoutMillis} (an integer, 1 to {@value #MAX_TIMEOUT_MILLIS}), {@code
 *       maxRetries} (an integer, 0 to {@value #MAX_RETRIES}), and optionally {@code apiKeyVariable}
 *       (a variable name, or null) and {@code passingThreshold} (a finite number, or null).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class JudgeSpecs {
    /** Placeholders an LLM judge's prompt template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("input", "output", "expected");
    /** Longest timeout of one LLM request: one day. */
    public static final long MAX_TIMEOUT_MILLIS = 86_400_000L;
    /** Most retries of one LLM request. */
    public static final int MAX_RETRIES = 10;
    /** Highest sampling temperature. */
    public static final double MAX_TEMPERATURE = 2.0;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,127}");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "exact", Set.of("kind"),
            "contains", Set.of("kind"),
            "regex", Set.of("kind", "pattern"),
            "tolerance", Set.of("kind", "tolerance"),
            "llm", Set.of("kind", "model", "promptTemplate", "systemPrompt", "baseUrl", "apiKeyVariable",
                    "temperature", "timeoutMillis", "maxRetries", "passingThreshold"));

    private JudgeSpecs() {}

    /** The declarative kinds, whose specs this class checks. */
    public static Set<String> kinds() {
        return FIELDS.keySet();
    }

    /**
     * Checks the spec of a judge of declarative kind {@code kind}.
     *
     * @throws InvalidJudgeSpec naming the first field that is wrong and why
     */
    public static void requireValid(String kind, JsonNode spec) {
        Set<String> fields = FIELDS.get(kind);
        if (fields == null) {
            throw new InvalidJudgeSpec("kind", "kind must be one of " + String.join(", ", FIELDS.keySet().stream()
                    .sorted().toList()) + " for a declarative judge, got \"" + Names.printable(String.valueOf(kind))
                    + "\"");
        }
        if (spec == null || !spec.isObject()) {
            throw new InvalidJudgeSpec("kind", "kind is required: a judge spec is a JSON object holding its kind");
        }
        if (!kind.equals(spec.path("kind").textValue())) {
            throw new InvalidJudgeSpec("kind", "kind must be the judge's kind \"" + kind + "\"");
        }
        for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new InvalidJudgeSpec(name, name + " is not a field of a " + kind + " judge's spec; it has "
                        + String.join(", ", fields.stream().sorted().toList()));
            }
        }
        switch (kind) {
            case "regex" -> pattern(spec);
            case "tolerance" -> {
                double tolerance = number(spec, "tolerance");
                if (tolerance < 0) {
                    throw new InvalidJudgeSpec("tolerance", "tolerance must be 0 or more, got " + tolerance);
                }
            }
            case "llm" -> llm(spec);
            default -> {
                // exact and contains have no fields
            }
        }
    }

    private static void pattern(JsonNode spec) {
        String pattern = string(spec, "pattern");
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidJudgeSpec("pattern", "pattern is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        } catch (StackOverflowError e) {
            throw new InvalidJudgeSpec("pattern", "pattern is nested too deeply to compile");
        }
    }

    private static void llm(JsonNode spec) {
        notBlank("model", string(spec, "model"));
        template(notBlank("promptTemplate", string(spec, "promptTemplate")));
        string(spec, "systemPrompt");
        baseUrl(string(spec, "baseUrl"));
        JsonNode variable = spec.get("apiKeyVariable");
        if (variable != null && !variable.isNull()
                && !(variable.isTextual() && VARIABLE.matcher(variable.textValue()).matches())) {
            throw new InvalidJudgeSpec("apiKeyVariable", "apiKeyVariable must be null or a variable name (letters,"
                    + " digits, _ and ., not starting with a digit, at most 128), got " + shown(variable));
        }
        double temperature = number(spec, "temperature");
        if (temperature > MAX_TEMPERATURE || temperature < 0) {
            throw new InvalidJudgeSpec("temperature", "temperature must be between 0 and 2, got " + temperature);
        }
        integer(spec, "timeoutMillis", 1, MAX_TIMEOUT_MILLIS);
        integer(spec, "maxRetries", 0, MAX_RETRIES);
        JsonNode threshold = spec.get("passingThreshold");
        if (threshold != null && !threshold.isNull()) {
            number(spec, "passingThreshold");
        }
    }

    /**
     * Checks an LLM judge's prompt template: only known placeholders, {@code {{output}}} among them.
     *
     * @throws InvalidJudgeSpec naming {@code promptTemplate}
     */
    public static void template(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        boolean output = false;
        while (m.find()) {
            String name = m.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                throw new InvalidJudgeSpec("promptTemplate", "promptTemplate has an unknown placeholder {{"
                        + Names.printable(name) + "}} at index " + m.start()
                        + "; it may use {{input}}, {{output}} and {{expected}}");
            }
            output |= name.equals("output");
        }
        if (!output) {
            throw new InvalidJudgeSpec("promptTemplate", "promptTemplate must contain {{output}}, the output to judge");
        }
    }

    private static void baseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidJudgeSpec("baseUrl", "baseUrl must be an http or https URL, got \""
                    + Names.printable(text) + "\": " + e.getReason());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidJudgeSpec("baseUrl", "baseUrl must be an http or https URL with a host and without"
                    + " query, fragment or user info, got \"" + Names.printable(text) + "\"");
        }
        if (text.replaceAll("/+$", "").endsWith("/v1")) {
            throw new InvalidJudgeSpec("baseUrl", "baseUrl is the endpoint's root, without /v1, got \""
                    + Names.printable(text) + "\"");
        }
    }

    private static String string(JsonNode spec, String field) {
        JsonNode value = spec.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidJudgeSpec(field, field + " is required");
        }
        if (!value.isTextual()) {
            throw new InvalidJudgeSpec(field, field + " must be a string, got " + shown(value));
        }
        return value.textValue();
    }

    private static String notBlank(String field, String value) {
        if (value.isBlank()) {
            throw new InvalidJudgeSpec(field, field + " must not be blank");
        }
        return value;
    }

    private static double number(JsonNode spec, String field) {
        JsonNode value = spec.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidJudgeSpec(field, field + " is required");
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new InvalidJudgeSpec(field, field + " must be a finite number, got " + shown(value));
        }
        return value.doubleValue();
    }

    private static void integer(JsonNode spec, String field, long min, long max) {
        double value = number(spec, field);
        if (value != Math.rint(value) || value < min || value > max) {
            throw new InvalidJudgeSpec(field, field + " must be an integer from " + min + " to " + max + ", got "
                    + shown(spec.get(field)));
        }
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return Names.printable(text.length() > 80 ? text.substring(0, 80) + "…" : text);
    }
}
