package org.xmppcert.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xmppcert.reports.ReportWriters;
import org.xmppcert.reports.SampleReports;
import org.xmppcert.reports.json.JsonReportReader;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.RequirementResult;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;

/**
 * Opens report.html (written by {@link ReportWriters#writeAll}) from {@code file://} in Debian's
 * headless Chromium and uses it as a reader would: the verdict is shown, a filter hides the
 * other rows, a requirement opens onto its scenarios' transcripts with the offending stanza
 * marked, and the hostile text of the sample report is displayed as text, never run.
 *
 * <p>Chromium and its driver come from the Debian packages {@code chromium} and
 * {@code chromium-driver} ({@code ci/install-deps.sh}); Selenium Manager is never used (the
 * driver's path is given, {@code SE_OFFLINE=true} in the failsafe configuration), so nothing is
 * downloaded. When they are missing this test fails with a message saying so: a CI without a
 * browser must not pass silently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserIT {
    /** Debian's paths; overridable (-Dxmppcert.chromium=…) for a developer's machine without them. */
    private static final File CHROMIUM = new File(System.getProperty("xmppcert.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("xmppcert.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Path work;
    private ChromeDriverService service;
    private WebDriver driver;
    private String completeUrl;
    private Report complete;
    private String incompleteUrl;

    @BeforeAll
    void startBrowser() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("HtmlReportBrowserIT needs Debian's headless Chromium: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " must be executable. Install them with `sudo ci/install-deps.sh` "
                    + "(or `apt-get install -y chromium chromium-driver`).");
        }
        work = Files.createTempDirectory("xmppcert-report-it");
        ReportWriters.Written written = ReportWriters.writeAll(SampleReports.mixed(true), work.resolve("complete"));
        completeUrl = written.html().toUri().toString();
        // what the page must show, as report.json has it
        complete = new JsonReportReader().read(written.json());
        incompleteUrl = ReportWriters.writeAll(SampleReports.mixed(false), work.resolve("incomplete")).html().toUri()
                .toString();

        // Never Selenium Manager: the driver is named, and it would have nothing to download anyway.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.getPath());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .withLogFile(work.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100", "--user-data-dir=" + Files.createDirectory(work.resolve("profile")));
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            fail("could not start headless Chromium (" + CHROMIUM + ") through " + CHROMEDRIVER
                    + "; see " + work.resolve("chromedriver.log") + ": " + e.getMessage(), e);
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(WAIT);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (work != null) {
                try (Stream<Path> walk = Files.walk(work)) {
                    walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @Test
    void theVerdictTargetAndCoverageAreShown() {
        driver.get(completeUrl);
        WebElement verdict = driver.findElement(By.id("verdict"));
        assertThat(verdict.isDisplayed()).isTrue();
        assertThat(verdict.getText()).isEqualTo("NOT COMPLIANT");
        assertThat(verdict.getAttribute("class")).contains("not-compliant");
        assertThat(driver.findElements(By.id("incomplete"))).isEmpty();
        assertThat(driver.findElement(By.id("target")).getText()).contains("example.org", "127.0.0.1:5222");
        assertThat(driver.findElements(By.cssSelector("#coverage tr.spec-coverage"))).hasSize(3);
        assertThat(driver.findElement(By.id("visible-count")).getText()).isEqualTo("8 of 8 requirements shown");
        assertThat(visibleRequirementIds()).containsExactlyElementsOf(
                complete.requirements().stream().map(RequirementResult::id).toList());
        assertThat(driver.findElements(By.cssSelector("#scenarios > details.scenario"))).extracting(e -> e.getAttribute("data-scenario"))
                .containsExactlyElementsOf(complete.scenarios().stream().map(ScenarioResult::id).toList());
        for (Status s : Status.values()) {
            assertThat(driver.findElement(By.cssSelector("#counts td[data-status='" + s + "']")).getText())
                    .isEqualTo(String.valueOf(complete.counts().get(s)));
        }
        assertThat(driver.getTitle()).isEqualTo("xmppcert report: example.org \u2014 NOT COMPLIANT");
    }

    @Test
    void anIncompleteRunIsMarked() {
        driver.get(incompleteUrl);
        WebElement marker = driver.findElement(By.id("incomplete"));
        assertThat(marker.isDisplayed()).isTrue();
        assertThat(marker.getText()).startsWith("INCOMPLETE");
    }

    @Test
    void filtersHideTheRowsThatDoNotMatch() {
        driver.get(completeUrl);
        assertThat(visibleRequirementStatuses()).hasSize(8);

        select("filter-status", "FAIL");
        assertThat(visibleRequirementStatuses()).containsExactly("FAIL");
        assertThat(driver.findElement(By.id("visible-count")).getText()).isEqualTo("1 of 8 requirements shown");

        select("filter-status", "PASS");
        assertThat(visibleRequirementStatuses()).containsExactly("PASS", "PASS", "PASS");

        select("filter-spec", "XEP-0030");
        assertThat(visibleRequirementIds()).containsExactly("XEP0030-3.1-info");

        select("filter-status", "");
        assertThat(visibleRequirementIds()).containsExactly("XEP0030-3.1-info", "XEP0030-3.2-items");

        select("filter-spec", "");
        select("filter-level", "SHOULD");
        assertThat(visibleRequirementIds()).containsExactly("RFC3920-4.4-stream-id");

        select("filter-level", "");
        assertThat(visibleRequirementStatuses()).hasSize(8);
    }

    @Test
    void aRequirementOpensOntoItsScenariosWithTheOffendingStanzaMarked() {
        driver.get(completeUrl);
        WebElement group = driver.findElement(By.cssSelector("tbody.req-group[data-id='RFC3920-9.3-error-syntax']"));
        WebElement detail = group.findElement(By.cssSelector("tr.req-detail"));
        assertThat(detail.isDisplayed()).isFalse();

        group.findElement(By.cssSelector("button.toggle")).click();
        new WebDriverWait(driver, WAIT).until(d -> detail.isDisplayed());
        List<WebElement> scenarios = detail.findElements(By.cssSelector("details.scenario"));
        assertThat(scenarios).extracting(e -> e.getAttribute("data-scenario"))
                .containsExactly("iq-unknown-namespace", "iq-error-syntax");
        assertThat(scenarios).allSatisfy(s -> assertThat(s.getAttribute("open")).isNotNull());

        List<WebElement> offending = detail.findElements(By.cssSelector(".wire.offending"));
        assertThat(offending).hasSize(1);
        assertThat(offending.get(0).isDisplayed()).isTrue();
        assertThat(offending.get(0).findElement(By.cssSelector(".dir")).getText()).startsWith("IN");
        assertThat(offending.get(0).findElement(By.cssSelector(".actor")).getText()).isEqualTo("a");
        assertThat(offending.get(0).findElement(By.cssSelector(".t")).getText()).isEqualTo("23:00:00.140");
        assertThat(offending.get(0).findElement(By.tagName("pre")).getText()).contains(SampleReports.HOSTILE);
        assertThat(detail.findElement(By.cssSelector("pre.observed.offending")).isDisplayed()).isTrue();
        assertThat(detail.findElement(By.cssSelector("pre.expected")).getText()).contains("<service-unavailable/>");
        // in each scenario, the judgement of this requirement is the one marked
        assertThat(detail.findElements(By.cssSelector(".judgement.focus")))
                .extracting(e -> e.getAttribute("data-requirement"))
                .containsExactly("RFC3920-9.3-error-syntax", "RFC3920-9.3-error-syntax");

        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", group);
        screenshot("HtmlReportBrowserIT-expanded.png");

        group.findElement(By.cssSelector("button.toggle")).click();
        new WebDriverWait(driver, WAIT).until(d -> !detail.isDisplayed());
        // opening again does not copy the scenarios twice
        group.findElement(By.cssSelector("button.toggle")).click();
        new WebDriverWait(driver, WAIT).until(d -> detail.isDisplayed());
        assertThat(detail.findElements(By.cssSelector("details.scenario"))).hasSize(2);
    }

    @Test
    void hostileServerTextIsShownAsTextAndNothingRuns() {
        driver.get(completeUrl);
        // Any alert() would still be open: WebDriver would report it here.
        try {
            driver.switchTo().alert();
            fail("an alert is open: the hostile text was executed");
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
        assertThat(driver.findElement(By.id("software")).getText()).contains("Evil " + SampleReports.HOSTILE);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return document.getElementsByTagName('img').length")).isEqualTo(0L);
        assertThat(js.executeScript("return document.scripts.length")).isEqualTo(1L);
        // nothing was fetched: no resource besides the page itself
        assertThat(js.executeScript("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        WebElement first = driver.findElement(By.id("scenario-0"));
        first.findElement(By.tagName("summary")).click();
        new WebDriverWait(driver, WAIT).until(d -> first.findElement(By.cssSelector(".wire.offending")).isDisplayed());
        assertThat(first.findElement(By.cssSelector(".wire.d-EVENT pre")).getText()).isEqualTo("closed: " + SampleReports.HOSTILE);
    }

    /** For a human looking at the build: what the page looked like (target/), best effort. */
    private void screenshot(String name) {
        try {
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Path target = Path.of(System.getProperty("basedir", "."), "target");
            if (Files.isDirectory(target)) {
                Files.copy(png, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot: " + e);
        }
    }

    private void select(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    private List<String> visibleRequirementStatuses() {
        return visibleGroups().stream().map(g -> g.getAttribute("data-status")).toList();
    }

    private List<String> visibleRequirementIds() {
        return visibleGroups().stream().map(g -> g.getAttribute("data-id")).toList();
    }

    private List<WebElement> visibleGroups() {
        return driver.findElements(By.cssSelector("tbody.req-group")).stream()
                .filter(g -> g.findElement(By.cssSelector("tr.req")).isDisplayed()).toList();
    }
}
