package org.bighummingbird.server.ui.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A java.net.http client that talks to the dashboard as a browser would, but shows everything: it
 * keeps cookies by name (ignoring their path), never follows redirects, and posts forms.
 */
final class PageClient {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    final Map<String, String> cookies = new LinkedHashMap<>();

    PageClient(String base) {
        this.base = base;
    }

    Page get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** POSTs {@code fields} (name/value pairs) as a form. */
    Page post(String path, List<String> fields, String... headers) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.size(); i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return send("POST", path, body.toString(), headers);
    }

    /** Logs in with {@code key} through the form, as a browser would; the answer to the POST. */
    Page logIn(String key, String next) {
        Page form = get("/login" + (next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        return post("/login", List.of("_csrf", form.csrf(), "key", key, "next", next == null ? "/" : next));
    }

    Page send(String method, String path, String formBody, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, formBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        if (formBody != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            for (String setCookie : setCookies) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(response.statusCode(), response.headers(), response.body(), setCookies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers, body and the Set-Cookie headers it carried. */
    record Page(int status, java.net.http.HttpHeaders headers, String body, List<String> setCookies) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The first CSRF form field's value on the page. */
        String csrf() {
            Matcher m = CSRF_FIELD.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no _csrf field on the page: " + this);
            }
            return m.group(1);
        }

        /** The Set-Cookie header of cookie {@code name}, or null. */
        String setCookie(String name) {
            return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + (body.length() > 800 ? body.substring(0, 800) + "…" : body);
        }
    }
}
