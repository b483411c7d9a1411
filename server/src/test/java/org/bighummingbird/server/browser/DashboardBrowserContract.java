package org.bighummingbird.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bighummingbird.server.ui.DashboardSeed.HOSTILE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bighummingbird.core.RunRecord;
import org.bighummingbird.server.ServerFixture.Workspace;
import org.bighummingbird.server.ui.DashboardSeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A walk through the dashboard in a real Chromium on a server with authentication, on SQLite and
 * PostgreSQL alike: log in with a workspace's key, click from the project list down to a model
 * version and the diff of two versions, compare two evaluations, open one, page through every run,
 * see a hostile run input as text, and find another workspace's project answered with the 404 page.
 *
 * <p>Run with {@code -Dbhb.screenshots=docs/images} (a path relative to the repository root, or
 * absolute) to save the README's screenshots of the versions, model detail, diff and compare pages
 * on the way; without the property nothing is written.
 */
abstract class DashboardBrowserContract extends BrowserTest {
    private static final String PROJECTS = "/projects/Concept%20Project";

    private Workspace workspace;
    private DashboardSeed seed;

    @BeforeAll
    void seedAWorkspace() {
        workspace = fixture.newWorkspace();
        seed = new DashboardSeed(fixture.store(), workspace.name(), DashboardSeed.PROJECT);
        // With one project the list would forward straight to it; a second keeps the list on screen.
        fixture.store().projects().findOrCreate(workspace.name(), "Second Project");
    }

    @Test
    void clicksFromTheProjectListToAVersionAndTheDiffOfTwoVersions() {
        logInAt("/");
        assertThat(heading()).isEqualTo("Projects");
        assertThat(texts("table.grid tbody td:first-child a"))
                .containsExactlyInAnyOrder(DashboardSeed.PROJECT, "Second Project");

        clickLink(DashboardSeed.PROJECT);
        waitForPath(PROJECTS + "/models");
        assertThat(heading()).startsWith("Models");

        clickLink("bot");
        waitForPath(PROJECTS + "/models/bot");
        assertThat(heading()).isEqualTo("bot 2 versions");
        screenshot("dashboard-versions");

        clickLink("bot:v1");
        waitForPath(PROJECTS + "/models/bot/v1");
        assertThat(heading()).isEqualTo("bot:v1");
        assertThat(fact("Signature")).isEqualTo("(java.lang.String q) -> java.lang.Integer");
        assertThat(fact("Fingerprint")).isEqualTo(DashboardSeed.key(1));
        WebElement code = driver.findElement(By.cssSelector("pre.code"));
        assertThat(code.getText()).contains("return q.trim();").contains("com.acme.Bot.clean");
        assertThat(code.findElements(By.cssSelector("span.kw"))).extracting(WebElement::getText).contains("return");
        WebElement histogram = chart("Latency histogram");
        assertThat(histogram.findElements(By.cssSelector("svg rect.bar"))).isNotEmpty();
        screenshot("dashboard-model-detail");

        clickLink("all versions");
        waitForPath(PROJECTS + "/models/bot");
        clickLink("diff v1");
        waitForPath(PROJECTS + "/models/bot/diff");
        assertThat(driver.getCurrentUrl()).endsWith("?from=v1&to=v2");
        assertThat(heading()).isEqualTo("bot: v1 → v2");
        assertThat(texts("table.diff tr.del pre")).containsExactly("return q.trim();");
        assertThat(texts("table.diff tr.add pre")).containsExactly("return q.strip() + \"" + HOSTILE + "\";");
        assertThat(texts("table.diff tr:not(.del):not(.add) pre")).contains("(q) -> clean(q) + 1");
        assertNoAlert();
        screenshot("dashboard-diff");
    }

    @Test
    void comparesTwoCheckedEvaluationsAndShowsRegressionsOnly() {
        logInAt(PROJECTS + "/models");
        clickLink("Evaluations");
        waitForPath(PROJECTS + "/evaluations");
        List<WebElement> picks = driver.findElements(By.cssSelector("input.compare-pick"));
        assertThat(picks).extracting(p -> p.getDomAttribute("value"))
                .containsExactlyInAnyOrder(seed.evaluationA, seed.evaluationB);
        pick(seed.evaluationA).click();
        pick(seed.evaluationB).click();
        assertThat(pick(seed.evaluationA).isSelected()).isTrue();
        assertThat(pick(seed.evaluationB).isSelected()).isTrue();

        driver.findElement(By.id("compare")).click();
        waitForPath(PROJECTS + "/evaluations/compare");
        assertThat(driver.getCurrentUrl()).endsWith("?a=" + seed.evaluationA + "&b=" + seed.evaluationB);
        assertThat(heading()).isEqualTo("B against A");
        assertThat(driver.findElement(By.cssSelector("p.counts")).getText())
                .isEqualTo("1 regressions · 1 improvements · 4 unchanged");
        assertThat(rowInputs()).hasSize(6);
        screenshot("dashboard-compare");

        driver.findElement(By.id("show-regressions")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("show=regressions"));
        assertThat(driver.findElement(By.id("show-regressions")).getDomAttribute("class")).isEqualTo("current");
        assertThat(rowInputs()).containsExactly("\"q1" + HOSTILE + "\"");
        assertNoScriptInMain();
        assertThat(texts("table.rows tbody tr td:last-child")).containsExactly("regression");

        driver.findElement(By.id("show-all")).click();
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("show="));
        assertThat(rowInputs()).hasSize(6);
    }

    @Test
    void opensAnEvaluationsDetailAndItsFailedRows() {
        logInAt(PROJECTS + "/evaluations");
        driver.findElement(By.cssSelector("table.evaluations a[href$='/evaluations/" + seed.evaluationA + "']")).click();
        waitForPath(PROJECTS + "/evaluations/" + seed.evaluationA);
        assertThat(heading()).isEqualTo("Evaluation " + seed.evaluationA);
        assertThat(fact("Model")).isEqualTo("bot:v1");
        assertThat(fact("Status")).isEqualTo("complete");
        assertThat(fact("Rows")).isEqualTo("6 · passed 4 · failed 1 · errors 1");
        assertThat(rowInputs()).containsExactly("\"q0\"", "\"q1" + HOSTILE + "\"", "\"q2\"", "\"q3\"", "\"q4\"", "\"q5\"");
        assertThat(texts("table.rows td.error")).contains("model threw " + HOSTILE);

        clickLink("failed only");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("show=failed"));
        assertThat(rowInputs()).containsExactly("\"q2\"", "\"q5\"");
        assertNoScriptInMain();
    }

    @Test
    void pagesForwardThroughEveryRunOnce() {
        logInAt(PROJECTS + "/models");
        clickLink("Runs");
        waitForPath(PROJECTS + "/runs");
        WebElement perPage = driver.findElement(By.name("limit"));
        perPage.clear();
        perPage.sendKeys("4");
        WebElement results = driver.findElement(By.id("runs-results"));
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(results));

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        int pages = 0;
        while (true) {
            List<String> ids = runIdsShown();
            pages++;
            assertThat(ids).as("page %d", pages).hasSizeBetween(1, 4);
            for (String id : ids) {
                assertThat(seen.add(id)).as("run %s shown twice", id).isTrue();
                order.add(id);
            }
            List<WebElement> next = driver.findElements(By.cssSelector("#runs-results a.next"));
            if (next.isEmpty()) {
                break;
            }
            assertThat(pages).as("pages").isLessThan(20);
            results = driver.findElement(By.id("runs-results"));
            next.get(0).click();
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(results));
            assertThat(driver.getCurrentUrl()).as("htmx pushes the page's URL").contains("limit=4").contains("cursor");
        }
        Set<String> all = new HashSet<>();
        seed.runs.forEach(r -> all.add(r.id()));
        assertThat(seen).isEqualTo(all);
        assertThat(order).hasSize(DashboardSeed.RUNS + 3);
        assertThat(order.get(0)).as("newest first").isEqualTo(seed.grandchild.id());
        assertThat(pages).isEqualTo(7);
    }

    @Test
    void aHostileRunInputShowsAsTextAndRunsNoScript() {
        logInAt(PROJECTS + "/runs?limit=100");
        RunRecord hostile = seed.runs.get(3);
        WebElement row = driver.findElement(By.xpath(
                "//table[contains(@class,'runs')]//tr[.//a[contains(@href,'/runs/" + hostile.id() + "')]]"));
        assertThat(row.findElement(By.cssSelector("td.json")).getText()).isEqualTo("{\"q\":\"" + HOSTILE + "\"}");
        assertNoScriptInMain();

        row.findElement(By.cssSelector("td a[href$='/runs/" + hostile.id() + "']")).click();
        waitForPath(PROJECTS + "/runs/" + hostile.id());
        assertThat(driver.findElement(By.cssSelector("pre.json")).getText()).contains(HOSTILE)
                .doesNotContain("&lt;");
        assertNoScriptInMain();

        open(PROJECTS + "/runs/" + seed.runs.get(0).id());
        assertThat(driver.findElement(By.cssSelector("p.error")).getText()).endsWith("bad " + HOSTILE);
        assertNoScriptInMain();
    }

    @Test
    void anotherWorkspacesSessionGetsTheNotFoundPage() {
        Workspace other = fixture.newWorkspace();
        fixture.store().projects().findOrCreate(other.name(), "Own Project");
        fixture.store().projects().findOrCreate(other.name(), "Own Second Project");
        logInAt("/", other);
        assertThat(texts("table.grid tbody td:first-child a"))
                .containsExactlyInAnyOrder("Own Project", "Own Second Project");

        open(PROJECTS + "/models");
        assertNotFoundPage();
        open(PROJECTS + "/evaluations/" + seed.evaluationA);
        assertNotFoundPage();

        // The same name in the other workspace is another project: the first one's ids stay unseen.
        fixture.store().projects().findOrCreate(other.name(), DashboardSeed.PROJECT);
        open(PROJECTS + "/runs/" + seed.runs.get(3).id());
        assertNotFoundPage();
        open(PROJECTS + "/evaluations/" + seed.evaluationA);
        assertNotFoundPage();
        open(PROJECTS + "/models/bot/v1");
        assertNotFoundPage();
    }

    /** Opens {@code path}, which sends the browser to the login form, and logs in with the seeded workspace's key. */
    private void logInAt(String path) {
        logInAt(path, workspace);
    }

    private void logInAt(String path, Workspace ws) {
        open(path);
        assertThat(driver.getCurrentUrl()).startsWith(url("/login"));
        logIn(ws.token());
        assertThat(driver.getCurrentUrl()).isEqualTo(url(path));
        assertNoAlert();
    }

    private void clickLink(String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
    }

    private void waitForPath(String path) {
        new WebDriverWait(driver, WAIT).until(d -> {
            String current = d.getCurrentUrl();
            int query = current.indexOf('?');
            return (query < 0 ? current : current.substring(0, query)).equals(url(path));
        });
        assertNoAlert();
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The text of the fact list's entry named {@code term}. */
    private String fact(String term) {
        return driver.findElement(By.xpath("//section[@class='facts']//dt[normalize-space()='" + term
                + "']/following-sibling::dd[1]")).getText();
    }

    private WebElement chart(String title) {
        return driver.findElement(By.xpath("//figure[@class='chart'][figcaption[normalize-space()='" + title + "']]"));
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private WebElement pick(String evaluation) {
        return driver.findElement(By.cssSelector("input.compare-pick[value='" + evaluation + "']"));
    }

    /** The input cell of every row of the page's evaluation or comparison rows table. */
    private List<String> rowInputs() {
        return texts("table.rows tbody tr td.json:nth-child(2)");
    }

    private List<String> runIdsShown() {
        return driver.findElements(By.cssSelector("#runs-results table.runs tbody tr td:first-child a")).stream()
                .map(a -> a.getDomAttribute("href"))
                .map(href -> href.substring(href.lastIndexOf('/') + 1))
                .toList();
    }

    private void assertNotFoundPage() {
        assertThat(heading()).startsWith("404");
        assertThat(driver.findElement(By.cssSelector("section.error p.message")).getText()).isNotEmpty();
        // The message may echo the id asked for; none of the first workspace's data shows.
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("faq:v1")
                .doesNotContain("matcher").doesNotContain("answer").doesNotContain("question").doesNotContain(HOSTILE);
        assertThat(driver.findElements(By.cssSelector("main table"))).isEmpty();
    }

    /** A script that ran would have left an alert open; Selenium answers none only if none fired. */
    private void assertNoAlert() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private void assertNoScriptInMain() {
        assertNoAlert();
        assertThat(driver.findElements(By.cssSelector("main script"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(HOSTILE);
    }

    /** Saves the page as {@code <name>.png} in {@code -Dbhb.screenshots}'s directory, if that property is set. */
    private void screenshot(String name) {
        String dir = System.getProperty("bhb.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path target = repositoryRoot().resolve(dir);
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout's root: tests run in the {@code server} module's directory. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        Path parent = here.getParent();
        return here.getFileName().toString().equals("server") && parent != null && Files.exists(parent.resolve("pom.xml"))
                ? parent : here;
    }
}
