package org.bighummingbird.server.ui.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.server.ui.access.PageClient.Page;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access settings at work on a real server each: no authentication, proxy trust, throttling, expiry. */
class AccessSettingsTest {
    @TempDir
    Path home;

    private ServerFixture start(boolean auth, AccessConfig access) {
        return new ServerFixture(ServerConfig.builder().home(home).port(0).auth(auth).access(access).build());
    }

    @Test
    void withoutAuthenticationPagesAreTheDefaultWorkspaceButStateChangesStillNeedTheToken() {
        try (ServerFixture fixture = start(false, AccessConfig.DEFAULTS)) {
            PageClient browser = new PageClient(fixture.server.url());
            Page keys = browser.get("/settings/keys");
            assertThat(keys.status()).isEqualTo(200);
            assertThat(keys.body()).contains("API keys of " + Store.DEFAULT_WORKSPACE);
            assertThat(browser.get("/login").header("Location")).isEqualTo("/");

            assertThat(browser.post("/settings/keys", List.of("name", "x")).status()).isEqualTo(403);
            assertThat(fixture.store().apiKeys().list()).isEmpty();
            assertThat(browser.post("/settings/keys", List.of("name", "x", "_csrf", keys.csrf())).status())
                    .isEqualTo(201);
            assertThat(fixture.store().apiKeys().list()).hasSize(1);

            try (ServerFixture other = new ServerFixture(ServerConfig.builder().home(home.resolve("other")).port(0)
                    .auth(false).build())) {
                String otherToken = new PageClient(other.server.url()).get("/settings/keys").csrf();
                assertThat(otherToken).isNotEqualTo(keys.csrf());
                assertThat(browser.post("/settings/keys", List.of("_csrf", otherToken)).status()).isEqualTo(403);
            }
        }
    }

    @Test
    void cookiesAreSecureOverHttpsOnlyWhenAProxyIsTrustedToSaySo() {
        try (ServerFixture fixture = start(true, AccessConfig.DEFAULTS)) {
            String token = fixture.store().apiKeys().create("w", "").token();
            PageClient browser = new PageClient(fixture.server.url());
            Page form = browser.get("/login", "X-Forwarded-Proto", "https");
            assertThat(form.setCookie(Cookies.LOGIN)).doesNotContainIgnoringCase("Secure");
            Page in = browser.post("/login", List.of("_csrf", form.csrf(), "key", token), "X-Forwarded-Proto", "https");
            assertThat(in.setCookie(Cookies.SESSION)).doesNotContainIgnoringCase("Secure");
        }
        try (ServerFixture fixture = start(true, AccessConfig.DEFAULTS.withTrustProxy(true))) {
            String token = fixture.store().apiKeys().create("w", "").token();
            PageClient browser = new PageClient(fixture.server.url());
            Page form = browser.get("/login", "X-Forwarded-Proto", "https");
            assertThat(form.setCookie(Cookies.LOGIN)).contains("Secure");
            Page in = browser.post("/login", List.of("_csrf", form.csrf(), "key", token), "X-Forwarded-Proto", "https");
            assertThat(in.setCookie(Cookies.SESSION)).contains("Secure").contains("HttpOnly");
            Page plain = new PageClient(fixture.server.url()).get("/login", "X-Forwarded-Proto", "http");
            assertThat(plain.setCookie(Cookies.LOGIN)).doesNotContain("Secure");
        }
    }

    @Test
    void tooManyFailedLoginsFromOneAddressAre429EvenWithTheRightKey() {
        try (ServerFixture fixture = start(true, AccessConfig.DEFAULTS.withLoginFailuresPerMinute(3))) {
            String token = fixture.store().apiKeys().create("w", "").token();
            PageClient browser = new PageClient(fixture.server.url());
            for (int i = 0; i < 3; i++) {
                assertThat(browser.logIn("bhb_wrong", "/").status()).isEqualTo(401);
            }
            Page refused = browser.logIn(token, "/");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
            assertThat(refused.setCookie(Cookies.SESSION)).isNull();
        }
    }

    @Test
    void anIdleSessionExpiresOnTheServer() throws Exception {
        try (ServerFixture fixture = start(true, AccessConfig.DEFAULTS.withSessionIdle(Duration.ofMillis(700)))) {
            String token = fixture.store().apiKeys().create("w", "").token();
            PageClient browser = new PageClient(fixture.server.url());
            assertThat(browser.logIn(token, "/settings/keys").status()).isEqualTo(303);
            assertThat(browser.get("/settings/keys").status()).isEqualTo(200);
            Thread.sleep(1_000);
            assertThat(browser.get("/settings/keys").status()).isEqualTo(303);
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> AccessConfig.DEFAULTS.withSessionIdle(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessionIdle");
        assertThatThrownBy(() -> AccessConfig.DEFAULTS.withSessionMaxAge(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessionMaxAge");
        assertThatThrownBy(() -> AccessConfig.DEFAULTS.withLoginFailuresPerMinute(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loginFailuresPerMinute");
        assertThatThrownBy(() -> ServerConfig.builder().home(home).access(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("access");
    }
}
