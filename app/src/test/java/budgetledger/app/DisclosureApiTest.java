package budgetledger.app;

import budgetledger.processing.ProjectionRebuild;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Importing the seed disclosure through the API: every table rendered from the ledger equals the published one;
 * a transfer and an adjustment move the tables; a rebuild gives the same tables; bad documents record nothing.
 * Each test imports the seed under a department code of its own ({@link #imported}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class DisclosureApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();

    // The published cells of the seed (晋城市行政审批服务管理局, 2026): labels, then amounts in 万元, blank as "".
    static final List<String> TABLE_1 = List.of(
            "一、一般公共预算|一、一般公共服务支出|4294.01|3487.06|3487.06|",
            "二、政府性基金预算|二、外交支出||||",
            "三、国有资本经营预算|三、国防支出||||",
            "四、财政专户管理资金|四、公共安全支出||||",
            "五、单位资金|五、教育支出||3.60|3.60|",
            "|六、科学技术支出||||",
            "|七、文化旅游体育与传媒支出||||",
            "|八、社会保障和就业支出||413.21|413.21|",
            "|九、社会保险基金支出||||",
            "|十、卫生健康支出||160.92|160.92|",
            "|十一、节能环保支出||||",
            "|十二、城乡社区支出||||",
            "|十三、农林水支出||||",
            "|十四、交通运输支出||||",
            "|十五、资源勘探工业信息等支出||||",
            "|十六、商业服务业等支出||||",
            "|十七、金融支出||||",
            "|十八、援助其他地区支出||||",
            "|十九、自然资源海洋气象等支出||||",
            "|二十、住房保障支出||229.21|229.21|",
            "|二十一、粮油物资储备支出||||",
            "|二十二、国有资本经营预算支出||||",
            "|二十三、灾害防治及应急管理支出||||",
            "|二十四、预备费||||",
            "|二十五、其他支出||||",
            "|二十六、转移性支出||||",
            "|二十七、债务还本支出||||",
            "|二十八、债务付息支出||||",
            "|二十九、债务发行费用支出||||",
            "|三十、抗疫特别国债安排的支出||||",
            "本年收入合计|本年支出合计|4294.01|4294.01|4294.01|",
            "上年结转|年终结转||||",
            "收入总计|支出总计|4294.01|4294.01|4294.01|");
    static final List<String> TABLE_2 = List.of(
            "合计||4294.01|4294.01|||||",
            "201|一般公共服务支出|3487.06|3487.06|||||",
            "20103|政府办公厅（室）及相关机构事务|3487.06|3487.06|||||",
            "2010306|政务公开审批|2349.64|2349.64|||||",
            "2010350|事业运行|797.37|797.37|||||",
            "2010399|其他政府办公厅（室）及相关机构事务支出|340.06|340.06|||||",
            "205|教育支出|3.60|3.60|||||",
            "20599|其他教育支出|3.60|3.60|||||",
            "2059999|其他教育支出|3.60|3.60|||||",
            "208|社会保障和就业支出|413.21|413.21|||||",
            "20805|行政事业单位养老支出|413.21|413.21|||||",
            "2080501|行政单位离退休|25.10|25.10|||||",
            "2080502|事业单位离退休|37.16|37.16|||||",
            "2080505|机关事业单位基本养老保险缴费支出|233.97|233.97|||||",
            "2080506|机关事业单位职业年金缴费支出|116.98|116.98|||||",
            "210|卫生健康支出|160.92|160.92|||||",
            "21007|计划生育事务|1.14|1.14|||||",
            "2100799|其他计划生育事务支出|1.14|1.14|||||",
            "21011|行政事业单位医疗|159.78|159.78|||||",
            "2101101|行政单位医疗|61.30|61.30|||||",
            "2101102|事业单位医疗|48.03|48.03|||||",
            "2101103|公务员医疗补助|50.46|50.46|||||",
            "221|住房保障支出|229.21|229.21|||||",
            "22102|住房改革支出|229.21|229.21|||||",
            "2210201|住房公积金|229.21|229.21|||||");
    static final List<String> TABLE_3 = List.of(
            "合计||4294.01|2723.73|1570.28",
            "201|一般公共服务支出|3487.06|1920.38|1566.68",
            "20103|政府办公厅（室）及相关机构事务|3487.06|1920.38|1566.68",
            "2010306|政务公开审批|2349.64|1123.02|1226.62",
            "2010350|事业运行|797.37|797.37|",
            "2010399|其他政府办公厅（室）及相关机构事务支出|340.06||340.06",
            "205|教育支出|3.60||3.60",
            "20599|其他教育支出|3.60||3.60",
            "2059999|其他教育支出|3.60||3.60",
            "208|社会保障和就业支出|413.21|413.21|",
            "20805|行政事业单位养老支出|413.21|413.21|",
            "2080501|行政单位离退休|25.10|25.10|",
            "2080502|事业单位离退休|37.16|37.16|",
            "2080505|机关事业单位基本养老保险缴费支出|233.97|233.97|",
            "2080506|机关事业单位职业年金缴费支出|116.98|116.98|",
            "210|卫生健康支出|160.92|160.92|",
            "21007|计划生育事务|1.14|1.14|",
            "2100799|其他计划生育事务支出|1.14|1.14|",
            "21011|行政事业单位医疗|159.78|159.78|",
            "2101101|行政单位医疗|61.30|61.30|",
            "2101102|事业单位医疗|48.03|48.03|",
            "2101103|公务员医疗补助|50.46|50.46|",
            "221|住房保障支出|229.21|229.21|",
            "22102|住房改革支出|229.21|229.21|",
            "2210201|住房公积金|229.21|229.21|");
    static final List<String> TABLE_6 = List.of(
            "合计||2723.73|2459.06|264.67",
            "工资福利支出||2395.66|2395.66|",
            "基本工资|工资奖金津补贴|400.16|400.16|",
            "基本工资|工资福利支出|326.45|326.45|",
            "津贴补贴|工资奖金津补贴|197.77|197.77|",
            "津贴补贴|工资福利支出|36.37|36.37|",
            "奖金|工资奖金津补贴|176.44|176.44|",
            "绩效工资|工资福利支出|381.79|381.79|",
            "机关事业单位基本养老保险缴费|社会保障缴费|109.38|109.38|",
            "机关事业单位基本养老保险缴费|工资福利支出|124.59|124.59|",
            "职业年金缴费|社会保障缴费|54.69|54.69|",
            "职业年金缴费|工资福利支出|62.29|62.29|",
            "职工基本医疗保险缴费|社会保障缴费|61.30|61.30|",
            "职工基本医疗保险缴费|工资福利支出|48.03|48.03|",
            "公务员医疗补助缴费|社会保障缴费|28.29|28.29|",
            "公务员医疗补助缴费|工资福利支出|22.17|22.17|",
            "其他社会保障缴费|社会保障缴费|2.17|2.17|",
            "其他社会保障缴费|工资福利支出|3.40|3.40|",
            "住房公积金|住房公积金|128.39|128.39|",
            "住房公积金|工资福利支出|100.83|100.83|",
            "其他工资福利支出|其他工资福利支出|83.20|83.20|",
            "其他工资福利支出|工资福利支出|47.96|47.96|",
            "商品和服务支出||264.67||264.67",
            "办公费|办公经费|128.93||128.93",
            "办公费|商品和服务支出|43.21||43.21",
            "公务接待费|公务接待费|2.00||2.00",
            "工会经费|办公经费|13.67||13.67",
            "工会经费|商品和服务支出|15.57||15.57",
            "公务用车运行维护费|公务用车运行维护费|1.95||1.95",
            "其他交通费用|办公经费|51.93||51.93",
            "其他交通费用|商品和服务支出|3.90||3.90",
            "其他商品和服务支出|其他商品和服务支出|1.00||1.00",
            "其他商品和服务支出|商品和服务支出|2.50||2.50",
            "对个人和家庭的补助||63.40|63.40|",
            "退休费|离退休费|62.26|62.26|",
            "奖励金|社会福利和救助|1.14|1.14|");
    static final List<String> TABLE_10 = List.of(
            "因公出国（境）费||||",
            "公务接待费|2.00|2.00||",
            "公务用车购置及运行费|1.95|1.95||",
            "①公务用车购置费||||",
            "②公务用车运行维护费|1.95|1.95||",
            "合计|3.95|3.95||");
    static final List<String> TABLE_11 = List.of(
            "部门合计|204.08|204.08||",
            "晋城市行政审批服务管理局|158.22|158.22||",
            "晋城市政务服务中心|45.86|45.86||");
    static final List<String> TABLE_12 = List.of(
            "晋城市行政审批服务管理局|1570.28|1570.28||||",
            "晋城市行政审批服务管理局|1050.22|1050.22||||",
            "编外人员管理经费|228.00|228.00||||",
            "选调生生活补贴|3.60|3.60||||",
            "行政审批工作运行经费（含社会组织法定代表人离任审计及注销审计服务、晋城市“十五五”营商环境发展规划编制）|240.00|240.00||||",
            "行政审批专网专项及网络运维项目|80.00|80.00||||",
            "项目尾款|80.00|80.00||||",
            "“高效办成一件事”规程规范及经典案例打造|18.62|18.62||||",
            "建设工程消防设计审查验收及备案抽查技术服务项目等五个政府购买服务项目|400.00|400.00||||",
            "晋城市政务服务中心|180.00|180.00||||",
            "云桌面服务费|80.00|80.00||||",
            "政务服务标准化|50.00|50.00||||",
            "窗口运行经费|50.00|50.00||||",
            "晋城市公共资源交易中心|340.06|340.06||||",
            "云桌面租赁|30.00|30.00||||",
            "工作经费|100.00|100.00||||",
            "硬件运维|15.00|15.00||||",
            "系统等级保护|55.90|55.90||||",
            "交易系统年度运维费|63.00|63.00||||",
            "金融服务平台建设尾款|12.16|12.16||||",
            "交易系统平台替代|34.00|34.00||||",
            "远程异地评标系统改造（政府采购）|30.00|30.00||||");

    /** Signed in as finance: records changes and reads tables. */
    TestRestTemplate http;
    @Autowired
    ProjectionRebuild rebuild;

    @BeforeEach
    void signIn() {
        http = APP.finance();
    }

    static String seed() {
        return SampleText.seed();
    }

    ResponseEntity<JsonNode> importText(String text) {
        return importText(text, "");
    }

    ResponseEntity<JsonNode> importText(String text, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        return http.postForEntity("/api/disclosures" + query,
                new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    /** The seed imported under a department code of its own, its lines readable; the budget's path. */
    String imported(String departmentCode) {
        ResponseEntity<JsonNode> response = importText(seed(), "?departmentCode=" + departmentCode);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        String budget = "/api/budgets/" + departmentCode + "-2026";
        int lines = response.getBody().get("lines").asInt();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.getForObject(budget + "/lines", JsonNode.class).size() == lines);
        return budget;
    }

    /** 调剂 of 100,000.00 元 from a basic line of 2010306 to one of 2010350. */
    ResponseEntity<JsonNode> transfer(String budget, String from, String to) {
        return postJson(budget + "/transfers", """
                {"fromLineId":"%s","toLineId":"%s","amount":"100000.00","documentNo":"晋财预〔2026〕30号",
                 "reason":"调剂","commandId":"seed-transfer-1"}""".formatted(from, to));
    }

    /** 追加 of 100,000.00 元 on a line. */
    ResponseEntity<JsonNode> increase(String budget, String lineId) {
        return postJson(budget + "/adjustments", """
                {"lineId":"%s","amount":"100000.00","documentNo":"晋财预〔2026〕31号","reason":"追加",
                 "commandId":"seed-increase-1"}""".formatted(lineId));
    }

    ResponseEntity<JsonNode> postJson(String path, String body) {
        return LedgerApp.postJson(http, path, body);
    }

    JsonNode table(String budget, int n) {
        return http.getForObject(budget + "/tables/" + n, JsonNode.class);
    }

    /** One string per row: the labels, then the amounts ("" for blank), joined by |. */
    static List<String> cells(JsonNode table) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            List<String> cells = new ArrayList<>();
            row.get("labels").forEach(l -> cells.add(l.asText()));
            row.get("amounts").forEach(a -> cells.add(a.isNull() ? "" : a.asText()));
            rows.add(String.join("|", cells));
        }
        return rows;
    }

    static String row(JsonNode table, String firstLabel) {
        return cells(table).stream().filter(r -> r.startsWith(firstLabel + "|")).findFirst().orElseThrow();
    }

    long events() {
        return DB.count("select count(*) from domain_event_entry");
    }

    @Test
    void importing_the_seed_records_its_budget_whole_and_reconciles_every_cell() {
        ResponseEntity<JsonNode> response = importText(seed());
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode body = response.getBody();
        assertThat(body.get("budgetId").asText()).isEqualTo("062-2026");
        assertThat(body.at("/reconciliation/mismatched").asInt()).isZero();
        assertThat(body.at("/reconciliation/exact").asInt()).isGreaterThan(300);
        assertThat(DB.count("select count(*) from domain_event_entry where aggregate_identifier = '062-2026'"))
                .isEqualTo(body.get("events").asLong());
        int lines = body.get("lines").asInt();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.getForObject("/api/budgets/062-2026/lines", JsonNode.class).size() == lines);
        assertThat(DB.count("select count(*) from domain_event_entry where aggregate_identifier = '062-2026' "
                + "and payload_type like '%BudgetLineAppropriated' "
                + "and convert_from(meta_data, 'UTF8')::jsonb ->> 'provenance' like '重建：%'")).isEqualTo(lines);
    }

    @Test
    void the_tables_rendered_from_the_ledger_are_the_published_tables_cell_by_cell() {
        String seed = imported("731");
        assertThat(cells(table(seed, 1))).containsExactlyElementsOf(TABLE_1);
        assertThat(cells(table(seed, 2))).containsExactlyElementsOf(TABLE_2);
        assertThat(cells(table(seed, 3))).containsExactlyElementsOf(TABLE_3);
        assertThat(cells(table(seed, 6))).containsExactlyElementsOf(TABLE_6);
        assertThat(cells(table(seed, 10))).containsExactlyElementsOf(TABLE_10);
        assertThat(cells(table(seed, 11))).containsExactlyElementsOf(TABLE_11);
        assertThat(cells(table(seed, 12))).containsExactlyElementsOf(TABLE_12);
        assertThat(table(seed, 1).get("title").asText()).isEqualTo("2026年预算收支总表");
        assertThat(table(seed, 1).get("unit").asText()).isEqualTo("万元");
        for (int n : new int[]{7, 8, 9, 13}) {
            assertThat(table(seed, n).get("empty").asBoolean()).as("table " + n).isTrue();
        }
    }

    @Test
    void the_reconciliation_report_counts_every_cell_and_finds_no_mismatch() {
        JsonNode report = http.getForObject(imported("732") + "/reconciliation", JsonNode.class);
        assertThat(report.get("mismatched").asInt()).isZero();
        assertThat(report.get("exact").asInt()).isGreaterThan(300);
    }

    @Test
    void a_table_is_served_as_csv_in_published_order() {
        ResponseEntity<String> csv = http.getForEntity(imported("733") + "/tables/3?format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.getBody().split("\\r\\n"));
        assertThat(lines.get(0)).isEqualTo("科目编码,科目名称,合计,基本支出,项目支出");
        assertThat(lines.get(1)).isEqualTo("合计,,4294.01,2723.73,1570.28");
        assertThat(lines).contains("2010306,政务公开审批,2349.64,1123.02,1226.62", "2010350,事业运行,797.37,797.37,");
    }

    @Test
    void importing_the_same_document_again_is_refused_and_records_nothing() {
        imported("734");
        long before = events();
        ResponseEntity<JsonNode> again = importText(seed(), "?departmentCode=734");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("rule").asText()).isEqualTo("budget-exists");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_transfer_moves_both_rows_of_tables_2_3_and_5_and_keeps_the_totals_an_increase_raises_them() {
        String seed = imported("735");
        JsonNode lines = http.getForObject(seed + "/lines", JsonNode.class);
        String from = lineOn(lines, "2010306");
        String to = lineOn(lines, "2010350");
        ResponseEntity<JsonNode> moved = transfer(seed, from, to);
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(table(seed, 3), "2010306").equals("2010306|政务公开审批|2339.64|1113.02|1226.62"));
        assertThat(row(table(seed, 3), "2010350")).isEqualTo("2010350|事业运行|807.37|807.37|");
        assertThat(row(table(seed, 3), "合计")).isEqualTo("合计||4294.01|2723.73|1570.28");
        assertThat(row(table(seed, 5), "2010306")).isEqualTo("2010306|政务公开审批|2339.64|1113.02|1226.62");
        assertThat(row(table(seed, 5), "2010350")).isEqualTo("2010350|事业运行|807.37|807.37|");
        assertThat(row(table(seed, 5), "合计")).isEqualTo("合计||4294.01|2723.73|1570.28");
        assertThat(row(table(seed, 2), "2010306")).isEqualTo("2010306|政务公开审批|2339.64|2339.64|||||");
        assertThat(row(table(seed, 2), "2010350")).isEqualTo("2010350|事业运行|807.37|807.37|||||");
        assertThat(row(table(seed, 2), "合计")).isEqualTo("合计||4294.01|4294.01|||||");

        ResponseEntity<JsonNode> increased = increase(seed, to);
        assertThat(increased.getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(table(seed, 3), "合计").equals("合计||4304.01|2733.73|1570.28"));
        assertThat(row(table(seed, 2), "合计")).isEqualTo("合计||4304.01|4304.01|||||");
        assertThat(row(table(seed, 3), "2010350")).isEqualTo("2010350|事业运行|817.37|817.37|");
        JsonNode report = http.getForObject(seed + "/reconciliation", JsonNode.class);
        assertThat(report.get("mismatched").asInt()).isPositive();
    }

    /** A basic line of the 项 with at least 10.00 万元 on it. */
    static String lineOn(JsonNode lines, String functionalCode) {
        for (JsonNode line : lines) {
            if (line.get("functionalCode").asText().equals(functionalCode)
                    && line.get("kind").asText().startsWith("基本支出")
                    && new java.math.BigDecimal(line.get("amount").asText()).compareTo(new java.math.BigDecimal("100000")) >= 0) {
                return line.get("lineId").asText();
            }
        }
        throw new AssertionError("no basic line on " + functionalCode);
    }

    @Test
    void rebuilding_every_read_model_from_zero_gives_identical_tables() {
        String seed = imported("736");
        JsonNode lines = http.getForObject(seed + "/lines", JsonNode.class);
        String to = lineOn(lines, "2010350");
        assertThat(transfer(seed, lineOn(lines, "2010306"), to).getStatusCode().value()).isEqualTo(200);
        assertThat(increase(seed, to).getStatusCode().value()).isEqualTo(200);
        JsonNode before = http.getForObject(seed + "/tables", JsonNode.class);
        JsonNode linesBefore = http.getForObject(seed + "/lines", JsonNode.class);
        rebuild.rebuild(Duration.ofSeconds(60));
        assertThat(http.getForObject(seed + "/tables", JsonNode.class)).isEqualTo(before);
        assertThat(http.getForObject(seed + "/lines", JsonNode.class)).isEqualTo(linesBefore);
        assertThat(cells(before.get(2))).contains("2010350|事业运行|817.37|817.37|");
    }

    @Test
    void bad_documents_get_a_422_naming_line_and_table_and_record_nothing() {
        List<String> seed = Arrays.asList(seed().split("\n", -1));
        long before = events();

        String truncated = String.join("\n", seed.subList(0, 275));
        assertProblem(importText(truncated), "表6");

        List<String> withoutTable3 = new ArrayList<>(seed);
        int start = withoutTable3.indexOf("2026年预算支出总表");
        withoutTable3.subList(start, start + 34).clear();
        assertProblem(importText(String.join("\n", withoutTable3)), "预算支出总表");

        List<String> letter = new ArrayList<>(seed);
        letter.set(114, letter.get(114).replaceFirst("3487.06", "34a7.06"));
        ResponseEntity<JsonNode> letterResponse = importText(String.join("\n", letter));
        assertProblem(letterResponse, "表2");
        assertThat(letterResponse.getBody().get("problems").toString()).contains("\"line\":115", "34a7.06");

        List<String> total = new ArrayList<>(seed);
        int row = total.indexOf("201\t一般公共服务支出\t3487.06\t1920.38\t1566.68");
        total.set(row, "201\t一般公共服务支出\t3497.06\t1930.38\t1566.68");
        ResponseEntity<JsonNode> totalResponse = importText(String.join("\n", total));
        assertProblem(totalResponse, "表3");
        assertThat(totalResponse.getBody().get("problems").toString()).contains("\"line\":" + (row + 1));

        assertThat(events()).isEqualTo(before);
    }

    static void assertProblem(ResponseEntity<JsonNode> response, String table) {
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problems = response.getBody().get("problems");
        assertThat(problems).isNotEmpty();
        assertThat(problems.toString()).contains(table);
        assertThat(problems.get(0).get("line").asInt()).isPositive();
    }
}
