package org.bighummingbird.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.bighummingbird.store.json.ViewJson;

/**
 * A read-only client of the server's REST API v1 ({@code docs/api.md}) for the CLI: GET a path,
 * get the JSON document back, or a {@link CommandFailure} that says what went wrong in words a
 * person at a terminal can act on. The API key is sent, never printed.
 */
final class ServerApi {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http;

    /** @throws CommandFailure when {@code baseUrl} is not an absolute http or https URL */
    ServerApi(String baseUrl, String apiKey) {
        this.baseUrl = requireHttpUrl(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new CommandFailure("BHB_URL must be the server's address, such as http://127.0.0.1:8080, got "
                + Text.cut(url, 200));
    }

    String url() {
        return baseUrl;
    }

    /** GET {@code /api/v1 + path}: the answer's JSON, or empty on a 404. */
    Optional<JsonNode> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new CommandFailure("cannot reach the server at " + baseUrl + ": nothing answers there"
                    + " (is `bhb server` running? is BHB_URL right?)");
        } catch (HttpTimeoutException e) {
            throw new CommandFailure("the server at " + baseUrl + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new CommandFailure("cannot reach the server at " + baseUrl + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while waiting for the server at " + baseUrl);
        }
        try (InputStream body = response.body()) {
            JsonNode json = read(body);
            int status = response.statusCode();
            if (status == 200) {
                return Optional.of(json);
            }
            if (status == 404 && json != null && json.path("type").asText().endsWith(":not-found")) {
                return Optional.empty();
            }
            throw failure(status, json);
        } catch (IOException e) {
            throw new CommandFailure("the server at " + baseUrl + " sent an answer that could not be read: " + e);
        }
    }

    private static JsonNode read(InputStream body) {
        try {
            return ViewJson.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The failure for an answer the API does not document for this request. */
    CommandFailure unexpected(String request, int status) {
        return new CommandFailure("the server at " + baseUrl + " answered " + status + " to " + request
                + "; is BHB_URL the address of a bhb server?");
    }

    private CommandFailure failure(int status, JsonNode problem) {
        String detail = problem == null ? "" : problem.path("detail").asText("");
        if (status == 401) {
            return new CommandFailure("the server at " + baseUrl + " refused the API key: set BHB_API_KEY to a key"
                    + " made with `bhb keys create --workspace W`" + (apiKey == null ? " (none is set)" : ""));
        }
        return new CommandFailure("the server at " + baseUrl + " answered " + status
                + (detail.isEmpty() ? "" : ": " + Text.oneLine(detail)));
    }
}
