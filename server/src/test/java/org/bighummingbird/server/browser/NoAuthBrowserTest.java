package org.bighummingbird.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.store.Store;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** {@code --no-auth} in the browser: no login, the default workspace, forms still carry their token. */
class NoAuthBrowserTest extends BrowserTest {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    protected ServerConfig.Builder configure(ServerConfig.Builder config) {
        return config.auth(false);
    }

    @Test
    void pagesOpenWithoutLoginAndAKeyCanBeCreated() {
        open("/login?next=%2Fsettings%2Fkeys");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/settings/keys"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("API keys of " + Store.DEFAULT_WORKSPACE);

        driver.findElement(By.id("name")).sendKeys("laptop");
        driver.findElement(By.id("create-key")).click();
        assertThat(textOf("new-key-token")).startsWith("bhb_");
        assertThat(fixture.store().apiKeys().list()).singleElement()
                .satisfies(k -> assertThat(k.workspace()).isEqualTo(Store.DEFAULT_WORKSPACE));
    }
}
