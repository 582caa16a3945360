package budgetledger.app.disclosure;

import budgetledger.command.api.ImportDisclosure;
import budgetledger.command.api.ImportDisclosure.ImportedLine;
import budgetledger.command.disclosure.DisclosureDocument;
import budgetledger.command.disclosure.DisclosureImport;
import budgetledger.command.disclosure.DisclosureParseException;
import budgetledger.command.disclosure.DisclosureParser;
import budgetledger.command.disclosure.ParseProblem;
import budgetledger.model.table.DisclosureTable;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.tables.DisclosureTables;
import budgetledger.query.tables.Reconciliation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Imports a published disclosure: parse it, rebuild its opening lines, render the tables from those lines and
 * compare them with the published ones, and only when every cell agrees (exactly or by 尾差) record the budget
 * with one command, so that it lands whole or not at all.
 */
@Service
public class DisclosureImportService {

    private static final Logger log = LoggerFactory.getLogger(DisclosureImportService.class);

    private final CommandGateway commands;

    public DisclosureImportService(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * @param departmentCode used when the document does not state its department code; may be null
     * @throws DisclosureRejectedException when the document cannot be read or its tables cannot be reproduced
     */
    public ImportResult importDocument(String text, String departmentCode) {
        String sha256 = sha256(text);
        ImportDisclosure command;
        DisclosureDocument document;
        try {
            document = new DisclosureParser().parse(text);
            command = DisclosureImport.command(document, departmentCode, sha256, "import-" + sha256.substring(0, 16));
        } catch (DisclosureParseException e) {
            throw new DisclosureRejectedException("unreadable-document", "文档无法导入：" + e.problems().size()
                    + " 个问题", e.problems());
        } catch (IllegalStateException e) {
            // The rebuild found the document's tables inconsistent with one another (e.g. more demanded than
            // supplied between two tables): a refusal of this document, not a failure of the application.
            throw new DisclosureRejectedException("tables-not-reproduced", "由文档的表格无法重建预算行（各表数字互相矛盾）",
                    List.of());
        }
        Reconciliation.Report report = Reconciliation.compare(document.tables(), render(command));
        if (!report.reproduces()) {
            List<ParseProblem> problems = report.differences().stream()
                    .filter(cell -> cell.verdict() == Reconciliation.Verdict.MISMATCH)
                    .map(cell -> new ParseProblem(cell.sourceLine(), "表" + cell.table() + " " + cell.title(),
                            "“" + cell.row() + "”行 “" + cell.column() + "”列：公布 " + cell.published()
                                    + "，由重建的预算行得出 " + cell.rendered()))
                    .toList();
            throw new DisclosureRejectedException("tables-not-reproduced",
                    "由文档重建的预算行不能还原公布的表格：" + problems.size() + " 个单元格不符", problems);
        }
        log.info("Importing disclosure {} ({} 年, {} lines) as budget {}", sha256.substring(0, 12),
                command.fiscalYear(), command.lines().size(), command.budgetId());
        commands.sendAndWait(command);
        int events = 2 + command.lines().size() + command.priorYearFigures().size() + command.changeReasons().size()
                + command.currentYearFigures().size();
        return new ImportResult(command.budgetId(), command.lines().size(), events,
                new ImportResult.Counts(report.exact(), report.rounding(), report.mismatched()));
    }

    /** The thirteen tables the command's lines would render, before anything is recorded. */
    private static Map<Integer, DisclosureTable> render(ImportDisclosure command) {
        BudgetRow budget = new BudgetRow(command.budgetId(), command.departmentCode(), command.departmentName(),
                command.fiscalYear(), command.units(), Map.of(), Map.of());
        List<BudgetLineRow> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            ImportedLine line = command.lines().get(i);
            lines.add(new BudgetLineRow(command.budgetId(), "L" + (i + 1), line.unitCode(), line.functionalCode(),
                    line.kind(), line.deptEconomicCode(), line.govEconomicCode(), line.fundingSource(), line.origin(),
                    line.project(), line.amountFen(), line.amountFen(), 0));
        }
        Map<Integer, DisclosureTable> tables = new TreeMap<>();
        DisclosureTables.renderAll(budget, lines).forEach(table -> tables.put(table.number(), table));
        return tables;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
