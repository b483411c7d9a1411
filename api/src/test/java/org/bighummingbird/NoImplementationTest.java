package org.bighummingbird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bhb-api alone: the class path of these tests holds no implementation, and no other jar of ours. */
class NoImplementationTest {
    @TempDir
    Path home;

    @Test
    void theApiHasNoDependencyOnTheClassPath() {
        String classPath = System.getProperty("java.class.path");
        assertThat(classPath).doesNotContain("jackson", "bhb-core", "core/target", "sdk/target", "asm", "slf4j");
        assertThatThrownBy(() -> Class.forName("org.bighummingbird.core.Names"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void openingAProjectWithoutAnImplementationNamesTheArtifactToAdd() {
        assertThatThrownBy(() -> BigHummingbird.local("Concept Project", home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no implementation")
                .hasMessageContaining("org.bighummingbird:bhb-client")
                .hasMessageContaining("bhb-sdk");
        assertThatThrownBy(() -> new BigHummingbird("Concept Project", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bhb-client");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void valuesThatNeedTheImplementationSaySoToo() {
        assertThatThrownBy(() -> Dataset.of("qa", "", List.of(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bhb-client");
        assertThatThrownBy(() -> Judge.exactMatch("exact"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bhb-client");
    }

    @Test
    void builderSettersValidateWithoutAnImplementation() {
        var b = BigHummingbird.builder("p");
        assertThatThrownBy(() -> b.url("ftp://example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url must be an absolute http or https URL");
        assertThatThrownBy(() -> b.url("http://user@example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user info");
        assertThatThrownBy(() -> b.url(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.apiKey("has space")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey").hasMessageNotContaining("has space");
        assertThatThrownBy(() -> b.queueCapacity(0)).hasMessage("queueCapacity must be positive, got 0");
        assertThatThrownBy(() -> b.maxSnapshotDepth(1_001)).hasMessageContaining("maxSnapshotDepth must be between 1 and 1000");
        assertThatThrownBy(() -> b.maxSnapshotBytes(0)).hasMessageContaining("maxSnapshotBytes");
        assertThatThrownBy(() -> b.maxSnapshotElements(-1)).hasMessageContaining("maxSnapshotElements");
        assertThatThrownBy(() -> b.safeTypes(String.class, null)).hasMessageContaining("safeTypes");
        assertThatThrownBy(() -> b.closeTimeout(java.time.Duration.ofSeconds(-1))).hasMessageContaining("closeTimeout");
        assertThatThrownBy(() -> b.connectTimeout(java.time.Duration.ZERO)).hasMessageContaining("connectTimeout");
        // the URL is normalised: scheme and host lower case, default port and trailing slashes dropped
        assertThat(org.bighummingbird.spi.ServerUrls.normalise("HTTP://Example.COM:80/bhb//")).isEqualTo("http://example.com/bhb");
        assertThat(org.bighummingbird.spi.ServerUrls.normalise("https://example.com:8443")).isEqualTo("https://example.com:8443");
    }
}
