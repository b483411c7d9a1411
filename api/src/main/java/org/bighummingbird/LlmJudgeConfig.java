package org.bighummingbird;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an LLM-as-a-judge asks an OpenAI-compatible chat-completions endpoint for a score. Built with
 * {@link #builder(String, String)}; immutable and thread-safe.
 *
 * <p>The prompt template may use {@code {{input}}}, {@code {{output}}} and {@code {{expected}}}
 * (it must use {@code {{output}}}); each is replaced by the row's value: a string as it is, without
 * quotes, anything else (numbers, maps, records, null) as compact JSON. The reply's score is a
 * numeric {@code score} in a JSON object (also inside a {@code ```json} block), else the first
 * number in the reply, else the row is an error row naming the reply.
 *
 * <p>Every setting here is part of the judge's spec, stored with its version and keyed on: the
 * API key is not, only the name of the variable that holds it, read when the judge runs.
 */
public final class LlmJudgeConfig {
    /** The system message sent when none is given. */
    public static final String DEFAULT_SYSTEM_PROMPT = "You are a strict, impartial evaluator. Answer with a"
            + " JSON object {\"score\": <number>, \"reason\": \"<one sentence>\"} and nothing else.";
    /** Placeholders a prompt template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("input", "output", "expected");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,127}");

    private final String promptTemplate;
    private final String systemPrompt;
    private final String model;
    private final String baseUrl;
    private final String apiKeyVariable;
    private final double temperature;
    private final Duration timeout;
    private final int maxRetries;
    private final Double passingThreshold;

    private LlmJudgeConfig(Builder b) {
        this.promptTemplate = b.promptTemplate;
        this.systemPrompt = b.systemPrompt;
        this.model = b.model;
        this.baseUrl = b.baseUrl;
        this.apiKeyVariable = b.apiKeyVariable;
        this.temperature = b.temperature;
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.passingThreshold = b.passingThreshold;
    }

    /**
     * A builder with the required settings.
     *
     * @param model the model the endpoint should run, as in {@code gpt-4o-mini}
     * @param promptTemplate the user message, with {@code {{output}}} and optionally {@code {{input}}}
     *     and {@code {{expected}}}
     * @throws IllegalArgumentException when either is blank, or the template names another placeholder
     *     or lacks {@code {{output}}}
     */
    public static Builder builder(String model, String promptTemplate) {
        return new Builder(model, promptTemplate);
    }

    /** The user message's template. */
    public String promptTemplate() {
        return promptTemplate;
    }

    /** The system message; default {@link #DEFAULT_SYSTEM_PROMPT}. */
    public String systemPrompt() {
        return systemPrompt;
    }

    /** The model the endpoint runs. */
    public String model() {
        return model;
    }

    /** The endpoint's root URL, without a trailing slash; requests go to {@code baseUrl/v1/chat/completions}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The environment variable (or system property) that holds the API key; null sends no key. */
    public String apiKeyVariable() {
        return apiKeyVariable;
    }

    /** Sampling temperature; default 0. */
    public double temperature() {
        return temperature;
    }

    /** How long one request may take; default 60 s. */
    public Duration timeout() {
        return timeout;
    }

    /** Retries of a request after a connection failure, a timeout, a 429 or a 5xx (but 501 and 505); default 3. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The lowest passing score, or null when the judge only scores (passed is then unknown). */
    public Double passingThreshold() {
        return passingThreshold;
    }

    /** Options for {@link LlmJudgeConfig}; every setter validates at once. Not thread-safe. */
    public static final class Builder {
        private final String model;
        private final String promptTemplate;
        private String systemPrompt = DEFAULT_SYSTEM_PROMPT;
        private String baseUrl = "https://api.openai.com";
        private String apiKeyVariable = "OPENAI_API_KEY";
        private double temperature = 0.0;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries = 3;
        private Double passingThreshold;

        private Builder(String model, String promptTemplate) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank, got " + quoted(model));
            }
            this.model = model.strip();
            this.promptTemplate = checkTemplate(promptTemplate);
        }

        private static String checkTemplate(String template) {
            if (template == null || template.isBlank()) {
                throw new IllegalArgumentException("promptTemplate must not be blank, got " + quoted(template));
            }
            Matcher m = PLACEHOLDER.matcher(template);
            boolean output = false;
            while (m.find()) {
                String name = m.group(1);
                if (!PLACEHOLDERS.contains(name)) {
                    throw new IllegalArgumentException("promptTemplate has an unknown placeholder {{" + name
                            + "}} at index " + m.start() + "; it may use {{input}}, {{output}} and {{expected}}");
                }
                output |= name.equals("output");
            }
            if (!output) {
                throw new IllegalArgumentException("promptTemplate must contain {{output}}, the output to judge");
            }
            return template;
        }

        /** The system message; default {@link LlmJudgeConfig#DEFAULT_SYSTEM_PROMPT}. */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = Objects.requireNonNull(systemPrompt, "systemPrompt");
            return this;
        }

        /**
         * The endpoint's root, as in {@code http://localhost:11434} or {@code https://api.openai.com}
         * (the default); requests go to {@code baseUrl/v1/chat/completions}.
         *
         * @throws IllegalArgumentException when it is not an absolute http or https URL without query
         *     and fragment, or ends in {@code /v1}
         */
        public Builder baseUrl(String baseUrl) {
            URI uri;
            try {
                uri = new URI(Objects.requireNonNull(baseUrl, "baseUrl").strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL, got " + quoted(baseUrl)
                        + ": " + e.getMessage(), e);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL with a host and without"
                        + " query, fragment or user info, got " + quoted(baseUrl));
            }
            String text = uri.toString().replaceAll("/+$", "");
            if (text.endsWith("/v1")) {
                throw new IllegalArgumentException("baseUrl is the endpoint's root, without /v1 (it is added with"
                        + " /chat/completions), got " + quoted(baseUrl));
            }
            this.baseUrl = text;
            return this;
        }

        /**
         * The name of the environment variable, or system property (read first), holding the API
         * key, sent as {@code Authorization: Bearer}; null sends no key (local endpoints). Default
         * {@code OPENAI_API_KEY}. The key itself is never stored; a variable that is unset when the
         * judge runs is an error then, not here.
         */
        public Builder apiKeyVariable(String variable) {
            if (variable != null && !VARIABLE.matcher(variable).matches()) {
                throw new IllegalArgumentException("apiKeyVariable must be a variable name (letters, digits, _"
                        + " and ., not starting with a digit), got " + quoted(variable));
            }
            this.apiKeyVariable = variable;
            return this;
        }

        /** Sampling temperature, 0 to 2; default 0. */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /** How long one request may take, at least 1 ms; default 60 s. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.toMillis() < 1) {
                throw new IllegalArgumentException("timeout must be at least 1 ms, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Retries after a connection failure, timeout, 429 or 5xx (but 501 and 505), 0 to 10;
         * default 3. Never after another 4xx.
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 10, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The lowest passing score (a finite number); default none: the judge scores, passed is unknown. */
        public Builder passingThreshold(double threshold) {
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("passingThreshold must be finite, got " + threshold);
            }
            this.passingThreshold = threshold;
            return this;
        }

        /** The configuration. */
        public LlmJudgeConfig build() {
            return new LlmJudgeConfig(this);
        }

        private static String quoted(String s) {
            return s == null ? "null" : "\"" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
        }
    }
}
