package org.bighummingbird.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Total read deadlines, with a client on a raw socket that trickles a byte every 100 ms: far more
 * often than Jetty's idle timeout (30 s) would notice, so only the deadlines end these requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestDeadlinesTest {
    static final Duration HEADERS = Duration.ofMillis(1_000);
    static final Duration BODY = Duration.ofMillis(1_000);

    @TempDir
    static Path home;
    ServerFixture fixture;
    ServerFixture.Workspace workspace;
    String token;

    @BeforeAll
    void start() {
        fixture = new ServerFixture(ServerConfig.builder().home(home).port(0).headerTimeout(HEADERS)
                .bodyTimeout(BODY).build());
        workspace = fixture.newWorkspace();
        token = workspace.token();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", fixture.server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends {@code bytes} one at a time, 100 ms apart, until done or the server hangs up; how many went. */
    static int trickle(OutputStream out, byte[] bytes) throws InterruptedException {
        for (int i = 0; i < bytes.length; i++) {
            try {
                out.write(bytes[i]);
                out.flush();
            } catch (IOException e) {
                return i;
            }
            Thread.sleep(100);
        }
        return bytes.length;
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // a reset ends the answer as well as a close does
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void headersTricklingPastTheDeadlineLoseTheirConnection() throws Exception {
        try (Socket socket = connect()) {
            byte[] headers = ("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n" + "X-Slow: " + "a".repeat(200) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            long started = System.nanoTime();
            Thread reader = started(() -> {
                try {
                    readAll(socket.getInputStream());
                    socket.shutdownOutput();
                } catch (IOException ignored) {
                    // the socket is closed under the writer either way
                }
            });

            int sent = trickle(socket.getOutputStream(), headers);
            reader.join(10_000);
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(sent).as("bytes sent before the server hung up").isLessThan(headers.length);
            assertThat(tookMs).isBetween(HEADERS.toMillis() - 100, HEADERS.toMillis() + 2_500);
        }
    }

    @Test
    void aBodyTricklingPastTheDeadlineIs408AndStoresNothing() throws Exception {
        String body = "{\"name\":\"" + "p".repeat(150) + "\"}";
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = started(() -> {
                try {
                    trickle(out, body.getBytes(StandardCharsets.US_ASCII));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            String answer = readAll(socket.getInputStream());
            writer.interrupt();

            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("urn:bighummingbird:problem:request-timeout").contains("took longer than 1000 ms");
        }
        assertThat(fixture.store().projects().list(workspace.name())).isEmpty();
    }

    @Test
    void aKeptAliveConnectionIdleBetweenRequestsIsNotCut() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] request = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

            out.write(request);
            out.flush();
            String first = readResponse(in);
            Thread.sleep(HEADERS.toMillis() + 1_000);
            out.write(request);
            out.flush();
            String second = readResponse(in);

            assertThat(first).startsWith("HTTP/1.1 200");
            assertThat(second).startsWith("HTTP/1.1 200");
        }
    }

    static Thread started(Runnable work) {
        Thread t = new Thread(work, "deadline-test");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** One response with a Content-Length body. */
    static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
