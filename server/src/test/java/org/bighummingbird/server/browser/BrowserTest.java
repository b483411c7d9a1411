package org.bighummingbird.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.bighummingbird.server.ServerConfig;
import org.bighummingbird.server.ServerFixture;
import org.bighummingbird.store.ThrowawayPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The harness of the dashboard's browser tests: a real server on a free loopback port and a real
 * headless Chromium driving it, both started once per test class.
 *
 * <p>How to write one: extend this class, name the store with {@link #backend()} ({@link
 * Backend#SQLITE} for a fresh embedded store in a temp dir, {@link Backend#POSTGRES} for a
 * throwaway database on the local PostgreSQL; a contract class with one subclass per backend runs
 * the same tests on both), optionally adjust the server in {@link #configure} (for example
 * {@code .auth(false)} for {@code --no-auth}), then use {@link #driver} (a Selenium
 * {@link WebDriver}), {@link #open(String)} for a path, {@link #logIn(String)} to log in through the
 * form, {@link #fixture} for the server and its store ({@code fixture.newWorkspace()} gives a
 * workspace with a key). Cookies are deleted before every test, so each starts logged out.
 *
 * <p>The browser is the system's Chromium ({@code /usr/bin/chromium}, driven by
 * {@code /usr/bin/chromedriver}; override with {@code -Dbhb.test.chromium=…} and
 * {@code -Dbhb.test.chromedriver=…}); Selenium Manager never downloads anything. It runs headless,
 * sandboxless (containers), without GPU, background networking, component updates, sync or QUIC,
 * on a fresh profile in a temp dir that is removed afterwards. When a test fails, a screenshot of
 * the page goes to {@code target/browser-screenshots/<class>.<test>.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest {
    /** The store a browser test's server runs on. */
    public enum Backend {
        /** A fresh embedded store in a temp dir. */
        SQLITE,
        /** A throwaway database on the local PostgreSQL. */
        POSTGRES
    }

    /** How long a test waits for a page to show what it expects. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    /** The running server and its store. */
    protected ServerFixture fixture;
    /** The browser. */
    protected WebDriver driver;

    private Path home;
    private Path profile;
    private ThrowawayPostgres database;

    /** The store the server runs on. */
    protected abstract Backend backend();

    /** Adjusts the server's configuration (store and port are set already); as it is by default. */
    protected ServerConfig.Builder configure(ServerConfig.Builder config) {
        return config;
    }

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        ServerConfig.Builder config = ServerConfig.builder().port(0);
        if (backend() == Backend.SQLITE) {
            home = Files.createTempDirectory("bhb-browser-home");
            config.home(home);
        } else {
            database = new ThrowawayPostgres();
            config.jdbcUrl(database.url());
        }
        fixture = new ServerFixture(configure(config).build());
        profile = Files.createTempDirectory("bhb-chromium-profile");
        driver = startChromium(profile);
    }

    @AfterAll
    void stopBrowserAndServer() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
            if (database != null) {
                database.close();
            }
            deleteTree(profile);
            deleteTree(home);
        }
    }

    @BeforeEach
    void startLoggedOut() {
        driver.get(url("/assets/access/access.css"));
        driver.manage().deleteAllCookies();
    }

    /** The server's URL of {@code path}. */
    protected String url(String path) {
        return fixture.server.url() + path;
    }

    /** Opens {@code path} of the server in the browser. */
    protected void open(String path) {
        driver.get(url(path));
    }

    /** Logs in through the login form with {@code token}; the browser ends where the login sends it. */
    protected void logIn(String token) {
        if (!driver.getCurrentUrl().contains("/login")) {
            open("/login");
        }
        driver.findElement(By.id("key")).sendKeys(token);
        driver.findElement(By.id("login")).click();
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("/login")
                || !d.findElements(By.id("login-error")).isEmpty());
    }

    /** Waits until the element with {@code id} is shown, and answers its text. */
    protected String textOf(String id) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private static WebDriver startChromium(Path profile) {
        String chromium = System.getProperty("bhb.test.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("bhb.test.chromedriver", "/usr/bin/chromedriver");
        // Named explicitly, so that Selenium Manager has nothing to find or download.
        System.setProperty("webdriver.chrome.driver", chromedriver);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            // Chromium may still be writing its profile while it exits; a leftover temp dir is harmless.
        }
    }

    /** Saves a screenshot of the browser when a test fails. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Object test = context.getTestInstance().orElse(null);
            if (!(test instanceof BrowserTest browserTest) || browserTest.driver == null) {
                return;
            }
            try {
                Path dir = Path.of("target", "browser-screenshots");
                Files.createDirectories(dir);
                byte[] png = ((TakesScreenshot) browserTest.driver).getScreenshotAs(OutputType.BYTES);
                Path file = dir.resolve(context.getRequiredTestClass().getSimpleName() + "."
                        + context.getRequiredTestMethod().getName() + ".png");
                Files.write(file, png);
                System.err.println("screenshot of the failed test: " + file.toAbsolutePath()
                        + " (at " + browserTest.driver.getCurrentUrl() + ")");
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
