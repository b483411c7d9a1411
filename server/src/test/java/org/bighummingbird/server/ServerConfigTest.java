package org.bighummingbird.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerConfig config = ServerConfig.builder().home(Path.of("h")).build();

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.auth()).isTrue();
        assertThat(config.maxBodyBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(config.maxBatchRuns()).isEqualTo(10_000);
        assertThat(config.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.bodyTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void invalidSettingsFailAtBuildNamingTheParameter() {
        assertThatThrownBy(() -> ServerConfig.builder().build()).hasMessageContaining("store");
        assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h")).jdbcUrl("jdbc:sqlite:x").build())
                .hasMessageContaining("exclusive");
        assertThatThrownBy(() -> ServerConfig.builder().jdbcUrl("postgres://x").build()).hasMessageContaining("jdbcUrl");
        assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h")).port(70_000).build())
                .hasMessage("port must be from 0 to 65535, got 70000");
        assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h")).host(" ").build()).hasMessageContaining("host");
        assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h")).maxBodyBytes(0).build())
                .hasMessage("maxBodyBytes must be positive, got 0");
        assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h")).maxBatchRuns(-1).build())
                .hasMessage("maxBatchRuns must be positive, got -1");
        assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h")).stopTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("stopTimeout");
        assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h")).headerTimeout(Duration.ZERO).build())
                .hasMessage("headerTimeout must be at least 1 ms, got PT0S");
        assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h")).bodyTimeout(Duration.ofMillis(-5)).build())
                .hasMessage("bodyTimeout must be at least 1 ms, got PT-0.005S");
        assertThatThrownBy(() -> ServerConfig.builder().home(Path.of("h")).bodyTimeout(null).build())
                .hasMessageContaining("bodyTimeout");
    }

    @Test
    void aTakenPortIsAServerExceptionAndReleasesTheStore(@org.junit.jupiter.api.io.TempDir Path home) {
        try (BhbServer first = BhbServer.start(ServerConfig.builder().home(home.resolve("a")).port(0).build())) {
            ServerConfig clash = ServerConfig.builder().home(home.resolve("b")).port(first.port()).build();

            assertThatThrownBy(() -> BhbServer.start(clash)).isInstanceOf(ServerException.class)
                    .hasMessageContaining(Integer.toString(first.port()));
        }
    }
}
