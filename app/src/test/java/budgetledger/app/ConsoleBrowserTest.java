package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The console in a real browser: Debian's chromium, headless, driven through chromium-driver by Selenium, one
 * session for the whole day's work. Finance imports the seed by upload (and last year's document through the API),
 * reads the overview's figures and table 1 in the published column order, prints it (print media and a PDF of one A4
 * landscape page), records a 追加 typed in 万元 through the confirmation step, sees a refused 调剂 with all its problems
 * at once, records a 调剂, compares year over year by 款 with last year's imported budget, and reverses the 追加 from
 * the history. On a phone-sized window the change form and the 三公 page fit the width. The auditor finds the transfer
 * named by its lines, verifies this budget and the chain, opens table 3 before and after it side by side and
 * downloads the history as a workbook. The admin adds a user. Screenshots land in target/screenshots/.
 * Without chromium and chromedriver this test fails: it never skips.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class ConsoleBrowserTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Dimension DESKTOP = new Dimension(1366, 768);
    static final Dimension PHONE = new Dimension(390, 844);

    static ChromeDriver browser;
    static Path profile;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate server;

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
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        Files.deleteIfExists(SCREENSHOTS.resolve("failure.html"));
        Files.deleteIfExists(SCREENSHOTS.resolve("failure.png"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_day_of_work_in_the_console() throws IOException {
        try {
            dayOfWork();
        } catch (AssertionError | RuntimeException e) {
            // For whoever reads the build's artifacts: the page the test stood on when it failed.
            Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource(), StandardCharsets.UTF_8);
            screenshot("failure");
            throw e;
        }
    }

    void dayOfWork() throws IOException {
        open("/login");
        assertThat(browser.getPageSource()).doesNotContain("initial-credentials", ".budget-ledger");
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

        // Without last year's budget, year over year by 科目 says so and links to the import.
        open("/budgets/062-2026/yoy?by=functional&level=section");
        assertThat(text("#no-last-year")).contains("账本中没有本部门 2025 年的预算");
        assertThat(browser.findElement(By.cssSelector("#no-last-year a")).getAttribute("href")).endsWith("/disclosures/new");
        // Last year's document, imported through the API: the seed a year earlier.
        HttpHeaders plain = new HttpHeaders();
        plain.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        assertThat(finance().postForEntity("/api/disclosures", new HttpEntity<>(lastYearsDocument()
                .getBytes(StandardCharsets.UTF_8), plain), JsonNode.class).getStatusCode().value()).isEqualTo(201);

        // The overview's headline figures, with their change on last year.
        open("/budgets/062-2026");
        assertThat(text("#figure-TOTAL")).contains("收支总计", "4,294.01");
        assertThat(text("#figure-BASIC_EXPENDITURE")).contains("2,723.73", "占 63.43%");
        assertThat(text("#figure-THREE_PUBLIC_TOTAL")).contains("3.95", "比上年减少 1.00 万元");
        assertThat(text("#figure-AGENCY_OPERATING_COST")).contains("204.08", "比上年增加 10.49 万元（增长 5.42%）");
        assertThat(text("#headline")).contains("政府采购", "736.14");
        screenshot("budget", 768);

        // Table 1 as published: 收入项目 | 金额 | 支出项目 | 金额 …, two header rows, tabs named.
        open("/budgets/062-2026/tables/1");
        assertThat(cells("#disclosure-table thead tr:nth-child(1) th")).containsExactly("收入", "支出");
        assertThat(cells("#disclosure-table thead tr:nth-child(2) th"))
                .containsExactly("项目", "金额", "项目", "2026年合计", "当年预算安排", "上年结转安排");
        assertThat(rows()).startsWith("一、一般公共预算|4294.01|一、一般公共服务支出|3487.06|3487.06|",
                "二、政府性基金预算||二、外交支出|||");
        assertThat(text(".table-nav a.active")).contains("表1", "预算收支总表");
        screenshot("table-1");
        // Printed: the document's title lines and the table on one A4 landscape page, nothing of the console.
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector("header.top")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".actions")).isDisplayed()).isFalse();
        assertThat(text(".published h2")).isEqualTo("2026年预算收支总表");
        screenshot("table-1-print");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true));
        String pdfText = new String(Base64.getDecoder().decode((String) pdf.get("data")), StandardCharsets.ISO_8859_1);
        assertThat(Pattern.compile("/Type\\s*/Page[^s]").matcher(pdfText).results().count()).as("A4 pages").isEqualTo(1);
        Files.write(SCREENSHOTS.resolve("table-1.pdf"), Base64.getDecoder().decode((String) pdf.get("data")));

        // A 追加 of 5 万元 on a basic line of 2010350, found by typing its code, echoed and confirmed.
        JsonNode lines = finance().getForObject("/api/budgets/062-2026/lines", JsonNode.class);
        String from = DisclosureApiTest.lineOn(lines, "2010306");
        String to = DisclosureApiTest.lineOn(lines, "2010350");
        // The lines' balances in 万元 as the pages show them (a line is a part of its table row).
        BigDecimal fromYuan = amountOf(lines, from);
        BigDecimal toYuan = amountOf(lines, to);
        String toBefore = wan(toYuan);
        String toAdded = wan(toYuan.add(new BigDecimal("50000")));
        open("/budgets/062-2026/tables/3");
        go(By.id("adjust-link"));
        type("#lineId-search", "2010350 事业运行");
        assertThat(text("#lineId-picker .line-count")).matches("找到 \\d+ 个预算行");
        assertThat(browser.findElement(By.cssSelector("#lineId option[value=" + from + "]")).isEnabled()).isFalse();
        new Select(browser.findElement(By.id("lineId"))).selectByValue(to);
        type("#adjust-form input[name=amount]", "5");
        assertThat(text("#adjust-form .amount-echo")).isEqualTo("即 5.00 万元 = 50,000.00 元");
        type("#adjust-form input[name=documentNo]", "晋财预〔2026〕30号");
        type("#adjust-form input[name=reason]", "追加政务服务中心运行经费");
        screenshot("adjust-form", 900);
        go(By.cssSelector("#adjust-form button[type=submit]"));
        assertThat(text("#confirm-amount")).isEqualTo("5.00 万元（50,000.00 元）");
        String lineName = text("#confirm-lines .line-name");
        assertThat(lineName).startsWith("晋城市").contains(" · 2010350 事业运行 · ");
        assertThat(text("#confirm-lines tbody tr")).contains(toBefore, toAdded);
        assertThat(text("#confirm-document")).isEqualTo("晋财预〔2026〕30号");
        assertThat(text("#confirm-reason")).isEqualTo("追加政务服务中心运行经费");
        screenshot("adjust-confirm", 768);
        go(By.id("confirm-button"));
        assertThat(browser.getCurrentUrl()).endsWith("/budgets/062-2026/tables/3");
        assertThat(text("#done")).contains("追加", "5.00 万元（50,000.00 元）", lineName, toBefore + " 万元 → " + toAdded + " 万元");
        assertThat(rows()).contains("2010350|事业运行|802.37|802.37|").first().isEqualTo("合计||4299.01|2728.73|1570.28");
        assertThat(browser.findElements(By.id("reverse-link"))).hasSize(1);
        // The cells the 追加 moved, parents and totals included: 合计, 201, 20103 and 2010350, each 合计 and 基本支出.
        assertThat(cells("#disclosure-table td.changed-cell")).containsExactlyInAnyOrder("4299.01", "2728.73",
                "3492.06", "1925.38", "3492.06", "1925.38", "802.37", "802.37");
        screenshot("table-3-after-adjustment");

        // A 调剂 with everything wrong at once: the same line twice, more than it holds, no 文号.
        go(By.id("transfer-link"));
        new Select(browser.findElement(By.id("fromLineId"))).selectByValue(from);
        new Select(browser.findElement(By.id("toLineId"))).selectByValue(from);
        type("#transfer-form input[name=amount]", "99999");
        type("#transfer-form input[name=reason]", "调剂用于政务服务中心运行");
        go(By.cssSelector("#transfer-form button[type=submit]"));
        assertThat(text("#transfer-form .form-problems")).contains("有 3 处需要修改");
        assertThat(fieldError("toLineId-picker")).isEqualTo("调入行不能与调出行相同");
        assertThat(browser.findElement(By.cssSelector("#transfer-form .amount-field .field-error")).getText())
                .matches("调出行余额 [0-9,.]+ 万元，不足以调出 99,999.00 万元");
        assertThat(browser.findElement(By.cssSelector("#transfer-form input[name=documentNo] + .field-error")).getText())
                .isEqualTo("请填写文号");
        assertThat(browser.findElement(By.cssSelector("#transfer-form input[name=reason]")).getAttribute("value"))
                .isEqualTo("调剂用于政务服务中心运行");
        screenshot("transfer-refused", 1100);
        // Put right: 10 万元 from 2010306 to 2010350.
        new Select(browser.findElement(By.id("toLineId"))).selectByValue(to);
        type("#transfer-form input[name=amount]", "10");
        type("#transfer-form input[name=documentNo]", "晋财预〔2026〕31号");
        go(By.cssSelector("#transfer-form button[type=submit]"));
        assertThat(text("#confirmation")).contains("调出", "调入", "10.00 万元（100,000.00 元）");
        go(By.id("confirm-button"));
        assertThat(text("#done")).contains("调剂", "10.00 万元（100,000.00 元）");

        // On a phone: the change form and the 三公 page fit the width; the menu does not wrap a character a line.
        browser.manage().window().setSize(PHONE);
        open("/budgets/062-2026/changes");
        assertFitsTheWidth();
        screenshot("phone-changes", 1800);
        open("/budgets/062-2026/three-public");
        new WebDriverWait(browser, WAIT).until(b -> b.findElements(By.cssSelector("#chart-distribution canvas")).size() == 1);
        assertFitsTheWidth();
        screenshot("phone-three-public", 1800);
        browser.manage().window().setSize(DESKTOP);

        open("/budgets/062-2026/three-public");
        new WebDriverWait(browser, WAIT).until(b -> b.findElements(By.cssSelector("#chart-distribution canvas")).size() == 1
                && b.findElements(By.cssSelector("#chart-comparison canvas")).size() == 1);
        assertThat(text("#three-public-table")).contains("公务接待费", "3.95");
        screenshot("three-public");

        // Year over year by 款 against last year's imported budget: names and printed codes, totals apart.
        open("/budgets/062-2026/yoy?by=functional&level=section&sort=delta&order=desc");
        assertThat(new Select(browser.findElement(By.name("against"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("062-2025");
        assertThat(browser.findElements(By.id("no-last-year"))).isEmpty();
        assertThat(text("#yoy-totals")).contains("合计", "4294.01", "4299.01", "5.00");
        List<String> ranking = new ArrayList<>();
        browser.findElements(By.cssSelector("#yoy-table tbody tr")).forEach(r -> ranking.add(r.getText()));
        assertThat(ranking.get(0)).startsWith("201 一般公共服务支出").contains("3487.06", "3492.06", "5.00", "0.14");
        assertThat(ranking.get(1)).startsWith("20103 政府办公厅（室）及相关机构事务").contains("5.00");
        assertThat(ranking).noneMatch(r -> r.contains("合计") || r.matches(".*[A-Z_]{4,}.*"))
                .noneMatch(r -> r.startsWith("2010306")); // 款: no 项 rows
        screenshot("year-over-year", 768);
        open("/budgets/062-2026/yoy?by=kind&level=class");
        assertThat(text("#yoy-table")).contains("基本支出", "项目支出").doesNotContain("人员经费", "BASIC");

        // The 追加 reversed from the history, with its own confirmation.
        open("/budgets/062-2026/history?type=BudgetLineAdjusted");
        WebElement adjusted = browser.findElement(By.cssSelector("#timeline li.entry"));
        assertThat(adjusted.findElement(By.cssSelector(".summary")).getText()).isEqualTo("追加 5.00 万元：" + lineName);
        go(By.cssSelector("#timeline li.entry .reverse-link"));
        assertThat(text("#reversal")).contains("追加 5.00 万元", wan(toYuan.add(new BigDecimal("150000"))),
                wan(toYuan.add(new BigDecimal("100000"))));
        type("#reversal-form input[name=documentNo]", "晋财预〔2026〕32号");
        type("#reversal-form input[name=reason]", "金额录入错误");
        go(By.cssSelector("#reversal-form button[type=submit]"));
        assertThat(text("#reversal h2")).startsWith("请核对：冲销");
        screenshot("reversal-confirm", 768);
        go(By.id("confirm-button"));
        assertThat(browser.getCurrentUrl()).contains("/budgets/062-2026/history");
        assertThat(text("#done")).contains("冲销", wan(toYuan.add(new BigDecimal("150000"))) + " 万元 → "
                + wan(toYuan.add(new BigDecimal("100000"))) + " 万元");
        assertThat(text("#timeline li.entry .summary")).startsWith("冲销第 ").endsWith("（追加 5.00 万元：" + lineName + "）");
        open("/budgets/062-2026/history?type=BudgetLineAdjusted");
        assertThat(text("#timeline li.entry .reversed")).matches("已被第 \\d+ 笔冲销");
        assertThat(browser.findElements(By.cssSelector("#timeline li.entry .reverse-link"))).isEmpty();
        open("/budgets/062-2026/tables/3");
        assertThat(rows()).contains("2010306|政务公开审批|2339.64|1113.02|1226.62", "2010350|事业运行|807.37|807.37|")
                .first().isEqualTo("合计||4294.01|2723.73|1570.28");
        // A historical view is read-only and says when, in 北京时间.
        open("/budgets/062-2026/tables/3?asOf=" + LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0));
        assertThat(text("#asof-banner")).contains("历史视图", "北京时间").doesNotContain("全局");
        assertThat(browser.findElements(By.id("adjust-link"))).isEmpty();
        assertThat(browser.findElements(By.id("transfer-link"))).isEmpty();

        // The auditor: the transfer named by its lines, finance its actor, every import's actor named.
        go(By.cssSelector("header form button"));
        signIn(Role.AUDITOR);
        open("/budgets/062-2026/history");
        new Select(browser.findElement(By.cssSelector("#history-filters select[name=type]")))
                .selectByValue("BudgetAmountTransferred");
        new Select(browser.findElement(By.cssSelector("#history-filters select[name=actor]"))).selectByValue("finance");
        go(By.cssSelector("#history-filters button[type=submit]"));
        List<WebElement> entries = browser.findElements(By.cssSelector("#timeline li.entry"));
        assertThat(entries).hasSize(1);
        String transferSummary = entries.get(0).findElement(By.cssSelector(".summary")).getText();
        assertThat(transferSummary).startsWith("调剂 10.00 万元：").contains(" · 2010306 政务公开审批 · ", " → ", lineName)
                .doesNotContain(from + " ", to);
        assertThat(entries.get(0).getText()).contains("晋财预〔2026〕31号", "调剂用于政务服务中心运行", wan(fromYuan),
                wan(fromYuan.subtract(new BigDecimal("100000"))), "-10.00", "+10.00");
        open("/budgets/062-2026/history?type=BudgetLineAppropriated");
        assertThat(cells("#timeline li.entry .actor")).isNotEmpty().allMatch(actor -> actor.equals("finance"));
        open("/budgets/062-2026/history");
        go(By.id("verify-button"));
        assertThat(text("#verification-budget")).startsWith("本预算：校验通过");
        assertThat(text("#verification-chain")).startsWith("整条事件链（账本中全部预算）：校验通过");
        screenshot("audit-timeline", 768); // the top of the timeline, newest first: the window a person sees

        // Table 3 before and after the transfer, side by side, the moved cells marked.
        open("/budgets/062-2026/history?type=BudgetAmountTransferred");
        go(By.cssSelector("#timeline li.entry .compare-link"));
        assertThat(cells("#before-table td.changed-cell")).containsExactlyInAnyOrder("2349.64", "1123.02", "802.37", "802.37");
        assertThat(cells("#after-table td.changed-cell")).containsExactlyInAnyOrder("2339.64", "1113.02", "812.37", "812.37");
        assertThat(text("#changed-count")).contains("4 格");
        screenshot("audit-before-after");

        // The history as a workbook, with the browser's own session.
        open("/budgets/062-2026/history");
        String href = browser.findElement(By.id("history-xlsx")).getAttribute("href");
        String base64 = (String) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {"
                + "var s = ''; var a = new Uint8Array(b); for (var i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
                + "done(btoa(s)); });", href);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            Sheet sheet = workbook.getSheet("变更历史");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("预算行");
            List<String> transferRows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 1 && row.getCell(2).getStringCellValue().equals("调剂")) {
                    transferRows.add(row.getCell(4).getStringCellValue() + "|" + row.getCell(6).getNumericCellValue()
                            + "|" + row.getCell(8).getStringCellValue() + "|" + row.getCell(10).getStringCellValue());
                }
            }
            assertThat(transferRows).hasSize(2).anyMatch(r -> r.startsWith(lineName) && r.endsWith("|10.0|finance|晋财预〔2026〕31号"))
                    .anyMatch(r -> r.contains("2010306 政务公开审批") && r.contains("|-10.0|"));
        }

        // The admin lands on the users, adds one; a weak password is refused beside its field.
        go(By.cssSelector("header form button"));
        signIn(Role.ADMIN);
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users");
        type("#new-name", "zhang.san");
        new Select(browser.findElement(By.id("new-role"))).selectByValue("ANALYST");
        type("#new-password", "password1234");
        go(By.cssSelector("#add-user-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector("#new-password + .field-error")).getText()).isNotBlank();
        type("#new-password", "Lantern-harbour-kite-2026");
        go(By.cssSelector("#add-user-form button[type=submit]"));
        assertThat(text("#notice")).contains("zhang.san", "分析人员");
        assertThat(text("#user-zhang\\.san")).contains("分析人员", "启用");
        screenshot("admin-users", 768);
    }

    /** The seed a year earlier: the same document, its years moved back by one, imported as 062-2025. */
    static String lastYearsDocument() {
        return SampleText.seed().replace("2025", "2024").replace("2026", "2025");
    }

    static BigDecimal amountOf(JsonNode lines, String lineId) {
        for (JsonNode line : lines) {
            if (line.get("lineId").asText().equals(lineId)) {
                return new BigDecimal(line.get("amount").asText());
            }
        }
        throw new AssertionError("no line " + lineId);
    }

    /** 元 as the console shows 万元: separators, two decimals or as many as the amount needs. */
    static String wan(BigDecimal yuan) {
        BigDecimal wan = yuan.movePointLeft(4).stripTrailingZeros();
        return new java.text.DecimalFormat("#,##0.00####").format(wan.setScale(Math.max(2, wan.scale())));
    }

    TestRestTemplate finance() {
        return APP.finance();
    }

    void assertFitsTheWidth() {
        Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number width = (Number) browser.executeScript("return window.innerWidth");
        assertThat(scroll.intValue()).as(browser.getCurrentUrl()).isLessThanOrEqualTo(width.intValue());
        // The menu on one or two lines, not a character a line.
        Number menu = (Number) browser.executeScript("return document.querySelector('header.top').offsetHeight");
        assertThat(menu.intValue()).isLessThan(120);
    }

    String fieldError(String pickerId) {
        return browser.findElement(By.cssSelector("#" + pickerId + " .field-error")).getText();
    }

    List<String> cells(String css) {
        List<String> cells = new ArrayList<>();
        browser.findElements(By.cssSelector(css)).forEach(c -> cells.add(c.getText().strip()));
        return cells;
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

    /**
     * Clicks what leads to another page and waits until the browser has left this one. A page still being replaced
     * when the element was found (chromedriver: "does not belong to the document", or a stale element) did not take
     * the click: the element is found again and clicked, within the same bound.
     */
    void go(By target) {
        WebElement clicked = new WebDriverWait(browser, WAIT).until(b -> {
            WebElement element = b.findElement(target);
            try {
                element.click();
                return element;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (!detached(e)) {
                    throw e;
                }
                return null;
            }
        });
        // Left when the clicked element is no longer in a document (a CI run failed on the second form here).
        new WebDriverWait(browser, WAIT).until(b -> {
            try {
                clicked.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (!detached(e)) {
                    throw e;
                }
                return true;
            }
        });
    }

    /**
     * Whether chromedriver refused because the element's page is gone or being replaced: a stale element, or, while
     * the old page is torn down, "does not belong to the document".
     */
    private static boolean detached(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
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

    /** The whole page at the window's width, however long it is. */
    void screenshot(String name) throws IOException {
        screenshot(name, Integer.MAX_VALUE);
    }

    /** The page at the window's width, from the top down to at most {@code maxHeight} px. */
    void screenshot(String name, int maxHeight) throws IOException {
        Number height = (Number) browser.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        Number width = (Number) browser.executeScript("return window.innerWidth");
        Number view = (Number) browser.executeScript("return window.innerHeight");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width.intValue(),
                        "height", Math.min(maxHeight, Math.max(view.intValue(), height.intValue())), "scale", 1)));
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
