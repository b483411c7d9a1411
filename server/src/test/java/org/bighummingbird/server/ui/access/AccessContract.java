package org.bighummingbird.server.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.server.ui.access.PageClient.Page;
import org.bighummingbird.store.ApiKeyInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Login, sessions, CSRF, headers and the keys page over real HTTP, on SQLite and PostgreSQL alike. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessContract {
    ServerFixture fixture;

    /** A configuration of the store under test, port and the rest still to set. */
    abstract ServerConfig.Builder storeConfig() throws Exception;

    @BeforeAll
    void start() throws Exception {
        fixture = new ServerFixture(storeConfig().port(0).build());
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    PageClient browser() {
        return new PageClient(fixture.server.url());
    }

    /** A browser logged in to a fresh workspace, and that workspace. */
    record LoggedIn(PageClient browser, Workspace workspace) {}

    LoggedIn loggedIn() {
        Workspace ws = fixture.newWorkspace();
        PageClient browser = browser();
        Page answer = browser.logIn(ws.token(), "/settings/keys");
        assertThat(answer.status()).as("%s", answer).isEqualTo(303);
        return new LoggedIn(browser, ws);
    }

    private List<ApiKeyInfo> keysOf(String workspace) {
        return fixture.store().apiKeys().list().stream().filter(k -> k.workspace().equals(workspace)).toList();
    }

    @Test
    void theFaviconABrowserFetchesBesideTheLoginFormLeavesTheFormValid() {
        Workspace ws = fixture.newWorkspace();
        PageClient fresh = browser();
        Page icon = fresh.get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(204);
        assertThat(icon.header("Set-Cookie")).isNull();
        assertThat(fresh.logIn(ws.token(), "/settings/keys").status()).isEqualTo(303);
    }

    @Test
    void withoutASessionEveryPageRedirectsToLoginWithTheLocalPathToComeBackTo() {
        PageClient anonymous = browser();
        Page keys = anonymous.get("/settings/keys");
        assertThat(keys.status()).isEqualTo(303);
        assertThat(keys.header("Location")).isEqualTo("/login?next=%2Fsettings%2Fkeys");
        assertThat(anonymous.get("/projects/Concept%20Project/runs?status=ok").header("Location"))
                .isEqualTo("/login?next=%2Fprojects%2FConcept%2520Project%2Fruns%3Fstatus%3Dok");
        assertThat(anonymous.get("/").header("Location")).isEqualTo("/login");
        assertThat(anonymous.get("/no/such/page").status()).isEqualTo(303);
        Page post = anonymous.post("/settings/keys", List.of("name", "x"));
        assertThat(post.status()).isEqualTo(303);
        assertThat(post.header("Location")).isEqualTo("/login");
        assertThat(anonymous.get("/settings/keys", "HX-Request", "true").header("HX-Redirect")).startsWith("/login");
    }

    @Test
    void aKeyLogsInWithStrictHttpOnlyCookiesAndTheSessionShowsItsWorkspace() {
        Workspace ws = fixture.newWorkspace();
        PageClient browser = browser();
        Page form = browser.get("/login?next=%2Fsettings%2Fkeys");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Content-Type")).startsWith("text/html");
        assertThat(form.setCookie(Cookies.LOGIN)).contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/login").doesNotContainIgnoringCase("Secure");

        Page answer = browser.post("/login", List.of("_csrf", form.csrf(), "key", ws.token(), "next", "/settings/keys"));
        assertThat(answer.status()).as("%s", answer).isEqualTo(303);
        assertThat(answer.header("Location")).isEqualTo("/settings/keys");
        String cookie = answer.setCookie(Cookies.SESSION);
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/")
                .doesNotContainIgnoringCase("Secure").doesNotContainIgnoringCase("Max-Age");
        String id = browser.cookies.get(Cookies.SESSION);
        assertThat(id).hasSize(43).doesNotContain(ws.token());

        Page keys = browser.get("/settings/keys");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.body()).contains("API keys of " + ws.name());
        assertThat(keys.body()).contains("bhb_" + keysOf(ws.name()).get(0).id() + "_");
        assertThat(keys.body()).doesNotContain(ws.token()).doesNotContain(id);
        assertThat(browser.get("/login").status()).as("a live session skips the form").isEqualTo(303);
    }

    @Test
    void aWrongKeyIsRefusedWithOneMessageWhateverWasWrong() {
        Workspace ws = fixture.newWorkspace();
        String token = ws.token();
        char last = token.charAt(token.length() - 1);
        String wrongSecret = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String unknownId = "bhb_000000000000" + token.substring(16);
        for (String bad : List.of(wrongSecret, unknownId, "not a key", "", "<script>alert(1)</script>",
                "x".repeat(100_000))) {
            PageClient browser = browser();
            Page answer = browser.logIn(bad, "/settings/keys");
            assertThat(answer.status()).as("%s", bad.length() > 40 ? bad.substring(0, 40) : bad).isEqualTo(401);
            assertThat(answer.body()).contains(LoginPage.NOT_ACCEPTED.replace("'", "&#39;"))
                    .doesNotContain("<script>alert(1)</script>");
            assertThat(answer.setCookie(Cookies.SESSION)).isNull();
            assertThat(browser.get("/settings/keys").status()).isEqualTo(303);
        }
    }

    @Test
    void aLoginWithoutTheFormTokenIsRefusedAndOpensNoSession() {
        Workspace ws = fixture.newWorkspace();
        PageClient browser = browser();
        Page noToken = browser.post("/login", List.of("key", ws.token()));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.setCookie(Cookies.SESSION)).isNull();

        Page form = browser.get("/login");
        Page wrongToken = browser.post("/login", List.of("_csrf", form.csrf() + "x", "key", ws.token()));
        assertThat(wrongToken.status()).isEqualTo(403);
        PageClient cookieless = browser();
        Page fieldOnly = cookieless.post("/login", List.of("_csrf", form.csrf(), "key", ws.token()));
        assertThat(fieldOnly.status()).as("a token without its cookie").isEqualTo(403);
        Page twice = browser.post("/login", List.of("_csrf", form.csrf(), "_csrf", form.csrf(), "key", ws.token()));
        assertThat(twice.status()).isEqualTo(403);
        assertThat(browser.get("/settings/keys").status()).isEqualTo(303);
    }

    @Test
    void hostileLoginRequestsAreRefusedAndOpenNoSession() {
        Workspace ws = fixture.newWorkspace();
        PageClient browser = browser();
        String csrf = browser.get("/login").csrf();
        Page twoKeys = browser.post("/login", List.of("_csrf", csrf, "key", ws.token(), "key", ws.token()));
        assertThat(twoKeys.status()).isEqualTo(401);
        Page json = browser.send("POST", "/login", "{\"key\":\"" + ws.token() + "\"}", "Content-Type", "application/json");
        assertThat(json.status()).as("not a form: no token").isEqualTo(403);
        Page huge = browser.post("/login", List.of("_csrf", csrf, "key", ws.token(), "pad", "x".repeat(9 * 1024 * 1024)));
        assertThat(huge.status()).isEqualTo(413);
        for (Page refused : List.of(twoKeys, json, huge)) {
            assertThat(refused.setCookie(Cookies.SESSION)).isNull();
        }
        assertThat(browser.get("/settings/keys").status()).isEqualTo(303);
    }

    @Test
    void loggingInAgainReplacesTheBrowsersEarlierSession() {
        LoggedIn in = loggedIn();
        String first = in.browser().cookies.get(Cookies.SESSION);
        // A live session skips the form, so the form and its token cookie come from a second client.
        PageClient helper = browser();
        Page form = helper.get("/login");
        in.browser().cookies.put(Cookies.LOGIN, helper.cookies.get(Cookies.LOGIN));

        Page again = in.browser().post("/login", List.of("_csrf", form.csrf(), "key", in.workspace().token()));
        assertThat(again.status()).isEqualTo(303);
        assertThat(in.browser().cookies.get(Cookies.SESSION)).isNotEqualTo(first);
        assertThat(in.browser().get("/settings/keys").status()).isEqualTo(200);
        PageClient old = browser();
        old.cookies.put(Cookies.SESSION, first);
        assertThat(old.get("/settings/keys").status()).as("the replaced session").isEqualTo(303);
    }

    @Test
    void nextMustBeALocalPathSoLoginIsNoOpenRedirect() {
        Workspace ws = fixture.newWorkspace();
        for (String next : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
                "javascript:alert(1)", "/%0d%0aSet-Cookie:x=y".replace("%0d%0a", "\r\n"), " /settings",
                "/login?next=//evil.example", "http:/evil.example", "/" + "a".repeat(5_000))) {
            PageClient browser = browser();
            Page answer = browser.logIn(ws.token(), next);
            assertThat(answer.status()).isEqualTo(303);
            assertThat(answer.header("Location")).as("next %s", next).isEqualTo("/");
        }
        assertThat(browser().logIn(ws.token(), "/projects/x/runs?model=a&status=ok").header("Location"))
                .isEqualTo("/projects/x/runs?model=a&status=ok");
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIs403AndChangesNothing() {
        LoggedIn in = loggedIn();
        PageClient browser = in.browser();
        String csrf = browser.get("/settings/keys").csrf();
        int before = keysOf(in.workspace().name()).size();

        Page none = browser.post("/settings/keys", List.of("name", "sneaky"));
        Page wrong = browser.post("/settings/keys", List.of("name", "sneaky", "_csrf", csrf.substring(1) + "A"));
        Page otherHeader = browser.post("/settings/keys", List.of("name", "sneaky"), "X-CSRF-Token", "nope");
        Page wrongHeaderRightField = browser.post("/settings/keys", List.of("name", "sneaky", "_csrf", csrf),
                "X-CSRF-Token", "nope");
        for (Page refused : List.of(none, wrong, otherHeader, wrongHeaderRightField)) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("text/html");
            assertThat(refused.body()).contains("CSRF");
        }
        assertThat(keysOf(in.workspace().name())).hasSize(before);

        String keyId = keysOf(in.workspace().name()).get(0).id();
        assertThat(browser.post("/settings/keys/" + keyId + "/revoke", List.of()).status()).isEqualTo(403);
        assertThat(browser.send("DELETE", "/settings/keys", null).status()).isEqualTo(403);
        assertThat(browser.post("/logout", List.of()).status()).isEqualTo(403);
        assertThat(keysOf(in.workspace().name()).get(0).revoked()).isFalse();
        assertThat(browser.get("/settings/keys").status()).as("still logged in").isEqualTo(200);

        assertThat(browser.post("/settings/keys", List.of("name", "by header"), "X-CSRF-Token", csrf).status())
                .isEqualTo(201);
        assertThat(keysOf(in.workspace().name())).hasSize(before + 1);
    }

    @Test
    void aCreatedKeysTokenIsShownOnceAndRevokingItEndsItsSessions() {
        LoggedIn in = loggedIn();
        PageClient browser = in.browser();
        String csrf = browser.get("/settings/keys").csrf();

        Page created = browser.post("/settings/keys", List.of("_csrf", csrf, "name", "<script>alert(1)</script>"));
        assertThat(created.status()).isEqualTo(201);
        ApiKeyInfo newest = keysOf(in.workspace().name()).get(keysOf(in.workspace().name()).size() - 1);
        String token = created.body().replaceAll("(?s).*<pre id=\"new-key-token\">([^<]+)</pre>.*", "$1");
        assertThat(token).startsWith("bhb_" + newest.id() + "_").hasSize(60);
        assertThat(fixture.store().apiKeys().authenticate(token)).contains(in.workspace().name());
        assertThat(created.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        Page list = browser.get("/settings/keys");
        assertThat(list.body()).doesNotContain(token).contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        PageClient second = browser();
        assertThat(second.logIn(token, "/settings/keys").status()).isEqualTo(303);
        assertThat(second.get("/settings/keys").status()).isEqualTo(200);
        assertThat(fixture.store().sessions().keysLastUsed(in.workspace().name())).containsKey(newest.id());
        assertThat(second.get("/settings/keys").body()).doesNotContain("never</td>\n      <td class=\"status\">active");

        Page revoked = browser.post("/settings/keys/" + newest.id() + "/revoke", List.of("_csrf", csrf));
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(revoked.header("Location")).isEqualTo("/settings/keys");
        assertThat(fixture.store().apiKeys().authenticate(token)).isEmpty();
        assertThat(browser.get("/settings/keys").body()).contains("revoked ");
        assertThat(second.get("/settings/keys").status()).as("the revoked key's session").isEqualTo(303);
        assertThat(browser.get("/settings/keys").status()).as("another key's session").isEqualTo(200);
    }

    @Test
    void aBadKeyNameIs400NamingTheFieldAndCreatesNothing() {
        LoggedIn in = loggedIn();
        PageClient browser = in.browser();
        String csrf = browser.get("/settings/keys").csrf();
        int before = keysOf(in.workspace().name()).size();
        for (String name : List.of("x".repeat(201), "tab\there", "bell\u0007", "\u202Ertl")) {
            Page answer = browser.post("/settings/keys", List.of("_csrf", csrf, "name", name));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("name: key name must");
        }
        assertThat(keysOf(in.workspace().name())).hasSize(before);
    }

    @Test
    void anotherWorkspacesKeyCannotBeSeenOrRevoked() {
        LoggedIn in = loggedIn();
        Workspace other = fixture.newWorkspace();
        ApiKeyInfo otherKey = keysOf(other.name()).get(0);
        PageClient browser = in.browser();
        Page page = browser.get("/settings/keys");
        assertThat(page.body()).doesNotContain(otherKey.id()).doesNotContain(other.name());

        for (String id : List.of(otherKey.id(), "000000000000", "..%2F..", "%3Cb%3E")) {
            Page answer = browser.post("/settings/keys/" + id + "/revoke", List.of("_csrf", page.csrf()));
            assertThat(answer.status()).as(id).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("<b>");
        }
        assertThat(keysOf(other.name()).get(0).revoked()).isFalse();
    }

    @Test
    void anotherWorkspacesProjectIsNotFound() {
        LoggedIn a = loggedIn();
        LoggedIn b = loggedIn();
        fixture.store().projects().findOrCreate(a.workspace().name(), "Only A");
        fixture.store().projects().findOrCreate(b.workspace().name(), "Only B");
        // The project pages come with the dashboard's pages; until they are on this server there is nothing to see.
        Assumptions.assumeTrue(a.browser().get("/projects/Only%20A/runs").status() == 200,
                "the dashboard's project pages are not on this server");
        for (String path : List.of("/projects/Only%20A/runs", "/projects/Only%20A/models", "/projects/Only%20A/evaluations")) {
            Page answer = b.browser().get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).doesNotContain(a.workspace().name());
        }
        assertThat(b.browser().get("/projects/Only%20B/runs").status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionForEveryCopyOfTheCookie() {
        LoggedIn in = loggedIn();
        PageClient browser = in.browser();
        String id = browser.cookies.get(Cookies.SESSION);
        String csrf = browser.get("/settings/keys").csrf();

        Page out = browser.post("/logout", List.of("_csrf", csrf));
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/login");
        assertThat(out.setCookie(Cookies.SESSION)).startsWith(Cookies.SESSION + "=;").contains("Expires=Thu, 01 Jan 1970");

        PageClient replay = browser();
        replay.cookies.put(Cookies.SESSION, id);
        assertThat(replay.get("/settings/keys").status()).isEqualTo(303);
    }

    @Test
    void aSessionCookieDoesNotAuthenticateTheApi() {
        LoggedIn in = loggedIn();
        Page api = in.browser().get("/api/v1/projects");
        assertThat(api.status()).isEqualTo(401);
        Page post = in.browser().send("POST", "/api/v1/projects", null, "X-CSRF-Token",
                in.browser().get("/settings/keys").csrf());
        assertThat(post.status()).isEqualTo(401);
    }

    @Test
    void forgedAndMalformedSessionCookiesAreNoSession() {
        for (String cookie : List.of("A".repeat(43), "", "x", "A".repeat(4_000), "%00", "'OR(1=1)--")) {
            PageClient browser = browser();
            browser.cookies.put(Cookies.SESSION, cookie);
            assertThat(browser.get("/settings/keys").status()).as("%.50s", cookie).isEqualTo(303);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        LoggedIn in = loggedIn();
        PageClient browser = in.browser();
        List<Page> answers = List.of(browser.get("/settings/keys"), browser().get("/login"),
                browser().get("/settings/keys"), browser.get("/assets/access/csrf.js"),
                browser.get("/assets/access/access.css"), browser.get("/assets/access/none.js"),
                browser.post("/settings/keys", List.of()), browser().get("/api/v1/health"),
                browser().get("/api/v1/projects"));
        for (Page answer : answers) {
            assertThat(answer.header("Content-Security-Policy")).as("%s", answer)
                    .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
        }
        for (Page page : answers.subList(0, 3)) {
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        }
        Page script = answers.get(3);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.header("Cache-Control")).startsWith("public");
        assertThat(script.body()).contains("X-CSRF-Token").contains("csrf-token");
        assertThat(answers.get(5).status()).isEqualTo(404);
        assertThat(browser.get("/settings/keys").body()).contains("<meta name=\"csrf-token\" content=\"")
                .contains("<script src=\"/assets/access/csrf.js\"").doesNotContain("<script>").doesNotContain("style=");
    }
}
