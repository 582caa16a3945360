package budgetledger.app;

import budgetledger.disclosure.RealFixtures;
import budgetledger.disclosure.Template;
import budgetledger.disclosure.generated.DisclosurePdf;
import budgetledger.disclosure.generated.LedgerGenerator;
import budgetledger.disclosure.generated.TemplateLedgerGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document of another template through the API, as the PDF people hold: recognised by its titles, imported as its
 * own budget, its tables served in its template with amounts in the template's own units, its defects listed as
 * findings. The real 上海市普陀区司法局 2026 PDF (../shared/real, skipped where absent) and a generated document of
 * the same template (every clone) are both imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class OtherTemplatesApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();

    @BeforeAll
    static void cjkFont() {
        DisclosurePdf.assumeFont();
    }

    @Test
    void the_putuo_pdf_imports_as_a_shanghai_district_budget_with_tables_in_yuan_and_its_findings() {
        byte[] pdf = RealFixtures.bytes(RealFixtures.SHANGHAI);
        ResponseEntity<JsonNode> imported = APP.importPdf(pdf, "?departmentCode=231&findings=accept");
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        JsonNode body = imported.getBody();
        assertThat(body.get("budgetId").asText()).isEqualTo("231-2026");
        assertThat(body.get("template").asText()).isEqualTo("shanghai-district-9");
        assertThat(body.get("reconciliation").get("mismatched").asInt()).isZero();
        assertThat(body.get("findings")).isEmpty();

        JsonNode tables = APP.finance().getForObject("/api/budgets/231-2026/tables", JsonNode.class);
        assertThat(tables).hasSize(9);
        assertThat(tables.get(0).get("title").asText()).isEqualTo("2026年部门财务收支预算总表");
        assertThat(tables.get(0).get("unit").asText()).isEqualTo("元");
        assertThat(tables.get(8).get("unit").asText()).isEqualTo("万元");
        // 收入总计 96,282,213.44 元; table 3's 合计 row: 基本 25,741,666.44, 项目 70,540,547.00
        assertThat(amounts(tables.get(0), "收入总计")).containsExactly("96282213.44", null);
        assertThat(amounts(tables.get(2), "合计")).containsExactly("96282213.44", "25741666.44", "70540547.00");
        // "三公" 10.81 万元 (接待 0.83, 公务用车运行 9.98) and 机关运行经费 217.83 万元
        assertThat(tables.get(8).get("rows").get(0).get("amounts")).extracting(JsonNode::asText)
                .containsExactly("10.81", "null", "0.83", "9.98", "null", "9.98", "217.83");
        // 基本支出 by economic item: 人员经费 23,563,342.00, 公用经费 2,178,324.44
        assertThat(amounts(tables.get(7), "合计")).containsExactly("25741666.44", "23563342.00", "2178324.44");

        assertThat(APP.finance().getForEntity("/api/budgets/231-2026/tables/10", JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        JsonNode reconciliation = APP.finance().getForObject("/api/budgets/231-2026/reconciliation", JsonNode.class);
        assertThat(reconciliation.get("mismatched").asInt()).isZero();

        // out again in its own template: the document as text imports (under another code) to the same tables, and the
        // workbook's sheets say their units
        String document = APP.finance().getForObject("/api/budgets/231-2026/disclosure", String.class);
        HttpHeaders text = new HttpHeaders();
        text.setContentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> again = APP.finance().postForEntity("/api/disclosures?departmentCode=232",
                new HttpEntity<>(document.getBytes(java.nio.charset.StandardCharsets.UTF_8), text), JsonNode.class);
        assertThat(again.getStatusCode().value()).as(String.valueOf(again.getBody())).isEqualTo(201);
        assertThat(again.getBody().get("template").asText()).isEqualTo("shanghai-district-9");
        JsonNode copied = APP.finance().getForObject("/api/budgets/232-2026/tables", JsonNode.class);
        for (int t = 0; t < 9; t++) {
            assertThat(copied.get(t).get("rows")).as("表" + (t + 1)).isEqualTo(tables.get(t).get("rows"));
        }
        byte[] workbook = APP.finance().getForObject("/api/budgets/231-2026/tables?format=xlsx", byte[].class);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(workbook))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(9);
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("编制部门：上海市普陀区司法局");
            assertThat(rowTexts(book.getSheetAt(0).getRow(1))).contains("单位：元");
            assertThat(rowTexts(book.getSheetAt(8).getRow(1))).contains("单位：万元");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        JsonNode findings = APP.finance().getForObject("/api/budgets/231-2026/findings", JsonNode.class);
        List<String> texts = new ArrayList<>();
        findings.forEach(f -> texts.add(f.get("severity").asText() + " " + f.get("text").asText()));
        assertThat(texts).anyMatch(t -> t.startsWith("提示 与2025年预算执行数比较，而不是与上年预算比较"));
        assertThat(texts).anyMatch(t -> t.startsWith("提示 “比2026年预算”与本年（2026年）预算比较"));
        assertThat(texts).anyMatch(t -> t.startsWith("警告 百分比与本句金额不符：由43269.3万元到3845.49万元应为减少91.11%"));
        assertThat(findings.get(0).get("place").asText()).isEqualTo("说明");
        assertThat(findings.get(0).get("sourceLine").asInt()).isPositive();
    }

    @Test
    void the_wuxi_pdf_imports_as_a_jiangsu_city_budget_with_its_units_and_figures() {
        ResponseEntity<JsonNode> imported = APP.importPdf(RealFixtures.bytes(RealFixtures.WUXI),
                "?departmentCode=113&findings=accept");
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("budgetId").asText()).isEqualTo("113-2025");
        assertThat(imported.getBody().get("template").asText()).isEqualTo("jiangsu-city-13");
        assertThat(imported.getBody().get("reconciliation").get("mismatched").asInt()).isZero();

        JsonNode tables = APP.finance().getForObject("/api/budgets/113-2025/tables", JsonNode.class);
        assertThat(tables).hasSize(13);
        assertThat(tables.get(1).get("title").asText()).isEqualTo("2025年收入总表");
        // 收入总表 by unit, with the document's unit codes: 本级 2,304.79 (其他收入 144.00), 接待中心 563.15
        assertThat(amounts(tables.get(1), "合计").subList(0, 3)).containsExactly("2867.94", "2867.94", "2723.94");
        assertThat(amounts(tables.get(1), "113001").get(10)).isEqualTo("144.00");
        assertThat(amounts(tables.get(1), "113002").get(0)).isEqualTo("563.15");
        // 基本 1,692.29 (人员 1,593.76, 公用 98.53), 项目 1,175.65 (of which 144.00 of 其他收入)
        assertThat(amounts(tables.get(2), "合计").subList(0, 3)).containsExactly("2867.94", "1692.29", "1175.65");
        assertThat(amounts(tables.get(4), "合计")).containsExactly("2723.94", "1692.29", "1593.76", "98.53", "1031.65");
        // "三公" 1.50 (接待), 会议费 0.44, 培训费 16.20; 机关运行经费 98.53
        assertThat(tables.get(8).get("rows").get(0).get("amounts")).extracting(JsonNode::asText)
                .containsExactly("1.50", "null", "null", "null", "null", "1.50", "0.44", "16.20");
        assertThat(amounts(tables.get(11), "合计")).containsExactly("98.53");
        // 表13 政府采购支出表 from the recorded items: 服务 225.52 = 154.42 + 71.10 of 一般公共预算资金, 保安服务
        JsonNode procurement = APP.finance().getForObject("/api/budgets/113-2025/tables/13", JsonNode.class);
        assertThat(procurement.get("title").asText()).isEqualTo("2025年政府采购支出表");
        assertThat(amounts(procurement, "合计")).containsExactly("225.52", null, null, null, "225.52");
        assertThat(amounts(procurement, "服务")).containsExactly("225.52", null, null, null, "225.52");
        assertThat(amounts(procurement, "运行费增额及矛调业务经费（常年）")).containsExactly("154.42", null, null, null,
                "154.42");
        assertThat(amounts(procurement, "物业及运行经费（常年）")).containsExactly("71.10", null, null, null, "71.10");
    }

    @Test
    void a_generated_shanghai_district_pdf_is_recognised_and_a_cell_changed_in_it_is_refused_by_name() {
        Template template = Template.byId("shanghai-district-9").orElseThrow();
        LedgerGenerator.Generated generated = TemplateLedgerGenerator.generate(template, 7);
        String department = generated.header().departmentName();
        ResponseEntity<JsonNode> imported = APP.importPdf(DisclosurePdf.write(generated.text(), department + "2026年部门预算"),
                "?departmentCode=901");
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("template").asText()).isEqualTo("shanghai-district-9");
        JsonNode tables = APP.finance().getForObject("/api/budgets/901-2026/tables", JsonNode.class);
        assertThat(tables).hasSize(9);
        long total = generated.lines().stream().mapToLong(l -> l.amountFen()).sum();
        assertThat(amounts(tables.get(0), "收入总计").get(0))
                .isEqualTo(java.math.BigDecimal.valueOf(total, 2).toPlainString());

        // the same document with its grand total moved by 1.00 元: refused, naming that cell, nothing recorded
        long before = DB.count("select count(*) from domain_event_entry");
        String printed = java.math.BigDecimal.valueOf(total, 2).toPlainString();
        String moved = java.math.BigDecimal.valueOf(total + 100, 2).toPlainString();
        String text = generated.text().replaceFirst("收入总计\\t" + printed.replace(".", "\\."), "收入总计\t" + moved);
        assertThat(text).isNotEqualTo(generated.text());
        ResponseEntity<JsonNode> refused = APP.importPdf(DisclosurePdf.write(text, department + "2026年部门预算"),
                "?departmentCode=902");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("problems").toString()).contains("表1 部门财务收支预算总表", "收入总计",
                "公布 " + moved);
        assertThat(DB.count("select count(*) from domain_event_entry")).isEqualTo(before);
    }

    @Test
    void a_departments_workbook_imports_as_its_template_and_the_budgets_own_workbook_imports_again_the_same() {
        Template template = Template.byId("jiangsu-city-13").orElseThrow();
        LedgerGenerator.Generated generated = TemplateLedgerGenerator.generate(template, 11);
        byte[] workbook = budgetledger.disclosure.tables.TableXlsx.write(template,
                budgetledger.disclosure.tables.DisclosureTables.renderAll(generated.header(), generated.lines()),
                2026, generated.header().departmentName());
        // the units' codes extend the department's (113 → 113001): the department is imported under its own code
        String code = generated.header().departmentCode();
        ResponseEntity<JsonNode> imported = importXlsx(workbook, "?departmentCode=" + code);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("template").asText()).isEqualTo("jiangsu-city-13");
        assertThat(imported.getBody().get("reconciliation").get("mismatched").asInt()).isZero();
        JsonNode tables = APP.finance().getForObject("/api/budgets/" + code + "-2026/tables", JsonNode.class);
        assertThat(tables).hasSize(13);

        // the budget's own workbook, as the API serves it, reads as a department's workbook: the document's tables
        ResponseEntity<byte[]> own = APP.finance().exchange("/api/budgets/" + code + "-2026/tables?format=xlsx",
                org.springframework.http.HttpMethod.GET, null, byte[].class);
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        var fromOwn = new budgetledger.disclosure.DisclosureParser().parse(
                budgetledger.disclosure.XlsxText.extract(own.getBody()));
        var fromText = new budgetledger.disclosure.DisclosureParser().parse(generated.text());
        assertThat(fromOwn.template().id()).isEqualTo("jiangsu-city-13");
        for (int t = 1; t <= 13; t++) {
            assertThat(fromOwn.table(t).rows()).as("table " + t).extracting(r -> r.labels() + " " + r.amounts())
                    .containsExactlyElementsOf(fromText.table(t).rows().stream()
                            .map(r -> r.labels() + " " + r.amounts()).toList());
        }

        // not a workbook: refused as unreadable, nothing recorded
        long before = DB.count("select count(*) from domain_event_entry");
        ResponseEntity<JsonNode> refused = importXlsx("PK\u0003\u0004 not a zip".getBytes(), "?departmentCode=933");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().toString()).contains("工作簿无法读取");
        assertThat(DB.count("select count(*) from domain_event_entry")).isEqualTo(before);
    }

    ResponseEntity<JsonNode> importXlsx(byte[] xlsx, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        return APP.finance().postForEntity("/api/disclosures" + query, new HttpEntity<>(xlsx, headers), JsonNode.class);
    }

    @Test
    void the_narratives_last_year_figures_are_checked_against_last_years_imported_budget() {
        HttpHeaders text = new HttpHeaders();
        text.setContentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8));
        // last year's budget: the seed with its years moved back by one (the same tables, 4,294.01 万元)
        String lastYear = SampleText.seed().replace("2025", "2024").replace("2026", "2025");
        assertThat(APP.finance().postForEntity("/api/disclosures", new HttpEntity<>(
                lastYear.getBytes(java.nio.charset.StandardCharsets.UTF_8), text), JsonNode.class)
                .getStatusCode().value()).isEqualTo(201);
        // this year's document says last year's 收支总计 was 4,557.36 万元: not the budget the ledger holds
        ResponseEntity<JsonNode> imported = APP.finance().postForEntity("/api/disclosures", new HttpEntity<>(
                SampleText.seed().getBytes(java.nio.charset.StandardCharsets.UTF_8), text), JsonNode.class);
        assertThat(imported.getStatusCode().value()).isEqualTo(201);
        JsonNode findings = APP.finance().getForObject("/api/budgets/062-2026/findings", JsonNode.class);
        List<String> texts = new ArrayList<>();
        findings.forEach(f -> texts.add(f.get("severity").asText() + " " + f.get("place").asText() + " "
                + f.get("text").asText()));
        assertThat(texts).contains("警告 说明 说明中上年的收支总计为 4557.36 万元，已导入的上年预算（062-2025）为 4294.01 万元");
        assertThat(findings.get(0).get("sourceLine").asInt()).isPositive();
    }

    @Test
    void a_unit_budget_that_is_not_the_units_part_of_its_department_budget_is_a_finding() {
        HttpHeaders text = new HttpHeaders();
        text.setContentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8));
        byte[] seed = SampleText.seed().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // the seed as the 部门预算 of department 071 (units 071001 … 071005)
        assertThat(APP.finance().postForEntity("/api/disclosures?departmentCode=071", new HttpEntity<>(seed, text),
                JsonNode.class).getStatusCode().value()).isEqualTo(201);
        // the whole department's document imported again as the 单位预算 of its unit 071002: two budgets, and the
        // unit's budget (4,294.01 万元) is not that unit's part of the department's
        ResponseEntity<JsonNode> unit = APP.finance().postForEntity("/api/disclosures?departmentCode=071002",
                new HttpEntity<>(seed, text), JsonNode.class);
        assertThat(unit.getStatusCode().value()).isEqualTo(201);
        assertThat(unit.getBody().get("budgetId").asText()).isEqualTo("071002-2026");
        JsonNode findings = APP.finance().getForObject("/api/budgets/071002-2026/findings", JsonNode.class);
        List<String> texts = new ArrayList<>();
        findings.forEach(f -> texts.add(f.get("place").asText() + " " + f.get("text").asText()));
        assertThat(texts).anyMatch(t -> t.startsWith("部门预算与单位预算 单位 晋城市行政审批服务管理局（071002） 在部门预算（071-2026）中为 ")
                && t.endsWith("其单位预算（071002-2026）为 4294.01 万元：部门预算应是其单位预算之和"));
    }

    @Test
    void an_unknown_template_is_a_400_naming_the_templates_there_are() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> refused = APP.finance().postForEntity("/api/disclosures?template=hunan-8",
                new HttpEntity<>("无", headers), JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("没有模板 hunan-8", "shanxi-13", "shanghai-district-9");
    }

    private static List<String> rowTexts(org.apache.poi.ss.usermodel.Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.toString()));
        return texts;
    }

    /** The amounts of the table's row whose first non-blank label is {@code label}. */
    private static List<String> amounts(JsonNode table, String label) {
        for (JsonNode row : table.get("rows")) {
            for (JsonNode cell : row.get("labels")) {
                if (!cell.asText().isBlank()) {
                    if (cell.asText().equals(label)) {
                        List<String> amounts = new ArrayList<>();
                        row.get("amounts").forEach(a -> amounts.add(a.isNull() ? null : a.asText()));
                        return amounts;
                    }
                    break;
                }
            }
        }
        throw new AssertionError("no row " + label + " in " + table.get("title"));
    }
}
