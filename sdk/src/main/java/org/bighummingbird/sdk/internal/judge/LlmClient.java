package org.bighummingbird.sdk.internal.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bighummingbird.core.Backoff;
import org.bighummingbird.sdk.internal.export.Json;

/**
 * One chat-completions call: POST {@code baseUrl/v1/chat/completions} with a system and a user
 * message, and the reply's {@code choices[0].message.content}. Retries connection failures,
 * timeouts, 429 and 5xx (but 501 and 505) with a {@link Backoff} doubling up to 8 s (or the endpoint's {@code Retry-After} when longer, up to a
 * minute), never another 4xx. Thread-safe: all judges share one HTTP/1.1 client.
 */
final class LlmClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);
    private static final int EXCERPT = 300;

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final double temperature;
    private final Duration timeout;
    private final int maxRetries;
    private final Backoff backoff;

    /**
     * @param apiKey sent as a bearer token; null sends none
     * @param backoffMs the first wait before a retry; doubled per retry up to 8 s
     */
    LlmClient(String baseUrl, String model, String apiKey, double temperature, Duration timeout, int maxRetries,
            long backoffMs) {
        this.endpoint = URI.create(baseUrl + "/v1/chat/completions");
        this.model = model;
        this.apiKey = apiKey;
        this.temperature = temperature;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.backoff = Backoff.of(Duration.ofMillis(Math.max(0, backoffMs)), MAX_BACKOFF, MAX_RETRY_AFTER);
    }

    /** Why a call produced no content; its message is the error row's reason. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Sends the messages and returns the reply's content.
     *
     * @throws Failure when the endpoint cannot be reached, times out or answers with an error
     *     (after the retries that apply), or its reply is not chat-completions JSON
     */
    String complete(String system, String user) throws Failure, InterruptedException {
        HttpRequest request = request(body(system, user));
        int maxAttempts = maxRetries >= Integer.MAX_VALUE - 1 ? Integer.MAX_VALUE : Math.max(1, maxRetries + 1);
        return backoff.<String, Failure>retry(maxAttempts, (attempt, last) -> {
            HttpResponse<String> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new Failure("the judge endpoint " + endpoint + " gave no answer within " + timeout.toMillis()
                            + " ms" + attempts(attempt), e);
                }
                return Backoff.Outcome.again(Optional.empty());
            } catch (IOException e) {
                if (last) {
                    throw new Failure("cannot reach the judge endpoint " + endpoint + ": " + Verdicts.describe(e)
                            + attempts(attempt), e);
                }
                return Backoff.Outcome.again(Optional.empty());
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Backoff.Outcome.done(content(response.body()));
            }
            boolean retryable = status == 429 || (status >= 500 && status != 501 && status != 505);
            if (!retryable || last) {
                throw new Failure("the judge endpoint " + endpoint + " answered " + status + attempts(attempt) + ": "
                        + excerpt(response.body()), null);
            }
            return Backoff.Outcome.again(Backoff.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
        });
    }

    private static String attempts(int attempt) {
        return attempt == 1 ? "" : " (after " + attempt + " attempts)";
    }

    private HttpRequest request(String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b.build();
    }

    private String body(String system, String user) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        body.put("temperature", temperature);
        return body.toString();
    }

    private String content(String body) throws Failure {
        JsonNode reply;
        try {
            reply = Json.READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Failure("the judge endpoint's reply is not JSON (" + e.getOriginalMessage() + "): "
                    + excerpt(body), e);
        }
        JsonNode content = reply == null ? null : reply.path("choices").path(0).path("message").path("content");
        if (content == null || !content.isTextual()) {
            throw new Failure("the judge endpoint's reply has no choices[0].message.content: " + excerpt(body), null);
        }
        return content.asText();
    }

    /** The start of a reply, on one line, for an error message. */
    static String excerpt(String text) {
        if (text == null || text.isEmpty()) {
            return "(empty)";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > EXCERPT ? oneLine.substring(0, EXCERPT) + "…" : oneLine;
    }
}
