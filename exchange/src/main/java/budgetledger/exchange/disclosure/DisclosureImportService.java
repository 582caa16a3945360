package budgetledger.exchange.disclosure;

import budgetledger.command.api.ImportDisclosure;
import budgetledger.command.api.ImportDisclosure.ImportedLine;
import budgetledger.disclosure.DisclosureDocument;
import budgetledger.disclosure.DisclosureParseException;
import budgetledger.disclosure.DisclosureParser;
import budgetledger.disclosure.ParseProblem;
import budgetledger.disclosure.PdfText;
import budgetledger.disclosure.XlsxText;
import budgetledger.disclosure.Template;
import budgetledger.model.text.TextRules;
import budgetledger.model.table.DisclosureTable;
import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.BudgetLine;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.Reconciliation;
import budgetledger.events.DocumentFinding;
import budgetledger.model.BudgetId;
import budgetledger.model.BudgetSubject;
import budgetledger.projections.BudgetLineProjection;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetProjection;
import budgetledger.projections.BudgetRow;
import budgetledger.query.yoy.SubjectFigures;
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
import java.util.Optional;
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
    private final BudgetProjection budgets;
    private final BudgetLineProjection budgetLines;

    public DisclosureImportService(CommandGateway commands, BudgetProjection budgets, BudgetLineProjection budgetLines) {
        this.commands = commands;
        this.budgets = budgets;
        this.budgetLines = budgetLines;
    }

    /**
     * @param departmentCode used when the document does not state its department code; may be null
     * @throws DisclosureRejectedException when the document cannot be read or its tables cannot be reproduced
     */
    public ImportResult importDocument(String text, String departmentCode) {
        return importDocument(text, departmentCode, false);
    }

    /**
     * The published PDF itself: read into the text form by {@link PdfText}, then imported as that text. Every problem
     * names the page of the PDF and the line on it, not a line of text the user never saw.
     *
     * @throws DisclosureRejectedException when the PDF cannot be read, or its document could not be imported
     */
    public ImportResult importPdf(byte[] pdf, String departmentCode, boolean acceptFindings) {
        return importPdf(pdf, departmentCode, acceptFindings, null);
    }

    /** @param template the template to read the document in; null to recognise it by its table titles */
    public ImportResult importPdf(byte[] pdf, String departmentCode, boolean acceptFindings, Template template) {
        PdfText.Extracted extracted;
        try {
            extracted = PdfText.extract(pdf);
        } catch (DisclosureParseException e) {
            throw new DisclosureRejectedException("unreadable-document", "PDF 无法读取", e.problems());
        }
        // The same rules as a text body: what the PDF carries must not smuggle invisible or reordering characters.
        TextRules.problem(extracted.text(), TextRules.Shape.DOCUMENT).ifPresent(problem -> {
            throw new DisclosureRejectedException("unreadable-document", "PDF 的文字" + problem.description(),
                    List.of(new ParseProblem(1, "", "PDF 的文字" + problem.description(), 1)));
        });
        try {
            return importDocument(extracted.text(), departmentCode, acceptFindings, template);
        } catch (DisclosureRejectedException e) {
            throw new DisclosureRejectedException(e.rule(), e.getMessage(), extracted.onPages(e.problems()));
        }
    }

    /**
     * A department's published workbook (one sheet per table): read into the text form by {@link XlsxText}, then
     * imported as that text; problems name the row of the text the workbook's rows became (sheet by sheet, a blank
     * line between sheets).
     *
     * @throws DisclosureRejectedException when the workbook cannot be read, or its document could not be imported
     */
    public ImportResult importXlsx(byte[] xlsx, String departmentCode, boolean acceptFindings, Template template) {
        String text;
        try {
            text = XlsxText.extract(xlsx);
        } catch (DisclosureParseException e) {
            throw new DisclosureRejectedException("unreadable-document", "工作簿无法读取", e.problems());
        }
        TextRules.problem(text, TextRules.Shape.DOCUMENT).ifPresent(problem -> {
            throw new DisclosureRejectedException("unreadable-document", "工作簿的文字" + problem.description(),
                    List.of(new ParseProblem(1, "", "工作簿的文字" + problem.description(), 1)));
        });
        return importDocument(text, departmentCode, acceptFindings, template);
    }

    /**
     * @param acceptFindings import a document whose cells cannot all be reproduced, recording those that are not
     * @throws DisclosureRejectedException when the document cannot be read or its tables cannot be reproduced
     */
    public ImportResult importDocument(String text, String departmentCode, boolean acceptFindings) {
        return importDocument(text, departmentCode, acceptFindings, null);
    }

    /** @param template the template to read the document in; null to recognise it by its table titles */
    public ImportResult importDocument(String text, String departmentCode, boolean acceptFindings,
                                       Template template) {
        String sha256 = sha256(text);
        ImportDisclosure command;
        DisclosureDocument document;
        try {
            document = new DisclosureParser().parse(text, template);
            command = DisclosureImport.command(document, departmentCode, sha256, "import-" + sha256.substring(0, 16),
                    acceptFindings);
        } catch (DisclosureParseException e) {
            throw new DisclosureRejectedException("unreadable-document", "文档无法导入：" + e.problems().size()
                    + " 个问题", e.problems());
        }
        Reconciliation.Report report = Reconciliation.compare(document.template(), document.tables(),
                render(command));
        if (report.mismatched() > command.findings().size()) {
            List<ParseProblem> problems = report.differences().stream()
                    .filter(cell -> cell.verdict() == Reconciliation.Verdict.MISMATCH)
                    .map(cell -> new ParseProblem(cell.sourceLine(), "表" + cell.table() + " " + cell.title(),
                            "“" + cell.row() + "”行 “" + cell.column() + "”列：公布 " + cell.published()
                                    + "，由重建的预算行得出 " + cell.rendered()))
                    .toList();
            throw new DisclosureRejectedException("tables-not-reproduced",
                    "由文档重建的预算行不能还原公布的表格：" + problems.size() + " 个单元格不符", problems);
        }
        command = command.withDocumentFindings(againstLastYear(document, command));
        command = command.withDocumentFindings(againstUnitBudgets(command));
        log.info("Importing disclosure {} ({} 年, {} lines) as budget {}", sha256.substring(0, 12),
                command.fiscalYear(), command.lines().size(), command.budgetId());
        commands.sendAndWait(command);
        int events = 2 + (command.procurement().isEmpty() ? 0 : 1) + command.lines().size() + command.priorYearFigures().size() + command.changeReasons().size()
                + command.currentYearFigures().size();
        return new ImportResult(command.budgetId(), command.lines().size(), events,
                new ImportResult.Counts(report.exact(), report.rounding(), report.mismatched()), command.findings(),
                warnings(document, command), document.template().id(), command.documentFindings());
    }

    /**
     * The narrative's last-year figures ("比上年增加…") against the department's budget of last year, when the ledger
     * holds it: a figure that is not last year's budget (beyond the rounding of 万元) is a finding. A document that
     * compares with executed figures or misstates last year shows here, named by its line.
     */
    private List<DocumentFinding> againstLastYear(DisclosureDocument document, ImportDisclosure command) {
        String lastYearId = BudgetId.of(command.departmentCode(), command.fiscalYear() - 1);
        Optional<BudgetRow> lastYear = budgets.budget(lastYearId);
        if (lastYear.isEmpty() || command.priorYearFigures().isEmpty()) {
            return List.of();
        }
        Map<BudgetSubject, Long> figures = SubjectFigures.of(lastYear.get(), budgetLines.lines(lastYearId), Map.of());
        List<DocumentFinding> findings = new ArrayList<>();
        for (ImportDisclosure.PriorYearFigure stated : command.priorYearFigures()) {
            Long ledger = figures.get(stated.subject());
            if (ledger == null || Math.abs(ledger - stated.amountFen()) <= HALF_WAN_YUAN_CENT) {
                continue;
            }
            findings.add(new DocumentFinding("警告", document.narrative().figure(stated.subject()).line(), "说明",
                    "说明中上年的" + stated.subject().label() + "为 " + wanYuan(stated.amountFen())
                            + " 万元，已导入的上年预算（" + lastYearId + "）为 " + wanYuan(ledger) + " 万元"));
        }
        return findings;
    }

    /**
     * A 部门预算 is the sum of its units' 单位预算: each unit's lines in the department's budget against that unit's own
     * budget of the same year (budget {unit code}-{year}), whichever of the two is imported second. Both are
     * reconstructed from tables within their rounding, so only a difference beyond it is a finding.
     */
    private List<DocumentFinding> againstUnitBudgets(ImportDisclosure command) {
        List<DocumentFinding> findings = new ArrayList<>();
        int year = command.fiscalYear();
        for (var unit : command.units()) {
            String unitBudgetId = BudgetId.of(unit.code(), year);
            if (unit.code().equals(command.departmentCode()) || budgets.budget(unitBudgetId).isEmpty()) {
                continue;
            }
            long inDepartment = command.lines().stream().filter(l -> l.unitCode().equals(unit.code()))
                    .mapToLong(ImportedLine::amountFen).sum();
            long own = budgetLines.lines(unitBudgetId).stream().mapToLong(BudgetLineRow::amountFen).sum();
            sumFinding(findings, unit.name() + "（" + unit.code() + "）", command.budgetId(), inDepartment,
                    unitBudgetId, own);
        }
        for (BudgetRow department : budgets.budgets()) {
            if (department.fiscalYear() != year || department.budgetId().equals(command.budgetId())
                    || department.units().stream().noneMatch(u -> u.code().equals(command.departmentCode()))) {
                continue;
            }
            long inDepartment = budgetLines.lines(department.budgetId()).stream()
                    .filter(l -> l.unitCode().equals(command.departmentCode())).mapToLong(BudgetLineRow::amountFen)
                    .sum();
            long own = command.lines().stream().mapToLong(ImportedLine::amountFen).sum();
            sumFinding(findings, command.departmentName() + "（" + command.departmentCode() + "）",
                    department.budgetId(), inDepartment, command.budgetId(), own);
        }
        return findings;
    }

    private static void sumFinding(List<DocumentFinding> findings, String unit, String departmentBudgetId,
                                   long inDepartment, String unitBudgetId, long own) {
        if (Math.abs(inDepartment - own) > 2 * HALF_WAN_YUAN_CENT) {
            findings.add(new DocumentFinding("警告", 1, "部门预算与单位预算", "单位 " + unit + " 在部门预算（"
                    + departmentBudgetId + "）中为 " + wanYuan(inDepartment) + " 万元，其单位预算（" + unitBudgetId
                    + "）为 " + wanYuan(own) + " 万元：部门预算应是其单位预算之和"));
        }
    }

    /** Half of 0.01 万元 in 分: a figure stated in 万元 to two decimals is within this of the exact one. */
    private static final long HALF_WAN_YUAN_CENT = 5_000;

    private static String wanYuan(long fen) {
        return java.math.BigDecimal.valueOf(fen).movePointLeft(6).setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** Codes outside the year's catalogue (named as the document names them) and the document's own warnings. */
    private static List<String> warnings(DisclosureDocument document, ImportDisclosure command) {
        List<String> warnings = new ArrayList<>();
        command.documentNames().forEach((code, name) -> warnings.add("科目 " + code + " 不在 " + command.fiscalYear()
                + " 年的分类目录中，沿用文档中的名称“" + name + "”"));
        document.warnings().forEach(problem -> warnings.add(problem.text()));
        return warnings;
    }

    /** The thirteen tables the command's lines would render, before anything is recorded. */
    private static Map<Integer, DisclosureTable> render(ImportDisclosure command) {
        BudgetHeader budget = new BudgetHeader(command.departmentCode(), command.departmentName(),
                command.fiscalYear(), command.units(), command.documentNames(), command.templateId(),
                command.procurement());
        List<BudgetLine> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            ImportedLine line = command.lines().get(i);
            lines.add(new BudgetLine("L" + (i + 1), line.unitCode(), line.functionalCode(), line.kind(),
                    line.deptEconomicCode(), line.govEconomicCode(), line.fundingSource(), line.origin(),
                    line.project(), line.amountFen()));
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
