package budgetledger.app;

import budgetledger.app.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The console in a real browser: Debian's chromium, headless, driven through chromium-driver by Selenium. Finance
 * imports the seed by upload, opens table 3, records a 调剂 through the form (first with an amount the line does not
 * have, refused beside the field), and sees both rows move and the total stay; the auditor then finds the change in
 * the history with finance as its actor. Screenshots for a person to look at land in target/screenshots/.
 * Without chromium and chromedriver this test fails: it never skips.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class ConsoleBrowserTest {

    static final TestDatabase DB = TestDatabase.create();
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    static ChromeDriver browser;
    static Path profile;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate server;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.register(registry);
        TestUsers.register(registry);
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        Path chromium = onPath("chromium");
        Path chromedriver = onPath("chromedriver");
        if (chromium == null || chromedriver == null) {
            fail("The browser test needs Debian's chromium and chromium-driver: apt-get install -y chromium "
                    + "chromium-driver (.ci/run installs them). Found chromium: " + chromium + ", chromedriver: "
                    + chromedriver);
        }
        profile = Files.createTempDirectory("budget-ledger-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void finance_records_a_transfer_on_table_3_and_the_auditor_finds_it_with_finance_as_actor() throws IOException {
        open("/login");
        screenshot("login");
        signIn(Role.FINANCE);

        // Import the seed by upload; the page shows the reconciliation report.
        Path seed = Files.createTempFile("seed-062-2026", ".txt");
        Files.writeString(seed, SampleText.seed(), StandardCharsets.UTF_8);
        open("/disclosures/new");
        browser.findElement(By.id("file")).sendKeys(seed.toAbsolutePath().toString());
        go(By.cssSelector("#import-form button[type=submit]"));
        assertThat(text("#import-result")).containsPattern("062-2026： \\d+ 条预算行");
        assertThat(text(".counts")).contains("不符 0 格");
        screenshot("import", 768);
        open("/budgets/062-2026");
        screenshot("budget", 768);

        // Table 3 as published.
        open("/budgets/062-2026/tables/3");
        assertThat(text(".published h2")).isEqualTo("2026年预算支出总表");
        assertThat(rows()).containsExactlyElementsOf(DisclosureApiTest.TABLE_3);
        screenshot("table-3");

        // A 调剂 of 100000 元 from a basic line of 2010306 to one of 2010350, through the form.
        JsonNode lines = server.withBasicAuth(TestUsers.name(Role.FINANCE), TestUsers.password(Role.FINANCE))
                .getForObject("/api/budgets/062-2026/lines", JsonNode.class);
        String from = DisclosureApiTest.lineOn(lines, "2010306");
        String to = DisclosureApiTest.lineOn(lines, "2010350");
        go(By.id("transfer-link"));
        new Select(browser.findElement(By.cssSelector("#fromLineId-picker .filter-functional"))).selectByValue("2010306");
        new Select(browser.findElement(By.id("fromLineId"))).selectByValue(from);
        // The 科目 filter left only lines of 2010306 to choose from.
        assertThat(browser.findElement(By.cssSelector("#fromLineId option[value=" + to + "]")).isEnabled()).isFalse();
        new Select(browser.findElement(By.cssSelector("#toLineId-picker .filter-functional"))).selectByValue("2010350");
        new Select(browser.findElement(By.id("toLineId"))).selectByValue(to);
        type("#transfer-form input[name=amount]", "999999999");
        type("#transfer-form input[name=documentNo]", "晋财预〔2026〕30号");
        type("#transfer-form input[name=reason]", "调剂用于政务服务中心运行");
        go(By.cssSelector("#transfer-form button[type=submit]"));
        // Refused: the rule's message stands beside the amount, the other fields keep what was typed.
        WebElement amountField = browser.findElement(By.cssSelector("#transfer-form input[name=amount]"));
        assertThat(amountField.findElement(By.xpath("following-sibling::span[@class='field-error']")).getText())
                .contains("不足以减少");
        assertThat(browser.findElement(By.cssSelector("#transfer-form input[name=documentNo]")).getAttribute("value"))
                .isEqualTo("晋财预〔2026〕30号");
        screenshot("transfer-refused");
        type("#transfer-form input[name=amount]", "100000.00");
        go(By.cssSelector("#transfer-form button[type=submit]"));

        // Back on table 3: both rows moved, the total did not.
        assertThat(browser.getCurrentUrl()).endsWith("/budgets/062-2026/tables/3");
        assertThat(text(".done")).contains("调剂 100000.00 元", from, to);
        List<String> after = rows();
        assertThat(after).contains("2010306|政务公开审批|2339.64|1113.02|1226.62", "2010350|事业运行|807.37|807.37|");
        assertThat(after.get(0)).isEqualTo("合计||4294.01|2723.73|1570.28");
        assertThat(browser.findElements(By.cssSelector("#disclosure-table tr.changed"))).isNotEmpty();
        screenshot("table-3-after-transfer");

        open("/budgets/062-2026/three-public");
        new WebDriverWait(browser, WAIT).until(b -> b.findElements(By.cssSelector("#chart-distribution canvas")).size() == 1
                && b.findElements(By.cssSelector("#chart-comparison canvas")).size() == 1);
        assertThat(text("#three-public-table")).contains("公务接待费", "3.95");
        screenshot("three-public");
        open("/budgets/062-2026/yoy?by=functional&level=section&sort=percent&order=desc");
        screenshot("year-over-year", 768);
        open("/budgets/062-2026/narrative");
        screenshot("narrative", 768);

        // The auditor finds the change, with finance as its actor.
        go(By.cssSelector("header form button"));
        signIn(Role.AUDITOR);
        open("/budgets/062-2026/history");
        new Select(browser.findElement(By.cssSelector("#history-filters select[name=type]")))
                .selectByValue("BudgetAmountTransferred");
        new Select(browser.findElement(By.cssSelector("#history-filters select[name=actor]"))).selectByValue("finance");
        go(By.cssSelector("#history-filters button[type=submit]"));
        List<WebElement> entries = browser.findElements(By.cssSelector("#timeline li.entry"));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).findElement(By.cssSelector(".summary")).getText())
                .isEqualTo("调剂 " + from + " → " + to + "：100000.00 元");
        assertThat(entries.get(0).findElement(By.cssSelector(".actor")).getText()).isEqualTo("finance");
        assertThat(entries.get(0).getText()).contains("晋财预〔2026〕30号", "调剂用于政务服务中心运行");
        open("/budgets/062-2026/history");
        go(By.id("verify-button"));
        assertThat(text("#verification")).contains("校验通过");
        assertThat(text("#timeline li.entry .actor")).isEqualTo("finance");
        screenshot("audit-timeline", 768); // the top of the timeline, newest first: the window a person sees

        // As it stood before the change: table 3 as published.
        open("/budgets/062-2026/history?type=BudgetAmountTransferred");
        go(By.linkText("此前的表3"));
        assertThat(text(".asof")).contains("历史视图");
        assertThat(rows()).containsExactlyElementsOf(DisclosureApiTest.TABLE_3);
    }

    void signIn(Role role) {
        open("/login");
        type("input[name=username]", TestUsers.name(role));
        type("input[name=password]", TestUsers.password(role));
        go(By.cssSelector("form.stacked button[type=submit]"));
        // The click returns before the next page has loaded: wait for it.
        new WebDriverWait(browser, WAIT).until(b -> !b.findElements(By.cssSelector("header .who")).isEmpty());
        assertThat(text("header .who")).contains(TestUsers.name(role));
    }

    /** Clicks what leads to another page and waits until the browser has left this one. */
    void go(By target) {
        WebElement element = browser.findElement(target);
        element.click();
        new WebDriverWait(browser, WAIT).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(element));
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    void type(String css, String text) {
        WebElement field = browser.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** The rows of the disclosure table on the page: labels then amounts, joined by |, as DisclosureApiTest has them. */
    List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#disclosure-table tbody tr"))) {
            List<String> cells = new ArrayList<>();
            row.findElements(By.tagName("td")).forEach(cell -> cells.add(cell.getText().strip()));
            rows.add(String.join("|", cells));
        }
        return rows;
    }

    /** The whole page at the window's width (1366 px), however long it is. */
    void screenshot(String name) throws IOException {
        screenshot(name, Integer.MAX_VALUE);
    }

    /** The page at the window's width, from the top down to at most {@code maxHeight} px. */
    void screenshot(String name, int maxHeight) throws IOException {
        Number height = (Number) browser.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 1366,
                        "height", Math.min(maxHeight, Math.max(768, height.intValue())), "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
