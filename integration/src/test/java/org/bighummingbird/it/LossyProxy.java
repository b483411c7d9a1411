package org.bighummingbird.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of a real server that forwards every request and loses the answer
 * of the first {@code drops} requests matching a predicate: the server has handled (and committed)
 * them, and the client sees its connection closed without an answer.
 */
final class LossyProxy implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Content-Encoding",
            "Accept");

    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final Predicate<HttpExchange> lossy;
    private final AtomicInteger drops;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private LossyProxy(String target, Predicate<HttpExchange> lossy, int drops) throws IOException {
        this.target = target;
        this.lossy = lossy;
        this.drops = new AtomicInteger(drops);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    /** A proxy to {@code target} that loses the answers of the first {@code drops} matching requests. */
    static LossyProxy start(String target, Predicate<HttpExchange> lossy, int drops) throws IOException {
        return new LossyProxy(target, lossy, drops);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code METHOD path} of every request forwarded, {@code (lost)} after the ones whose answer was lost. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 && exchange.getRequestMethod().equals("GET")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            if (lossy.test(exchange) && drops.getAndDecrement() > 0) {
                // closing the exchange before any response header closes the connection: the answer is lost
                seen.add(line + " (lost)");
                return;
            }
            seen.add(line);
            answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add(
                    "Content-Type", v));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
