package budgetledger.app;

import budgetledger.disclosure.tables.TableXlsx;
import budgetledger.model.table.DisclosureTable;
import budgetledger.query.DisclosureQueryHandler;
import budgetledger.query.FindDisclosureTableQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's budget out again: as a workbook (opened with POI: titles, merged headers, number formats, every value
 * of tables 3 and 6) and as the disclosure document, which imported under another department code gives the same
 * thirteen tables. Tests that only read the seed share it ({@link #seed}: imported by the first that needs it, never
 * changed); a test that changes a budget works on one of its own department.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its database is its own: release the connections when the class is done
class ExportApiTest {

    @RegisterExtension
    static final LedgerApp APP = new LedgerApp();
    static final TestDatabase DB = APP.database();
    static final String SEED_BUDGET = "/api/budgets/062-2026";

    @Autowired
    DisclosureQueryHandler disclosureTables;
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        http = APP.finance();
    }

    ResponseEntity<JsonNode> importText(String text, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        return http.postForEntity("/api/disclosures" + query,
                new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    void importAndWait(String text, String query, String budget) {
        ResponseEntity<JsonNode> response = importText(text, query);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        int lines = response.getBody().get("lines").asInt();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.getForObject("/api/budgets/" + budget + "/lines", JsonNode.class).size() == lines);
    }

    Workbook workbook(String path) throws IOException {
        ResponseEntity<byte[]> response = http.getForEntity(path, byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
    }

    /** The seed, 062-2026, imported once for the tests that only read it; its path. */
    String seed() {
        if (http.getForEntity(SEED_BUDGET, JsonNode.class).getStatusCode().value() == 404) {
            importAndWait(SampleText.seed(), "", "062-2026");
        }
        return SEED_BUDGET;
    }

    @Test
    void the_seed_is_imported() {
        seed();
        assertThat(http.getForObject(SEED_BUDGET + "/lines", JsonNode.class).size()).isPositive();
    }

    @Test
    void table_3_as_a_workbook_has_the_published_title_headers_and_every_value_as_a_two_decimal_number()
            throws IOException {
        seed();
        try (Workbook book = workbook(SEED_BUDGET + "/tables/3?format=xlsx")) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = book.getSheet("表3");
            assertThat(text(sheet, 0, 0)).isEqualTo("2026年预算支出总表");
            assertThat(text(sheet, 1, 0)).isEqualTo("部门名称：晋城市行政审批服务管理局");
            assertThat(text(sheet, 1, 4)).isEqualTo("单位：万元");
            assertThat(merged(sheet)).contains("A1:E1", "A3:B3", "C3:E3");
            assertThat(List.of(text(sheet, 2, 0), text(sheet, 2, 2))).containsExactly("项目", "2026年预算数");
            assertThat(row(sheet, 3)).isEqualTo("科目编码|科目名称|合计|基本支出|项目支出");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
            assertThat(dataRows(sheet)).containsExactlyElementsOf(DisclosureApiTest.TABLE_3);
            assertAmountsAreNumbers(sheet, 2);
        }
    }

    @Test
    void the_whole_set_is_one_workbook_with_thirteen_sheets_and_table_6_has_every_value() throws IOException {
        seed();
        try (Workbook book = workbook(SEED_BUDGET + "/tables?format=xlsx")) {
            assertThat(book.getNumberOfSheets()).isEqualTo(13);
            assertThat(text(book.getSheet("表1"), 0, 0)).isEqualTo("2026年预算收支总表");
            assertThat(text(book.getSheet("表12"), 0, 0)).isEqualTo("2026年项目支出预算表（本年预算）");
            Sheet table1 = book.getSheet("表1");
            assertThat(merged(table1)).contains("A3:B3", "C3:F3");
            assertThat(row(table1, 2)).isEqualTo("收入||支出|||");
            assertThat(row(table1, 3)).isEqualTo("项目|金额|项目|2026年合计|当年预算安排|上年结转安排");
            assertThat(row(table1, 4)).isEqualTo("一、一般公共预算|4294.01|一、一般公共服务支出|3487.06|3487.06|");

            Sheet sheet = book.getSheet("表6");
            assertThat(text(sheet, 0, 0)).isEqualTo("2026年一般公共预算安排基本支出分经济科目表（不含上年结转）");
            assertThat(merged(sheet)).contains("A3:A4", "B3:B4", "C3:E3");
            assertThat(dataRows(sheet)).containsExactlyElementsOf(DisclosureApiTest.TABLE_6);
            assertAmountsAreNumbers(sheet, 2);

            Sheet empty = book.getSheet("表7");
            assertThat(text(empty, TableXlsx.HEADER_ROWS + 1, 0)).isEqualTo("注：本表无数据");
        }
    }

    @Test
    void the_disclosure_text_imported_under_another_code_gives_the_same_thirteen_tables_and_narrative_figures() {
        seed();
        ResponseEntity<String> text = http.getForEntity(SEED_BUDGET + "/disclosure?format=text", String.class);
        assertThat(text.getStatusCode().value()).isEqualTo(200);
        assertThat(text.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(text.getBody()).contains("2026年预算支出总表", "部门名称：晋城市行政审批服务管理局", "单位：万元",
                "注：本表无数据", "合计\t\t4294.01\t2723.73\t1570.28");

        importAndWait(text.getBody(), "?departmentCode=778", "778-2026");
        JsonNode original = http.getForObject(SEED_BUDGET + "/tables", JsonNode.class);
        JsonNode copy = http.getForObject("/api/budgets/778-2026/tables", JsonNode.class);
        for (int i = 0; i < 13; i++) {
            assertThat(copy.get(i).get("title")).isEqualTo(original.get(i).get("title"));
            assertThat(copy.get(i).get("rows")).as("table %d", i + 1).isEqualTo(original.get(i).get("rows"));
        }
        JsonNode seed = http.getForObject(SEED_BUDGET, JsonNode.class);
        JsonNode imported = http.getForObject("/api/budgets/778-2026", JsonNode.class);
        assertThat(seed.get("priorYearFigures").size()).isPositive();
        assertThat(seed.get("changeReasons").size()).isPositive();
        assertThat(imported.get("priorYearFigures")).isEqualTo(seed.get("priorYearFigures"));
        assertThat(imported.get("changeReasons")).isEqualTo(seed.get("changeReasons"));
        assertThat(imported.get("units").size()).isEqualTo(seed.get("units").size());
    }

    @Test
    void an_unknown_format_is_refused() {
        seed();
        assertThat(http.getForEntity(SEED_BUDGET + "/tables?format=pdf", String.class).getStatusCode().value())
                .isEqualTo(400);
        assertThat(http.getForEntity(SEED_BUDGET + "/disclosure?format=pdf", String.class).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void the_fiscal_data_package_has_the_descriptor_fields_the_specification_requires_and_every_line()
            throws IOException {
        seed();
        Map<String, byte[]> zip = unzip(http.getForEntity(SEED_BUDGET + "/fdp", byte[].class));
        assertThat(zip).containsOnlyKeys("datapackage.json", "budget-lines.csv");
        JsonNode descriptor = new ObjectMapper().readTree(zip.get("datapackage.json"));
        // Required by the Fiscal Data Package schema: name, title, resources, model (measures, dimensions).
        assertThat(descriptor.get("name").asText()).matches("^[a-z0-9._-]+$");
        assertThat(descriptor.get("title").asText()).contains("晋城市行政审批服务管理局", "2026");
        assertThat(descriptor.at("/fiscalPeriod/start").asText()).isEqualTo("2026-01-01");
        JsonNode resource = descriptor.get("resources").get(0);
        assertThat(resource.get("name").asText()).isNotBlank();
        assertThat(zip).containsKey(resource.get("path").asText());
        List<String> fields = new ArrayList<>();
        resource.at("/schema/fields").forEach(f -> fields.add(f.get("name").asText()));
        List<String> csv = List.of(new String(zip.get("budget-lines.csv"), StandardCharsets.UTF_8).split("\r\n"));
        assertThat(String.join(",", fields)).isEqualTo(csv.get(0));

        JsonNode measures = descriptor.at("/model/measures");
        assertThat(measures.size()).isPositive();
        measures.forEach(measure -> {
            assertThat(fields).contains(measure.get("source").asText());
            assertThat(measure.get("currency").asText()).isEqualTo("CNY");
            assertThat(measure.get("phase").asText()).isEqualTo("approved");
        });
        JsonNode dimensions = descriptor.at("/model/dimensions");
        List<String> classifications = new ArrayList<>();
        dimensions.forEach(dimension -> {
            assertThat(dimension.get("attributes").size()).isPositive();
            dimension.get("attributes").forEach(a -> assertThat(fields).contains(a.get("source").asText()));
            assertThat(dimension.get("attributes").has(dimension.get("primaryKey").asText())).isTrue();
            if (dimension.has("classificationType")) {
                classifications.add(dimension.get("classificationType").asText());
            }
        });
        assertThat(classifications).containsExactlyInAnyOrder("administrative", "functional", "economic");

        JsonNode lines = http.getForObject(SEED_BUDGET + "/lines", JsonNode.class);
        assertThat(csv).hasSize(lines.size() + 1);
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            total = total.add(new BigDecimal(line.get("appropriated").asText()));
        }
        int amount = fields.indexOf("amount");
        BigDecimal exported = csv.stream().skip(1).map(row -> new BigDecimal(row.split(",")[amount]))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(exported).isEqualByComparingTo(total);
        assertThat(csv.get(1)).endsWith(",approved," + csv.get(1).split(",")[amount] + ",CNY");

        JsonNode revised = new ObjectMapper().readTree(
                unzip(http.getForEntity(SEED_BUDGET + "/fdp?phase=revised", byte[].class)).get("datapackage.json"));
        assertThat(revised.at("/model/measures/amount/phase").asText()).isEqualTo("adjusted");
        assertThat(http.getForEntity(SEED_BUDGET + "/fdp?phase=draft", String.class).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void the_line_template_has_a_header_and_a_sample_row_on_each_sheet() throws IOException {
        seed();
        try (Workbook book = workbook(SEED_BUDGET + "/line-template")) {
            assertThat(book.getSheet("预算行").getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(row(book.getSheet("预算行"), 0)).isEqualTo(
                    "序号|单位编码|功能分类编码|支出类型|部门经济分类编码|政府经济分类编码|资金来源|当年或上年结转|项目名称|金额（元）|文号|说明");
            assertThat(row(book.getSheet("预算行"), 1)).startsWith("1|062001|2010301|基本支出-公用经费|30201|50201|");
            assertThat(row(book.getSheet("追加追减"), 0)).isEqualTo("预算行|金额（元）|文号|说明");
            assertThat(row(book.getSheet("调剂"), 0)).isEqualTo("调出行|调入行|金额（元）|文号|说明");
            assertThat(book.getSheet("追加追减").getLastRowNum()).isEqualTo(1);
        }
        String csv = http.getForObject(SEED_BUDGET + "/line-template?format=csv", String.class);
        assertThat(csv.lines().toList()).hasSize(2);
    }

    @Test
    void the_seeds_lines_in_the_template_imported_into_an_empty_budget_give_identical_tables() {
        byte[] filled = copyWithSeedLines("779");
        JsonNode original = http.getForObject(SEED_BUDGET + "/tables", JsonNode.class);
        JsonNode copy = http.getForObject("/api/budgets/779-2026/tables", JsonNode.class);
        for (int i = 0; i < 13; i++) {
            assertThat(copy.get(i).get("rows")).as("table %d", i + 1).isEqualTo(original.get(i).get("rows"));
        }

        long events = events();
        ResponseEntity<JsonNode> again = postFile("/api/budgets/779-2026/line-imports?fileName=lines.xlsx",
                filled, XLSX);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("rule").asText()).isEqualTo("file-already-imported");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void csv_lines_and_adjustments_and_transfers_of_a_workbook_are_imported() throws IOException {
        copyWithSeedLines("782");
        String csv = http.getForObject("/api/budgets/782-2026/line-template?format=csv", String.class);
        ResponseEntity<JsonNode> fromCsv = postFile("/api/budgets/782-2026/line-imports?fileName=sample.csv",
                csv.getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv", StandardCharsets.UTF_8));
        assertThat(fromCsv.getStatusCode().value()).as("%s", fromCsv.getBody()).isEqualTo(201);
        String newLine = fromCsv.getBody().get("lineIds").get(0).asText();

        byte[] workbook = lineWorkbook(new String[][]{
                {"7", "062001", "2010301", "基本支出-公用经费", "30201", "50201", "一般公共预算", "当年", "", "5000", "文号1", "年初预算"}},
                new String[][]{{"7", "-1000.50", "文号2", "追减"}, {newLine, "300", "文号3", "追加"}},
                new String[][]{{"7", newLine, "100", "文号4", "调剂"}});
        ResponseEntity<JsonNode> result = postFile("/api/budgets/782-2026/line-imports?fileName=mixed.xlsx", workbook, XLSX);
        assertThat(result.getStatusCode().value()).as("%s", result.getBody()).isEqualTo(201);
        String seventh = result.getBody().get("lineIds").get(0).asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> "3899.50".equals(
                http.getForObject("/api/budgets/782-2026/lines/" + seventh, JsonNode.class).get("amount").asText()));
        assertThat(http.getForObject("/api/budgets/782-2026/lines/" + newLine, JsonNode.class).get("amount").asText())
                .isEqualTo("12400.00");
    }

    @Test
    void a_bad_workbook_is_refused_naming_sheet_row_and_column_and_records_nothing() throws IOException {
        seed();
        openCopyOfSeed("783");
        long events = events();
        String[] good = {"1", "062001", "2010301", "基本支出-公用经费", "30201", "50201", "一般公共预算", "当年", "", "100",
                "文号", "年初预算"};
        String[] textAmount = good.clone();
        textAmount[0] = "2";
        textAmount[9] = "12a";
        JsonNode problem = refused(lineWorkbook(new String[][]{good, textAmount}, null, null));
        assertThat(problem.get("sheet").asText()).isEqualTo("预算行");
        assertThat(problem.get("row").asInt()).isEqualTo(3);
        assertThat(problem.get("column").asText()).isEqualTo("J");
        assertThat(problem.get("text").asText()).contains("工作表“预算行”第 3 行 J 列（金额（元））", "12a");

        String[] unknownCode = good.clone();
        unknownCode[0] = "2";
        unknownCode[2] = "2019998";
        problem = refused(lineWorkbook(new String[][]{good, unknownCode}, null, null));
        assertThat(List.of(problem.get("sheet").asText(), problem.get("row").asText(), problem.get("column").asText()))
                .containsExactly("预算行", "3", "C");
        assertThat(problem.get("text").asText()).contains("2019998");

        problem = refused(lineWorkbook(new String[][]{good}, new String[][]{{"9", "-5", "文号", "追减"}}, null));
        assertThat(List.of(problem.get("sheet").asText(), problem.get("row").asText(), problem.get("column").asText()))
                .containsExactly("追加追减", "2", "A");

        byte[] missingColumn;
        try (XSSFWorkbook book = new XSSFWorkbook(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            Row header = book.createSheet("预算行").createRow(0);
            List<String> columns = List.of("序号", "单位编码", "功能分类编码", "支出类型", "部门经济分类编码", "政府经济分类编码",
                    "当年或上年结转", "项目名称", "金额（元）", "文号", "说明");
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            book.write(out);
            missingColumn = out.toByteArray();
        }
        problem = refused(missingColumn);
        assertThat(problem.get("sheet").asText()).isEqualTo("预算行");
        assertThat(problem.get("columnName").asText()).isEqualTo("资金来源");
        assertThat(events()).isEqualTo(events);
    }

    /**
     * A project named like a formula (CSV injection) goes out of every CSV as text: a single quote in front, so a
     * spreadsheet shows it and runs nothing; amounts, negative ones too, stay numbers.
     */
    @Test
    void formula_leading_names_are_neutralised_in_every_csv_export() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.postForEntity("/api/budgets", new HttpEntity<>("""
                {"departmentCode":"780","departmentName":"某局","fiscalYear":2026,
                 "units":[{"code":"780001","name":"@SUM(1+1)","type":"行政"}]}""", headers), JsonNode.class)
                .getStatusCode().value()).isEqualTo(201);
        assertThat(http.postForEntity("/api/budgets/780-2026/lines", new HttpEntity<>("""
                {"unitCode":"780001","functionalCode":"2010306","kind":"项目支出","fundingSource":"一般公共预算",
                 "origin":"当年","project":"=HYPERLINK(\\"http://example.invalid\\",\\"点击\\")","amount":"1000",
                 "documentNo":"文号","reason":"年初预算","commandId":"csv-1"}""", headers), JsonNode.class)
                .getStatusCode().value()).isEqualTo(201);
        String formula = "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\"";

        String template = http.getForObject("/api/budgets/780-2026/line-template?format=csv&filled=true", String.class);
        assertThat(template).contains("," + formula + ",").doesNotContain(",=HYPERLINK");

        Map<String, byte[]> zip = unzip(http.getForEntity("/api/budgets/780-2026/fdp", byte[].class));
        String lines = new String(zip.get("budget-lines.csv"), StandardCharsets.UTF_8);
        assertThat(lines).contains(",'@SUM(1+1),", "," + formula + ",").doesNotContain(",=HYPERLINK", ",@SUM");

        String yoy = http.getForObject("/api/budgets/780-2026/yoy?by=project&format=csv", String.class);
        assertThat(yoy).contains("," + formula + ",").doesNotContain(",=HYPERLINK");
    }

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    long events() {
        return DB.count("select count(*) from domain_event_entry");
    }

    JsonNode refused(byte[] workbook) {
        ResponseEntity<JsonNode> response = postFile("/api/budgets/783-2026/line-imports?fileName=bad.xlsx", workbook, XLSX);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(422);
        return response.getBody().get("problems").get(0);
    }

    ResponseEntity<JsonNode> postFile(String path, byte[] bytes, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.postForEntity(path, new HttpEntity<>(bytes, headers), JsonNode.class);
    }

    /**
     * Issue 18: a repeated table query reads the rendering kept for the budget's version of its lines (the very same
     * table), and a change moves the version, so the next query renders again and shows the change.
     */
    @Test
    void a_repeated_table_query_reads_the_kept_rendering_and_a_change_renders_it_anew() {
        importAndWait(SampleText.seed(), "?departmentCode=785", "785-2026");
        FindDisclosureTableQuery table3 = new FindDisclosureTableQuery("785-2026", 3);
        DisclosureTable first = disclosureTables.handle(table3).orElseThrow().table();
        assertThat(disclosureTables.handle(table3).orElseThrow().table()).isSameAs(first);

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> adjusted = http.postForEntity("/api/budgets/785-2026/adjustments", new HttpEntity<>("""
                {"lineId":"L1","amount":"10000.00","documentNo":"示财预〔2026〕9号","reason":"追加",
                 "commandId":"rendered-tables-1"}""", headers), JsonNode.class);
        assertThat(adjusted.getStatusCode().value()).as("%s", adjusted.getBody()).isEqualTo(200);

        DisclosureTable after = disclosureTables.handle(table3).orElseThrow().table();
        assertThat(after).isNotSameAs(first);
        assertThat(after.rows().get(0).amounts().get(0))
                .isEqualByComparingTo(first.rows().get(0).amounts().get(0).add(new BigDecimal("1.00")));
        assertThat(disclosureTables.handle(table3).orElseThrow().table()).isSameAs(after);
    }

    /**
     * Issue 18: a line-item file's lines are one event in the store, and still every line in the history (an entry
     * 年初预算 per line, with its amount) and in an as-of table (at the latest position: the current table).
     */
    @Test
    void a_files_lines_stored_as_one_event_are_each_in_the_history_and_in_as_of_tables() {
        copyWithSeedLines("784");
        JsonNode lines = http.getForObject("/api/budgets/784-2026/lines", JsonNode.class);
        long files = DB.count("select count(*) from domain_event_entry where aggregate_identifier = '784-2026' "
                + "and payload_type like '%LineItemsImported'");
        assertThat(files).isPositive();
        assertThat(DB.count("select count(*) from domain_event_entry where aggregate_identifier = '784-2026' "
                + "and payload_type like '%BudgetLinesAppropriated'")).isEqualTo(files);
        assertThat(lines.size()).isGreaterThan((int) files);
        JsonNode history = http.getForObject("/api/budgets/784-2026/history?type=BudgetLineAppropriated&size=500",
                JsonNode.class);
        List<String> appropriated = new ArrayList<>();
        history.get("entries").forEach(entry -> appropriated.add(entry.get("changes").get(0).get("lineId").asText()));
        List<String> lineIds = new ArrayList<>();
        lines.forEach(line -> lineIds.add(line.get("lineId").asText()));
        assertThat(appropriated).containsExactlyInAnyOrderElementsOf(lineIds);
        long head = DB.count("select max(global_index) from domain_event_entry where aggregate_identifier = '784-2026'");
        assertThat(http.getForObject("/api/budgets/784-2026/tables/3?atPosition=" + head, JsonNode.class).get("rows"))
                .isEqualTo(http.getForObject("/api/budgets/784-2026/tables/3", JsonNode.class).get("rows"));
    }

    /**
     * Issue 18: a file's lines, one event of tens of kilobytes, are stored compressed with lz4 where the server is
     * built with it (V51; pglz took ten times as long to compress such a payload), and with the default where it is
     * not (the embedded server of the default run), the migration having left it so.
     */
    @Test
    void a_files_lines_event_is_stored_compressed_with_lz4_where_the_server_has_it() {
        copyWithSeedLines("771");
        String compression = DB.text("select pg_column_compression(payload) from domain_event_entry "
                + "where aggregate_identifier = '771-2026' and payload_type like '%BudgetLinesAppropriated' limit 1");
        boolean lz4;
        try {
            DB.update("create temp table lz4_probe (b bytea compression lz4)"); // gone with its connection
            lz4 = true;
        } catch (IllegalStateException e) {
            lz4 = false;
        }
        assertThat(compression).isEqualTo(lz4 ? "lz4" : "pglz");
    }

    /** A budget with the seed's department name and units (same unit codes) under another code, and no lines. */
    void openCopyOfSeed(String code) {
        JsonNode seed = http.getForObject(SEED_BUDGET, JsonNode.class);
        StringBuilder units = new StringBuilder();
        for (JsonNode unit : seed.get("units")) {
            units.append(units.isEmpty() ? "" : ",").append(unit.toString());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> opened = http.postForEntity("/api/budgets", new HttpEntity<>("""
                {"departmentCode":"%s","departmentName":"%s","fiscalYear":2026,"units":[%s]}"""
                .formatted(code, seed.get("departmentName").asText(), units), headers), JsonNode.class);
        assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
    }

    /**
     * A copy of the seed under another code, its lines from the seed's filled line template (one file, one
     * import); the file.
     */
    byte[] copyWithSeedLines(String code) {
        seed();
        openCopyOfSeed(code);
        ResponseEntity<byte[]> filled = http.getForEntity(SEED_BUDGET + "/line-template?filled=true", byte[].class);
        assertThat(filled.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> imported = postFile("/api/budgets/" + code + "-2026/line-imports?fileName=lines.xlsx",
                filled.getBody(), XLSX);
        assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(201);
        int lines = http.getForObject(SEED_BUDGET + "/lines", JsonNode.class).size();
        assertThat(imported.getBody().get("lines").asInt()).isEqualTo(lines);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.getForObject("/api/budgets/" + code + "-2026/lines", JsonNode.class).size() == lines);
        return filled.getBody();
    }

    /** A line-item workbook; amounts are written as text, as someone may type them. */
    static byte[] lineWorkbook(String[][] lines, String[][] adjustments, String[][] transfers) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            sheet(book, "预算行", List.of("序号", "单位编码", "功能分类编码", "支出类型", "部门经济分类编码", "政府经济分类编码",
                    "资金来源", "当年或上年结转", "项目名称", "金额（元）", "文号", "说明"), lines);
            if (adjustments != null) {
                sheet(book, "追加追减", List.of("预算行", "金额（元）", "文号", "说明"), adjustments);
            }
            if (transfers != null) {
                sheet(book, "调剂", List.of("调出行", "调入行", "金额（元）", "文号", "说明"), transfers);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    static void sheet(XSSFWorkbook book, String name, List<String> header, String[][] rows) {
        Sheet sheet = book.createSheet(name);
        Row head = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            head.createCell(c).setCellValue(header.get(c));
        }
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows[r].length; c++) {
                if (!rows[r][c].isEmpty()) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }
    }

    static Map<String, byte[]> unzip(ResponseEntity<byte[]> response) throws IOException {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.getBody()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static String text(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    static List<String> merged(Sheet sheet) {
        return sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).toList();
    }

    /** A row as the test's cell strings: text as is, numbers with two decimals, blank as "". */
    static String row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                cells.add("");
            } else if (cell.getCellType() == CellType.NUMERIC) {
                cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString());
            } else {
                cells.add(cell.getStringCellValue());
            }
        }
        return String.join("|", cells);
    }

    static List<String> dataRows(Sheet sheet) {
        List<String> rows = new ArrayList<>();
        for (int r = TableXlsx.HEADER_ROWS; r <= sheet.getLastRowNum(); r++) {
            rows.add(row(sheet, r));
        }
        return rows;
    }

    /** Every non-blank cell from {@code firstAmountColumn} on is numeric and formatted 0.00. */
    static void assertAmountsAreNumbers(Sheet sheet, int firstAmountColumn) {
        for (int r = TableXlsx.HEADER_ROWS; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            for (int c = firstAmountColumn; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(TableXlsx.AMOUNT_FORMAT);
                assertThat(cell.getCellType()).isIn(CellType.NUMERIC, CellType.BLANK);
            }
        }
    }
}
