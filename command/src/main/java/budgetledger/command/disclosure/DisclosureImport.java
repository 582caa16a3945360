package budgetledger.command.disclosure;

import budgetledger.command.api.ImportDisclosure;
import budgetledger.command.api.ImportDisclosure.ChangeReason;
import budgetledger.command.api.ImportDisclosure.CurrentYearFigure;
import budgetledger.command.api.ImportDisclosure.ImportedLine;
import budgetledger.command.api.ImportDisclosure.PriorYearFigure;
import budgetledger.model.BudgetId;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.UnitType;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

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
     * @throws DisclosureParseException when the department code is missing or the tables cannot be reconstructed
     */
    public static ImportDisclosure command(DisclosureDocument document, String departmentCode, String documentSha256,
                                           String commandId) {
        String code = departmentCode != null && !departmentCode.isBlank() ? departmentCode.strip()
                : document.departmentCode();
        if (code == null) {
            throw new DisclosureParseException(List.of(new ParseProblem(1, "",
                    "文档没有写明部门编码（主管部门及代码）；请在导入时指定 departmentCode")));
        }
        List<BudgetUnit> units = units(document, code);
        List<Reconstruction.Line> lines;
        try {
            lines = Reconstruction.reconstruct(document.fiscalYear(), units, document.tables());
        } catch (Reconstruction.ReconstructionException e) {
            throw new DisclosureParseException(e.problems());
        }
        List<ImportedLine> imported = lines.stream().map(l -> new ImportedLine(l.unitCode(), l.functionalCode(),
                l.kind(), l.deptEconomicCode(), l.govEconomicCode(), l.fundingSource(), l.origin(), l.project(),
                l.amountFen(), l.provenance())).toList();
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
        List<DisclosureTable> tables = document.tables().values().stream().toList();
        return new ImportDisclosure(BudgetId.of(code, document.fiscalYear()), code, document.departmentName(),
                document.fiscalYear(), units, imported, figures, reasons, procurement(document.narrative()), tables,
                document.fiscalYear() + "年度部门预算公开", documentSha256, commandId);
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

    /**
     * The units in the document's order, coded {departmentCode}001, 002 …. A document does not state types: the
     * first unit (the department's own, 本级) is 行政; the other units that table 11 lists (机关运行经费 exists only
     * for 行政 and 参公 units) are 参公; the rest are 事业.
     */
    static List<BudgetUnit> units(DisclosureDocument document, String departmentCode) {
        Set<String> agencyUnits = document.table(11).rows().stream().filter(r -> r.level() == 1)
                .map(TableRow::labels).map(labels -> labels.get(0).strip()).collect(Collectors.toSet());
        List<BudgetUnit> units = new ArrayList<>();
        List<String> names = document.unitNames();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            UnitType type = i == 0 ? UnitType.ADMINISTRATIVE
                    : agencyUnits.contains(name) ? UnitType.CIVIL_SERVICE_MANAGED : UnitType.PUBLIC_INSTITUTION;
            units.add(new BudgetUnit(departmentCode + String.format("%03d", i + 1), name, type));
        }
        return units;
    }
}
