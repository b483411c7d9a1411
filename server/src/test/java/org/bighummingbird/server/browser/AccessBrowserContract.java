package org.bighummingbird.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.store.ApiKeyInfo;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Login, logout and the keys page in a real Chromium, on SQLite and PostgreSQL alike. */
abstract class AccessBrowserContract extends BrowserTest {
    @Test
    void aKeyLogsInShowsThePageAskedForAndLogsOut() {
        Workspace ws = fixture.newWorkspace();
        open("/settings/keys");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/login?next=%2Fsettings%2Fkeys"));

        logIn(ws.token());
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/settings/keys"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("API keys of " + ws.name());

        driver.findElement(By.id("logout")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlToBe(url("/login")));
        assertThat(driver.manage().getCookieNamed("bhb_session")).isNull();
        open("/settings/keys");
        assertThat(driver.getCurrentUrl()).startsWith(url("/login"));
    }

    @Test
    void aWrongKeyIsRefusedAndOpensNoSession() {
        Workspace ws = fixture.newWorkspace();
        open("/login");
        logIn(ws.token().substring(0, ws.token().length() - 2) + "xx");

        assertThat(textOf("login-error")).contains("not accepted");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/login"));
        assertThat(driver.manage().getCookieNamed("bhb_session")).isNull();
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndNotReadableByScripts() {
        logIn(fixture.newWorkspace().token());
        Cookie session = driver.manage().getCookieNamed("bhb_session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.isSecure()).as("served over plain http on loopback").isFalse();
        Object visible = ((JavascriptExecutor) driver).executeScript("return document.cookie");
        assertThat((String) visible).doesNotContain("bhb_session");
    }

    @Test
    void aCreatedKeyIsShownOnceAndCanBeRevoked() {
        Workspace ws = fixture.newWorkspace();
        open("/settings/keys");
        logIn(ws.token());

        driver.findElement(By.id("name")).sendKeys("<b>ci</b>");
        driver.findElement(By.id("create-key")).click();
        String token = textOf("new-key-token");
        assertThat(token).startsWith("bhb_").hasSize(60);
        assertThat(driver.findElement(By.id("new-key")).getText()).contains("<b>ci</b>");
        assertThat(fixture.store().apiKeys().authenticate(token)).contains(ws.name());

        open("/settings/keys");
        assertThat(driver.getPageSource()).doesNotContain(token);
        ApiKeyInfo created = fixture.store().apiKeys().list().stream()
                .filter(k -> k.workspace().equals(ws.name()) && k.name().equals("<b>ci</b>")).findFirst().orElseThrow();
        WebElement row = driver.findElement(By.id("key-" + created.id()));
        assertThat(row.getText()).contains("active");

        driver.findElement(By.id("revoke-" + created.id())).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#key-" + created.id() + " .status"), "revoked"));
        assertThat(fixture.store().apiKeys().authenticate(token)).isEmpty();
        assertThat(driver.findElements(By.id("revoke-" + created.id()))).isEmpty();
    }

    @Test
    void theCsrfScriptAddsThePagesTokenToHtmxRequests() {
        open("/settings/keys");
        logIn(fixture.newWorkspace().token());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String meta = (String) js.executeScript("return document.querySelector('meta[name=\"csrf-token\"]').content");
        String field = driver.findElement(By.name("_csrf")).getDomAttribute("value");
        assertThat(meta).isEqualTo(field).hasSize(43);

        // The event htmx fires before each request; the served script must add the header to it.
        Object header = js.executeScript("var detail = {headers: {}};"
                + "document.dispatchEvent(new CustomEvent('htmx:configRequest', {detail: detail}));"
                + "return detail.headers['X-CSRF-Token'];");
        assertThat(header).isEqualTo(meta);
    }
}
