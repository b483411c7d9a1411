package org.bighummingbird.server.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathsTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "//evil.example", "/\\evil.example", "\\/evil.example",
        "javascript:alert(1)", "data:text/html,x", "/ok\r\nSet-Cookie: a=b", "/a b", "/\u0000", "/\u202E",
        "evil.example", "", "/login", "/login?next=/x", "/login/", "http:/x", "/%zz"})
    void anythingButALocalPathBecomesTheRoot(String next) {
        assertThat(LocalPaths.safeNext(next)).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/settings/keys", "/projects/Concept%20Project/runs?status=ok&limit=50",
        "/projects/a/models/m/diff?from=v1&to=v2", "/loginx", "/projects/x#top"})
    void aLocalPathIsKept(String next) {
        assertThat(LocalPaths.safeNext(next)).isEqualTo(next);
    }

    @Test
    void nullAndOverLongAreTheRoot() {
        assertThat(LocalPaths.safeNext(null)).isEqualTo("/");
        assertThat(LocalPaths.safeNext("/" + "a".repeat(LocalPaths.MAX_LENGTH))).isEqualTo("/");
    }
}
