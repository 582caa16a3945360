package budgetledger.app;

import budgetledger.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static budgetledger.security.Role.ADMIN;
import static budgetledger.security.Role.ANALYST;
import static budgetledger.security.Role.AUDITOR;
import static budgetledger.security.Role.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console without a browser: every page and form × every role (the server refuses what a role may not do,
 * whatever the page shows), CSRF on forms, an analyst sees no forms, nothing is loaded from elsewhere, a broken rule
 * stands beside its field and a change shows the new figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class ConsolePagesTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final Set<Role> READERS = EnumSet.of(FINANCE, AUDITOR, ANALYST);
    static final String BUDGET = "/budgets/062-2026";

    /** A page or form: who may use it, and a request that reaches it (a form's body may be refused by its rules). */
    record Page(String method, String pattern, Set<Role> allowed, String path) {
        String endpoint() {
            return method + " " + pattern;
        }
    }

    static final List<Page> PAGES = List.of(
            new Page("GET", "/login", EnumSet.allOf(Role.class), "/login"),
            new Page("GET", "/", EnumSet.allOf(Role.class), "/"),
            new Page("GET", "/account/password", EnumSet.allOf(Role.class), "/account/password"),
            new Page("POST", "/account/password", EnumSet.allOf(Role.class), "/account/password"),
            new Page("GET", "/budgets/{budgetId}", READERS, BUDGET),
            new Page("GET", "/budgets/{budgetId}/tables/{number}", READERS, BUDGET + "/tables/3"),
            new Page("GET", "/budgets/{budgetId}/tables/{number}/csv", READERS, BUDGET + "/tables/3/csv"),
            new Page("GET", "/budgets/{budgetId}/tables/{number}/xlsx", READERS, BUDGET + "/tables/3/xlsx"),
            new Page("GET", "/budgets/{budgetId}/as-of", READERS, BUDGET + "/as-of?table=3&asOf=2030-01-01T00:00"),
            new Page("GET", "/budgets/{budgetId}/reconciliation", READERS, BUDGET + "/reconciliation"),
            new Page("GET", "/budgets/{budgetId}/yoy", READERS, BUDGET + "/yoy?sort=percent"),
            new Page("GET", "/budgets/{budgetId}/yoy/csv", READERS, BUDGET + "/yoy/csv"),
            new Page("GET", "/budgets/{budgetId}/three-public", READERS, BUDGET + "/three-public"),
            new Page("GET", "/budgets/{budgetId}/narrative", READERS, BUDGET + "/narrative"),
            new Page("GET", "/budgets/{budgetId}/history", EnumSet.of(FINANCE, AUDITOR), BUDGET + "/history"),
            new Page("GET", "/budgets/{budgetId}/history/xlsx", EnumSet.of(FINANCE, AUDITOR), BUDGET + "/history/xlsx"),
            new Page("GET", "/budgets/{budgetId}/history/{sequence}/compare", EnumSet.of(FINANCE, AUDITOR),
                    BUDGET + "/history/2/compare?table=3"),
            new Page("GET", "/budgets/{budgetId}/reversals/{sequence}", EnumSet.of(FINANCE), BUDGET + "/reversals/2"),
            new Page("POST", "/budgets/{budgetId}/reversals", EnumSet.of(FINANCE), BUDGET + "/reversals"),
            new Page("GET", "/admin/users", EnumSet.of(ADMIN), "/admin/users"),
            new Page("POST", "/admin/users", EnumSet.of(ADMIN), "/admin/users"),
            new Page("POST", "/admin/users/{name}/password", EnumSet.of(ADMIN), "/admin/users/nobody/password"),
            new Page("POST", "/admin/users/{name}/enabled", EnumSet.of(ADMIN), "/admin/users/nobody/enabled"),
            new Page("GET", "/budgets/{budgetId}/changes", EnumSet.of(FINANCE), BUDGET + "/changes?back=3"),
            new Page("POST", "/budgets/{budgetId}/adjustments", EnumSet.of(FINANCE), BUDGET + "/adjustments"),
            new Page("POST", "/budgets/{budgetId}/transfers", EnumSet.of(FINANCE), BUDGET + "/transfers"),
            new Page("GET", "/disclosures/new", EnumSet.of(FINANCE), "/disclosures/new"),
            new Page("POST", "/disclosures", EnumSet.of(FINANCE), "/disclosures"),
            new Page("POST", "/audit/verify", EnumSet.of(AUDITOR), "/audit/verify"),
            new Page("POST", "/audit/checkpoint", EnumSet.of(AUDITOR), "/audit/checkpoint"));

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate server;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    FormSession signIn(Role role) {
        FormSession session = new FormSession(port);
        session.get("/login");
        HttpResponse<String> signedIn = session.post("/login",
                Map.of("username", TestUsers.name(role), "password", TestUsers.password(role)), true);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as(role.name()).doesNotContain("error");
        session.get("/");
        return session;
    }

    /**
     * The seed imported under a department code, its console pages readable; the budget's console path. The seed
     * as 062-2026 (BUDGET), which the page list names, is imported once, by the first test that needs it, and
     * never changed; a test that changes a budget imports one of its own.
     */
    String seed(String departmentCode) {
        String budget = "/budgets/" + departmentCode + "-2026";
        if (APP.as(FINANCE).getForEntity("/api" + budget, JsonNode.class).getStatusCode().value() == 404) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
            assertThat(APP.as(FINANCE).postForEntity("/api/disclosures?departmentCode=" + departmentCode,
                    new HttpEntity<>(SampleText.seed().getBytes(StandardCharsets.UTF_8), headers), JsonNode.class)
                    .getStatusCode().value()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> signIn(ANALYST).get(budget + "/reconciliation").body()
                    .contains("不符 <b>0</b> 格"));
        }
        return budget;
    }

    @Test
    void the_seed_is_imported() {
        seed("062");
        assertThat(signIn(ANALYST).get(BUDGET + "/reconciliation").body()).contains("不符 <b>0</b> 格");
    }

    @Test
    void every_page_and_form_has_a_row_here() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("budgetledger")) {
                return;
            }
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toSet());
            info.getPathPatternsCondition().getPatternValues().stream().filter(p -> !p.startsWith("/api/"))
                    .forEach(pattern -> (methods.isEmpty() ? Set.of("ANY") : methods)
                            .forEach(method -> served.add(method + " " + pattern)));
        });
        assertThat(served).containsExactlyInAnyOrderElementsOf(PAGES.stream().map(Page::endpoint).toList());
    }

    @Test
    void anonymous_is_sent_to_the_login_a_wrong_role_gets_403_and_the_right_role_reaches_the_page() {
        seed("062");
        SoftAssertions softly = new SoftAssertions();
        FormSession anonymous = new FormSession(port);
        anonymous.get("/login");
        for (Page page : PAGES) {
            if (page.pattern().equals("/login")) {
                continue;
            }
            HttpResponse<String> answer = call(anonymous, page);
            softly.assertThat(answer.statusCode()).as("anonymous: %s", page.endpoint()).isEqualTo(302);
            softly.assertThat(answer.headers().firstValue("Location").orElse("")).as("anonymous: %s", page.endpoint())
                    .endsWith("/login");
        }
        for (Role role : Role.values()) {
            FormSession session = signIn(role);
            for (Page page : PAGES) {
                HttpResponse<String> answer = call(session, page);
                if (page.allowed().contains(role)) {
                    softly.assertThat(answer.statusCode()).as("%s: %s answered %s", role, page.endpoint(),
                            answer.statusCode()).isNotIn(401, 403, 500);
                    softly.assertThat(answer.headers().firstValue("Location").orElse(""))
                            .as("%s: %s", role, page.endpoint()).doesNotEndWith("/login");
                } else {
                    softly.assertThat(answer.statusCode()).as("%s: %s", role, page.endpoint()).isEqualTo(403);
                    softly.assertThat(answer.body()).as("%s: %s", role, page.endpoint()).contains("无权");
                }
            }
        }
        softly.assertAll();
    }

    /** A form is posted empty: its rules refuse it (400) when the role may send it, security (403) when not. */
    HttpResponse<String> call(FormSession session, Page page) {
        if (page.method().equals("POST")) {
            session.get("/login");
            return session.post(page.path(), Map.of(), true);
        }
        return session.get(page.path());
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() {
        seed("062");
        FormSession finance = signIn(FINANCE);
        finance.get(BUDGET + "/changes");
        HttpResponse<String> forged = finance.post(BUDGET + "/adjustments", Map.of("lineId", "L1",
                "direction", "increase", "amount", "1", "documentNo", "文号", "reason", "伪造", "commandId", "csrf-1"), false);
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void an_analyst_sees_no_forms_and_no_history_finance_sees_both() {
        seed("062");
        String analyst = signIn(ANALYST).get(BUDGET + "/tables/3").body();
        assertThat(analyst).contains("2026年预算支出总表", "/tables/3/csv")
                .doesNotContain("/changes", "/history", "/disclosures/new", "调剂");
        String finance = signIn(FINANCE).get(BUDGET + "/tables/3").body();
        assertThat(finance).contains("/changes?back=3", "/history", "/disclosures/new", "调剂");
        String auditor = signIn(AUDITOR).get(BUDGET + "/history").body();
        assertThat(auditor).contains("verify-button", "checkpoint-button").doesNotContain("/changes");
        assertThat(signIn(FINANCE).get(BUDGET + "/history").body()).doesNotContain("verify-button");
    }

    @Test
    void no_page_loads_anything_from_another_host() {
        seed("062");
        Pattern external = Pattern.compile("(src|href|action)=\"(https?:)?//", Pattern.CASE_INSENSITIVE);
        for (Role role : List.of(FINANCE, AUDITOR)) {
            FormSession session = signIn(role);
            for (Page page : PAGES) {
                if (page.method().equals("GET") && page.allowed().contains(role)) {
                    String body = session.get(page.path()).body();
                    assertThat(external.matcher(body).find()).as("%s: %s", role, page.path()).isFalse();
                }
            }
        }
        FormSession finance = signIn(FINANCE);
        String charts = finance.get(BUDGET + "/three-public").body();
        Matcher script = Pattern.compile("src=\"(/webjars/echarts/[^\"]+/echarts\\.min\\.js)\"").matcher(charts);
        assertThat(script.find()).as("ECharts from the app's webjar").isTrue();
        HttpResponse<String> echarts = finance.get(script.group(1));
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(finance.get("/css/console.css").body()).doesNotContain("url(", "@import");
    }

    @Test
    void every_problem_of_a_form_stands_beside_its_field_and_a_change_is_confirmed_before_it_is_recorded() {
        String budget = seed("751");
        FormSession finance = signIn(FINANCE);
        finance.get(budget + "/changes");
        // No 文号 and more than the line holds: both problems at once, each beside its field.
        HttpResponse<String> refused = finance.post(budget + "/adjustments", Map.of("lineId", "L1",
                "direction", "decrease", "amount", "99999", "unit", "wan", "documentNo", "", "reason", "追减",
                "commandId", "form-1"), true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("name=\"documentNo\"[^>]*>\\s*<span class=\"field-error\">请填写文号</span>")
                .containsPattern("<span class=\"field-error\">追减 99,999.00 万元，超过该行余额 [0-9,.]+ 万元</span>")
                .contains("有 2 处需要修改");
        // No unit chosen: never guessed.
        assertThat(finance.post(budget + "/adjustments", Map.of("lineId", "L1", "direction", "increase",
                "amount", "5", "documentNo", "晋财预〔2026〕40号", "reason", "追加", "commandId", "form-1"), true).body())
                .contains("请选择金额单位（万元或元）");

        // 1,000.50 元 chosen explicitly: the confirmation echoes it in both units and records nothing yet.
        Map<String, String> form = Map.of("lineId", "L1", "direction", "increase", "amount", "1,000.50",
                "unit", "yuan", "documentNo", "晋财预〔2026〕41号", "reason", "追加", "commandId", "form-2");
        HttpResponse<String> confirmation = finance.post(budget + "/adjustments", form, true);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("请核对：追加", "0.10005 万元（1,000.50 元）", "晋财预〔2026〕41号",
                "name=\"step\" value=\"confirm\"");
        Map<String, String> confirmed = new LinkedHashMap<>(form);
        confirmed.put("step", "confirm");
        HttpResponse<String> done = finance.post(budget + "/adjustments", confirmed, true);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith(budget + "/changes");
        String page = finance.get(budget + "/changes").body();
        assertThat(page).contains("已记录：", "追加", "0.10005 万元（1,000.50 元）", "晋财预〔2026〕41号", "冲销这笔变动")
                .containsPattern("<span class=\"line-name\">[^<]+ · [0-9]{7} [^<]+ · [^<]+</span>");
    }

    @Test
    void a_table_downloads_as_csv_for_excel_and_a_malformed_budget_id_is_refused() {
        seed("062");
        FormSession analyst = signIn(ANALYST);
        HttpResponse<String> csv = analyst.get(BUDGET + "/tables/3/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("062-2026-table3.csv");
        assertThat(csv.body()).startsWith("\uFEFF科目编码,科目名称,合计,基本支出,项目支出\r\n合计,,");
        // Year over year for Excel: the page's words, never the grouping's internal keys.
        String yoy = analyst.get(BUDGET + "/yoy/csv?against=prior&by=subject").body();
        assertThat(yoy).startsWith("\uFEFF").contains("收支总计", "4557.36").doesNotContain("TOTAL", "THREE_PUBLIC");
        HttpResponse<String> xlsx = analyst.get(BUDGET + "/tables/3/xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("062-2026-table3.xlsx");
        assertThat(xlsx.body()).startsWith("PK"); // a zip: the workbook's content is checked by ExportApiTest
        HttpResponse<String> malformed = analyst.get("/budgets/062_2026/tables/3");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("budgetId 的格式不对");
        assertThat(analyst.get(BUDGET + "/tables/14").statusCode()).isEqualTo(404);
        assertThat(analyst.get("/budgets/999-2026").body()).contains("预算 999-2026 不存在");
    }

    @Test
    void tables_1_and_4_keep_the_published_column_order_on_the_page_in_csv_and_in_xlsx() throws Exception {
        seed("062");
        FormSession analyst = signIn(ANALYST);
        Map<Integer, String> csvHeaders = Map.of(
                1, "收入项目,收入金额,支出项目,支出合计,当年预算安排,上年结转安排",
                4, "收入项目,收入金额,支出项目,支出小计,一般公共预算,政府性基金预算,国有资本经营预算");
        Map<Integer, List<String>> printed = Map.of(
                1, List.of("项目", "金额", "项目", "2026年合计", "当年预算安排", "上年结转安排"),
                4, List.of("项目", "金额", "项目", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"));
        for (int number : List.of(1, 4)) {
            // The page: two header rows, 收入 over 项目 | 金额 and 支出 over the rest; the first row in that order.
            String page = analyst.get(BUDGET + "/tables/" + number).body();
            String head = page.substring(page.indexOf("<thead>"), page.indexOf("</thead>"));
            assertThat(head).containsPattern("<th class=\"label\" colspan=\"2\">收入</th>\\s*<th class=\"label\" colspan=\""
                    + (printed.get(number).size() - 2) + "\">支出</th>");
            Matcher lower = Pattern.compile("<th class=\"(?:label|amount)\">([^<]+)</th>").matcher(
                    head.substring(head.indexOf("</tr>")));
            List<String> words = new ArrayList<>();
            while (lower.find()) {
                words.add(lower.group(1));
            }
            assertThat(words).as("table %d", number).isEqualTo(printed.get(number));
            Matcher firstRow = Pattern.compile("<tbody>\\s*<tr[^>]*>\\s*<td class=\"(\\w+)[^\"]*\">[^<]*</td>\\s*"
                    + "<td class=\"(\\w+)[^\"]*\">([^<]*)</td>\\s*<td class=\"(\\w+)[^\"]*\">([^<]*)</td>").matcher(page);
            assertThat(firstRow.find()).isTrue();
            assertThat(List.of(firstRow.group(1), firstRow.group(2), firstRow.group(4)))
                    .containsExactly("label", "amount", "label");
            assertThat(firstRow.group(3)).matches("4294\\.[0-9]{2}"); // the seed's
            assertThat(firstRow.group(5)).isEqualTo("一、一般公共服务支出");

            // CSV: the same order, from the console and from the API.
            String csv = analyst.get(BUDGET + "/tables/" + number + "/csv").body();
            assertThat(csv).startsWith("\uFEFF" + csvHeaders.get(number) + "\r\n")
                    .containsPattern("\r\n一、一般公共预算,4294\\.[0-9]{2},一、一般公共服务支出,");
            String api = APP.as(ANALYST)
                    .getForObject("/api/budgets/062-2026/tables/" + number + "?format=csv", String.class);
            assertThat(api).startsWith(csvHeaders.get(number) + "\r\n");

            // XLSX: 收入 | 支出 over the lower header, then an item, its amount, an item, amounts.
            HttpResponse<byte[]> xlsx = analyst.client.send(HttpRequest.newBuilder(analyst.uri(BUDGET + "/tables/"
                    + number + "/xlsx")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = workbook.getSheetAt(0);
                List<String> lowerRow = new ArrayList<>();
                sheet.getRow(3).forEach(cell -> lowerRow.add(cell.getStringCellValue()));
                assertThat(lowerRow).isEqualTo(printed.get(number));
                assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("收入");
                assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("支出");
                Row first = sheet.getRow(4);
                assertThat(first.getCell(0).getStringCellValue()).isEqualTo("一、一般公共预算");
                assertThat(first.getCell(1).getNumericCellValue()).isBetween(4294.0, 4295.0);
                assertThat(first.getCell(2).getStringCellValue()).isEqualTo("一、一般公共服务支出");
            }
        }
    }

    @Test
    void a_budget_of_another_template_shows_its_own_tables_on_the_page_and_in_its_downloads() {
        budgetledger.disclosure.Template shanghai = budgetledger.disclosure.Template.byId("shanghai-district-9")
                .orElseThrow();
        String text = budgetledger.disclosure.generated.TemplateLedgerGenerator.generate(shanghai, 11).text();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        assertThat(APP.as(FINANCE)
                .postForEntity("/api/disclosures?departmentCode=931", new HttpEntity<>(
                        text.getBytes(StandardCharsets.UTF_8), headers), String.class).getStatusCode().value())
                .isEqualTo(201);
        FormSession analyst = signIn(ANALYST);
        for (int number = 1; number <= shanghai.count(); number++) {
            HttpResponse<String> page = analyst.get("/budgets/931-2026/tables/" + number);
            assertThat(page.statusCode()).as("表" + number).isEqualTo(200);
            assertThat(page.body()).contains(shanghai.table(number).title());
            assertThat(analyst.get("/budgets/931-2026/tables/" + number + "/csv").statusCode()).isEqualTo(200);
        }
        // income beside expenditure as printed: 收入总计 and 支出总计 on one row
        String summary = analyst.get("/budgets/931-2026/tables/1").body();
        int total = summary.indexOf("收入总计");
        assertThat(total).isPositive();
        String totalRow = summary.substring(summary.lastIndexOf("<tr", total), summary.indexOf("</tr>", total));
        assertThat(totalRow).contains("支出总计");
        assertThat(analyst.get("/budgets/931-2026/tables/10").statusCode()).isEqualTo(404);

        // a Jiangsu city budget's 表13 政府采购支出表, rendered from its procurement items
        budgetledger.disclosure.Template jiangsu = budgetledger.disclosure.Template.byId("jiangsu-city-13")
                .orElseThrow();
        budgetledger.disclosure.generated.LedgerGenerator.Generated generated = java.util.stream.LongStream
                .rangeClosed(1, 50).mapToObj(seed -> budgetledger.disclosure.generated.TemplateLedgerGenerator
                        .generate(jiangsu, seed)).filter(g -> !g.header().procurement().isEmpty()).findFirst()
                .orElseThrow();
        String code = generated.header().departmentCode();
        assertThat(server.withBasicAuth(TestUsers.name(FINANCE), TestUsers.password(FINANCE))
                .postForEntity("/api/disclosures?departmentCode=" + code, new HttpEntity<>(
                        generated.text().getBytes(StandardCharsets.UTF_8), headers), String.class).getStatusCode()
                .value()).isEqualTo(201);
        HttpResponse<String> procurement = analyst.get("/budgets/" + code + "-2026/tables/13");
        assertThat(procurement.statusCode()).isEqualTo(200);
        assertThat(procurement.body()).contains("政府采购支出表", "采购品目名称",
                generated.header().procurement().get(0).catalogueItem());
    }
}
