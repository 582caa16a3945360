package budgetledger.api;

import budgetledger.exchange.lineimport.LineItemImportService;
import budgetledger.processing.ReadYourWrites;
import budgetledger.exchange.lineimport.LineItemTemplate;
import budgetledger.command.BudgetRuleException;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.FindBudgetLinesQuery;
import budgetledger.query.FindBudgetQuery;
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
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Line-item files (the workbook finance staff keep): the template to fill in, and their import. */
@RestController
public class LineItemController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LineItemImportService imports;
    private final QueryGateway queries;
    private final ReadYourWrites writes;

    public LineItemController(LineItemImportService imports, QueryGateway queries, ReadYourWrites writes) {
        this.imports = imports;
        this.queries = queries;
        this.writes = writes;
    }

    /** The template (a sample row per sheet) or, with {@code filled=true}, the budget's current lines. */
    @GetMapping("/api/budgets/{budgetId}/line-template")
    public ResponseEntity<byte[]> template(@PathVariable String budgetId,
                                           @RequestParam(defaultValue = "xlsx") String format,
                                           @RequestParam(defaultValue = "false") boolean filled) {
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw BudgetRuleException.invalid("format", "unknown-format", "format 只能是 xlsx 或 csv");
        }
        BudgetRow budget = queries.query(new FindBudgetQuery(budgetId), ResponseTypes.optionalInstanceOf(BudgetRow.class))
                .join().orElseThrow(() -> BudgetRuleException.notFound("budgetId", "unknown-budget",
                        "预算 " + budgetId + " 不存在"));
        List<BudgetLineRow> lines = filled ? queries.query(new FindBudgetLinesQuery(budgetId),
                ResponseTypes.multipleInstancesOf(BudgetLineRow.class)).join() : List.of();
        String file = budgetId + (filled ? "-lines." : "-line-template.") + format;
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .body(("\uFEFF" + LineItemTemplate.csv(budget, lines, filled)).getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().contentType(XLSX).header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .body(LineItemTemplate.xlsx(budget, lines, filled));
    }

    @PostMapping(path = "/api/budgets/{budgetId}/line-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<LineItemImportService.Result> importFile(@PathVariable String budgetId,
                                                                   @RequestPart("file") MultipartFile file)
            throws IOException {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        return writes.answer(budgetId, HttpStatus.CREATED, null,
                imports.importFile(budgetId, name, file.getBytes(), message -> { }));
    }

    /** The file as the request body: a workbook, or CSV as text/csv. */
    @PostMapping(path = "/api/budgets/{budgetId}/line-imports",
            consumes = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv",
                    MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ResponseEntity<LineItemImportService.Result> importBody(@PathVariable String budgetId,
                                                                   @RequestBody byte[] body,
                                                                   @RequestParam(defaultValue = "upload") String fileName) {
        return writes.answer(budgetId, HttpStatus.CREATED, null, imports.importFile(budgetId, fileName, body, message -> { }));
    }
}
