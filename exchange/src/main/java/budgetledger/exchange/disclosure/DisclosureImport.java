package budgetledger.exchange.disclosure;

import budgetledger.command.api.ImportDisclosure;
import budgetledger.events.CellFinding;
import budgetledger.events.DocumentFinding;
import budgetledger.events.PublishedTable;
import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.BudgetLine;
import budgetledger.disclosure.DisclosureDocument;
import budgetledger.disclosure.DisclosureParseException;
import budgetledger.disclosure.Narrative;
import budgetledger.disclosure.NarrativeFigure;
import budgetledger.disclosure.ParseProblem;
import budgetledger.disclosure.Reconstruction;
import budgetledger.command.api.ImportDisclosure.ChangeReason;
import budgetledger.command.api.ImportDisclosure.CurrentYearFigure;
import budgetledger.command.api.ImportDisclosure.ImportedLine;
import budgetledger.command.api.ImportDisclosure.PriorYearFigure;
import budgetledger.model.BudgetId;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.UnitType;
import budgetledger.model.table.TableRow;

import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a parsed disclosure into the one command that opens its budget: units with inferred types and codes,
 * the reconstructed opening lines, the published tables, and the narrative's prior-year figures and reasons.
 */
public final class DisclosureImport {

    /** Subjects whose prior-year figure and reason the narrative states. */
    private static final List<BudgetSubject> NARRATED = List.of(BudgetSubject.TOTAL,
            BudgetSubject.EXPENDITURE, BudgetSubject.GENERAL_PUBLIC_EXPENDITURE, BudgetSubject.THREE_PUBLIC_TOTAL,
            BudgetSubject.TRAVEL_ABROAD, BudgetSubject.RECEPTION, BudgetSubject.VEHICLE_TOTAL,
            BudgetSubject.VEHICLE_PURCHASE, BudgetSubject.VEHICLE_OPERATION, BudgetSubject.AGENCY_OPERATING_COST);
    /** The parts of 政府采购 the narrative states; no line gives them, so this year's figures are recorded as stated. */
    private static final List<BudgetSubject> PROCUREMENT_PARTS = List.of(BudgetSubject.PROCUREMENT_GOODS,
            BudgetSubject.PROCUREMENT_WORKS, BudgetSubject.PROCUREMENT_SERVICES);

    private DisclosureImport() {
    }

    /**
     * @param departmentCode the code to use when the document states none (null to require the document's)
     * @param acceptFindings import even when some cells cannot be reproduced together with the others; they are
     *                       recorded as findings
     * @throws DisclosureParseException when the department code is missing or the tables cannot be reconstructed
     */
    public static ImportDisclosure command(DisclosureDocument document, String departmentCode, String documentSha256,
                                           String commandId, boolean acceptFindings) {
        String code = departmentCode != null && !departmentCode.isBlank() ? departmentCode.strip()
                : document.departmentCode();
        if (code == null) {
            throw new DisclosureParseException(List.of(new ParseProblem(1, "",
                    "文档没有写明部门编码（主管部门及代码）；请在导入时指定 departmentCode")));
        }
        BudgetHeader header;
        Reconstruction.Result result;
        try {
            Reconstruction.Reconstructed reconstructed = Reconstruction.reconstruct(document, code, acceptFindings);
            header = reconstructed.header();
            result = reconstructed.result();
        } catch (Reconstruction.ReconstructionException e) {
            throw new DisclosureParseException(e.problems());
        } catch (RuntimeException e) {
            // A document the parser read but the reconstruction could not take is refused like any other, not a 500.
            LoggerFactory.getLogger(DisclosureImport.class).warn("Reconstruction failed on a parsed document", e);
            throw new DisclosureParseException(List.of(new ParseProblem(1, "",
                    "无法由公布的表格重建预算行：" + e.getMessage())));
        }
        List<ImportedLine> imported = result.lines().stream().map(solved -> {
            BudgetLine l = solved.line();
            return new ImportedLine(l.unitCode(), l.functionalCode(), l.kind(), l.deptEconomicCode(),
                    l.govEconomicCode(), l.fundingSource(), l.origin(), l.project(), l.amountFen(),
                    "重建：" + solved.provenance());
        }).toList();
        List<CellFinding> findings = result.findings().stream().map(f -> new CellFinding(f.cell().table(),
                f.cell().title(), f.cell().rowLabel(), f.cell().columnName(), f.cell().sourceLine(),
                f.cell().published(), f.ledgerFen(), f.cell().fenPerUnit() == 1_000_000 ? null : f.cell().unit()))
                .toList();
        List<DocumentFinding> documentFindings = document.warnings().stream().map(w -> new DocumentFinding(
                DisclosureDocument.severity(w), w.line(), w.table().isEmpty() ? "文档" : w.table(), w.message()))
                .toList();
        List<BudgetUnit> units = header.units();
        List<PriorYearFigure> figures = new ArrayList<>();
        List<ChangeReason> reasons = new ArrayList<>();
        for (BudgetSubject subject : NARRATED) {
            NarrativeFigure figure = document.narrative().figure(subject);
            if (figure.priorYearWanYuan() != null) {
                figures.add(new PriorYearFigure(subject, figure.priorYearWanYuan().movePointRight(6).longValueExact()));
            }
            if (figure.reason() != null && !figure.reason().isBlank()) {
                reasons.add(new ChangeReason(subject, figure.reason().strip()));
            }
        }
        List<PublishedTable> tables = document.tables().values().stream()
                .map(t -> PublishedTable.of(t, document.template().table(t.number()).unit())).toList();
        return new ImportDisclosure(BudgetId.of(code, document.fiscalYear()), code, document.departmentName(),
                document.fiscalYear(), units, imported, figures, reasons, procurement(document.narrative()), tables,
                header.documentNames(), findings, document.fiscalYear() + "年度部门预算公开", documentSha256,
                commandId, document.template().isSeed() ? null : document.template().id(), documentFindings,
                result.procurement());
    }

    /**
     * The 政府采购 total and its parts as the narrative states them. Parts that together exceed the total are a
     * narrative typed wrong: only the total is kept then, and the parts are left for finance staff to record.
     */
    static List<CurrentYearFigure> procurement(Narrative narrative) {
        List<CurrentYearFigure> figures = new ArrayList<>();
        NarrativeFigure total = narrative.figure(BudgetSubject.GOVERNMENT_PROCUREMENT);
        if (total.isPresent()) {
            figures.add(new CurrentYearFigure(BudgetSubject.GOVERNMENT_PROCUREMENT, fen(total)));
        }
        List<CurrentYearFigure> parts = PROCUREMENT_PARTS.stream().filter(s -> narrative.figure(s).isPresent())
                .map(s -> new CurrentYearFigure(s, fen(narrative.figure(s)))).toList();
        long partsFen = parts.stream().mapToLong(CurrentYearFigure::amountFen).sum();
        if (!total.isPresent() || partsFen <= fen(total)) {
            figures.addAll(parts);
        }
        return figures;
    }

    private static long fen(NarrativeFigure figure) {
        return figure.amountWanYuan().movePointRight(6).longValueExact();
    }
}
