package budgetledger.api;

import budgetledger.audit.History;
import budgetledger.audit.History.Moment;
import budgetledger.exchange.disclosure.DisclosureImportService;
import budgetledger.processing.ReadYourWrites;
import budgetledger.exchange.disclosure.ImportResult;
import budgetledger.command.BudgetRuleException;
import budgetledger.model.table.DisclosureTable;
import budgetledger.query.DisclosureTablesView;
import budgetledger.query.FindDisclosureDocumentQuery;
import budgetledger.query.DisclosureTableView;
import budgetledger.query.FindDisclosureTableQuery;
import budgetledger.query.FindDisclosureTablesQuery;
import budgetledger.projections.BudgetRow;
import budgetledger.query.FindFindingsQuery;
import budgetledger.query.FindingsView;
import budgetledger.query.FindReconciliationQuery;
import budgetledger.disclosure.Template;
import budgetledger.query.DocumentLines;
import budgetledger.disclosure.PdfText;
import budgetledger.disclosure.XlsxText;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.disclosure.tables.TableCsv;
import budgetledger.disclosure.tables.TableXlsx;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static budgetledger.exchange.disclosure.DocumentText.utf8;

/** Import of a published disclosure, the thirteen tables rendered from the ledger, and their reconciliation. */
@RestController
public class DisclosureController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DisclosureImportService imports;
    private final QueryGateway queries;
    private final History history;
    private final ReadYourWrites writes;

    public DisclosureController(DisclosureImportService imports, QueryGateway queries, History history,
                                ReadYourWrites writes) {
        this.imports = imports;
        this.queries = queries;
        this.history = history;
        this.writes = writes;
    }

    /** The moment of an as-of table: an ISO-8601 instant, or a global position of the event store. */
    private static Moment moment(String asOf, String atPosition) {
        if (atPosition != null) {
            if (!atPosition.matches("\\d{1,18}")) {
                throw BudgetRuleException.invalid("atPosition", "malformed-position", "atPosition 应为全局序号（非负整数）");
            }
            return new Moment(null, Long.parseLong(atPosition));
        }
        if (asOf.matches("\\d+")) {
            throw BudgetRuleException.invalid("asOf", "malformed-moment", "asOf 应为 ISO-8601 时刻，如 2026-03-01T00:00:00Z");
        }
        return Moment.parse("asOf", asOf);
    }

    @PostMapping(path = "/api/disclosures", consumes = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<ImportResult> importText(@RequestBody byte[] body,
                                                   @RequestParam(required = false) String departmentCode,
                                                   @RequestParam(required = false) String findings,
                                                   @RequestParam(required = false) String template) {
        return created(imports.importDocument(utf8(body), departmentCode, acceptFindings(findings),
                template(template)));
    }

    /** The published PDF as the body; problems name its pages. */
    @PostMapping(path = "/api/disclosures", consumes = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<ImportResult> importPdf(@RequestBody byte[] body,
                                                  @RequestParam(required = false) String departmentCode,
                                                  @RequestParam(required = false) String findings,
                                                  @RequestParam(required = false) String template) {
        return created(imports.importPdf(body, departmentCode, acceptFindings(findings), template(template)));
    }

    /** A department's published workbook (XLSX, one sheet per table) as the body; problems name its rows. */
    @PostMapping(path = "/api/disclosures", consumes = XLSX_VALUE)
    public ResponseEntity<ImportResult> importXlsx(@RequestBody byte[] body,
                                                   @RequestParam(required = false) String departmentCode,
                                                   @RequestParam(required = false) String findings,
                                                   @RequestParam(required = false) String template) {
        return created(imports.importXlsx(body, departmentCode, acceptFindings(findings), template(template)));
    }

    static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * A form upload: the PDF (by its %PDF- signature, whatever type the browser claims), a workbook (by its ZIP
     * signature) or the text form.
     */
    @PostMapping(path = "/api/disclosures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportResult> importFile(@RequestPart("file") MultipartFile file,
                                                   @RequestParam(required = false) String departmentCode,
                                                   @RequestParam(required = false) String findings,
                                                   @RequestParam(required = false) String template)
            throws IOException {
        byte[] bytes = file.getBytes();
        if (PdfText.isPdf(bytes)) {
            return created(imports.importPdf(bytes, departmentCode, acceptFindings(findings), template(template)));
        }
        if (XlsxText.isXlsx(bytes)) {
            return created(imports.importXlsx(bytes, departmentCode, acceptFindings(findings), template(template)));
        }
        return created(imports.importDocument(utf8(bytes), departmentCode, acceptFindings(findings),
                template(template)));
    }

    /** {@code template=shanghai-district-9}: read the document in that template; absent: by its table titles. */
    private static Template template(String id) {
        if (id == null) {
            return null;
        }
        return Template.byId(id).orElseThrow(() -> BudgetRuleException.invalid("template", "unknown-template",
                "没有模板 " + id + "；已知模板："
                        + String.join("、", Template.all().stream().map(t -> t.id() + "（" + t.name() + "）").toList())));
    }

    @GetMapping("/api/budgets/{budgetId}/tables")
    public ResponseEntity<?> tables(@PathVariable String budgetId,
                                    @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("xlsx")) {
            throw BudgetRuleException.invalid("format", "unknown-format", "format 只能是 json 或 xlsx");
        }
        DisclosureTablesView view = render(budgetId);
        if (format.equals("xlsx")) {
            return xlsx(view.budget(), view.tables(), budgetId + "-tables.xlsx");
        }
        return ResponseEntity.ok(view.tables().stream().map(t -> TableView.of(budgetId, view.budget(), t)).toList());
    }

    @GetMapping("/api/budgets/{budgetId}/tables/{number}")
    public ResponseEntity<?> table(@PathVariable String budgetId, @PathVariable int number,
                                   @RequestParam(defaultValue = "json") String format,
                                   @RequestParam(required = false) String asOf,
                                   @RequestParam(required = false) String atPosition) {
        if (number < 1 || number > Template.all().stream().mapToInt(Template::count).max().orElse(0)) {
            throw BudgetRuleException.notFound("number", "unknown-table", "没有表" + number + "：表号为 1–13");
        }
        if (!format.equals("json") && !format.equals("csv") && !format.equals("xlsx")) {
            throw BudgetRuleException.invalid("format", "unknown-format", "format 只能是 json、csv 或 xlsx");
        }
        if (asOf != null && atPosition != null) {
            throw BudgetRuleException.invalid("asOf", "one-moment", "asOf 与 atPosition 只能给出一个");
        }
        DisclosureTableView view = queries.query(new FindDisclosureTableQuery(budgetId, number),
                        ResponseTypes.optionalInstanceOf(DisclosureTableView.class)).join()
                .orElseThrow(() -> BudgetRuleException.notFound("budgetId", "unknown-budget",
                        "预算 " + budgetId + " 不存在"));
        if (view.table() == null) {
            throw BudgetRuleException.notFound("number", "unknown-table", "没有表" + number + "：本预算的模板（"
                    + DocumentLines.header(view.budget()).template().name() + "）表号为 1–"
                    + DocumentLines.header(view.budget()).template().count());
        }
        DisclosureTable table = asOf != null || atPosition != null
                ? history.tableAt(budgetId, number, moment(asOf, atPosition))
                : view.table();
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + budgetId + "-table" + number + ".csv\"")
                    .body(TableCsv.write(table));
        }
        if (format.equals("xlsx")) {
            return xlsx(view.budget(), List.of(table), budgetId + "-table" + number + ".xlsx");
        }
        return ResponseEntity.ok(TableView.of(budgetId, view.budget(), table));
    }

    /** The 部门预算公开 document of the budget as text, readable by {@code POST /api/disclosures}. */
    @GetMapping("/api/budgets/{budgetId}/disclosure")
    public ResponseEntity<String> disclosure(@PathVariable String budgetId,
                                             @RequestParam(defaultValue = "text") String format) {
        if (!format.equals("text")) {
            throw BudgetRuleException.invalid("format", "unknown-format", "format 只能是 text");
        }
        String document = queries.query(new FindDisclosureDocumentQuery(budgetId),
                        ResponseTypes.optionalInstanceOf(String.class)).join()
                .orElseThrow(() -> BudgetRuleException.notFound("budgetId", "unknown-budget", "预算 " + budgetId + " 不存在"));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + budgetId + "-disclosure.txt\"")
                .body(document);
    }

    @GetMapping("/api/budgets/{budgetId}/reconciliation")
    public Reconciliation.Report reconciliation(@PathVariable String budgetId) {
        render(budgetId);
        return queries.query(new FindReconciliationQuery(budgetId),
                        ResponseTypes.optionalInstanceOf(Reconciliation.Report.class)).join()
                .orElseThrow(() -> BudgetRuleException.notFound("budgetId", "no-published-document",
                        "预算 " + budgetId + " 不是由公开文档导入的，没有可对照的公布表格"));
    }

    /**
     * What the import found: the published cells the ledger was allowed not to reproduce (imported with
     * {@code findings=accept}; severity 错误), then the document's own defects (警告: it contradicts itself; 提示: it
     * compares with the wrong figures).
     */
    @GetMapping("/api/budgets/{budgetId}/findings")
    public List<FindingView> findings(@PathVariable String budgetId) {
        render(budgetId);
        return queries.query(new FindFindingsQuery(budgetId), ResponseTypes.optionalInstanceOf(FindingsView.class))
                .join().map(FindingView::of).orElseThrow(() -> BudgetRuleException.notFound("budgetId", "no-published-document",
                        "预算 " + budgetId + " 不是由公开文档导入的，没有公布表格的发现"));
    }

    private static ResponseEntity<byte[]> xlsx(BudgetRow budget, List<DisclosureTable> tables, String file) {
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .body(TableXlsx.write(tables, budget.fiscalYear(), budget.departmentName()));
    }

    private DisclosureTablesView render(String budgetId) {
        return queries.query(new FindDisclosureTablesQuery(budgetId),
                        ResponseTypes.optionalInstanceOf(DisclosureTablesView.class)).join()
                .orElseThrow(() -> BudgetRuleException.notFound("budgetId", "unknown-budget",
                        "预算 " + budgetId + " 不存在"));
    }

    /** {@code findings=accept}: import a document whose cells cannot all hold, naming those that do not. */
    private static boolean acceptFindings(String findings) {
        if (findings == null) {
            return false;
        }
        if (!findings.equals("accept")) {
            throw BudgetRuleException.invalid("findings", "invalid-findings",
                    "findings 只能是 accept（导入并记录不能同时成立的单元格）");
        }
        return true;
    }

    private ResponseEntity<ImportResult> created(ImportResult result) {
        return writes.answer(result.budgetId(), HttpStatus.CREATED, URI.create("/api/budgets/" + result.budgetId()),
                result);
    }
}
