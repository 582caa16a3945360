package budgetledger.command.api;

import budgetledger.events.CellFinding;
import budgetledger.events.DocumentFinding;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.ProcurementItem;
import budgetledger.events.PublishedTable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * Open a budget from a published disclosure in one step: its units, the opening lines reconstructed from its
 * tables, the published tables themselves, the prior-year figures and reasons of its narrative, and this year's
 * figures the narrative states that no line gives (政府采购), and the 政府采购 items its procurement table lists. It
 * lands whole or not at all.
 */
public record ImportDisclosure(@TargetAggregateIdentifier String budgetId, String departmentCode,
                               String departmentName, int fiscalYear, List<BudgetUnit> units,
                               List<ImportedLine> lines, List<PriorYearFigure> priorYearFigures,
                               List<ChangeReason> changeReasons, List<CurrentYearFigure> currentYearFigures,
                               List<PublishedTable> publishedTables, Map<String, String> documentNames,
                               List<CellFinding> findings, String documentNo, String documentSha256,
                               String commandId, String templateId, List<DocumentFinding> documentFindings,
                               List<ProcurementItem> procurement) {

    public ImportDisclosure {
        documentFindings = documentFindings == null ? List.of() : List.copyOf(documentFindings);
        procurement = procurement == null ? List.of() : List.copyOf(procurement);
    }

    /** The same import with more of the document's findings. */
    public ImportDisclosure withDocumentFindings(List<DocumentFinding> more) {
        List<DocumentFinding> all = new java.util.ArrayList<>(documentFindings);
        all.addAll(more);
        return new ImportDisclosure(budgetId, departmentCode, departmentName, fiscalYear, units, lines,
                priorYearFigures, changeReasons, currentYearFigures, publishedTables, documentNames, findings,
                documentNo, documentSha256, commandId, templateId, all, procurement);
    }

    /** A document of the seed's template without document findings. */
    public ImportDisclosure(String budgetId, String departmentCode, String departmentName, int fiscalYear,
                            List<BudgetUnit> units, List<ImportedLine> lines, List<PriorYearFigure> priorYearFigures,
                            List<ChangeReason> changeReasons, List<CurrentYearFigure> currentYearFigures,
                            List<PublishedTable> publishedTables, Map<String, String> documentNames,
                            List<CellFinding> findings, String documentNo, String documentSha256, String commandId) {
        this(budgetId, departmentCode, departmentName, fiscalYear, units, lines, priorYearFigures, changeReasons,
                currentYearFigures, publishedTables, documentNames, findings, documentNo, documentSha256, commandId,
                null, List.of(), List.of());
    }

    /** An opening line in 分, with how it was derived from the tables. */
    public record ImportedLine(String unitCode, String functionalCode, ExpenditureKind kind, String deptEconomicCode,
                               String govEconomicCode, FundingSource fundingSource, Origin origin, String project,
                               long amountFen, String provenance) {
    }

    public record PriorYearFigure(BudgetSubject subject, long amountFen) {
    }

    public record ChangeReason(BudgetSubject subject, String reason) {
    }

    /** This year's figure of a subject the lines do not give, in 分. */
    public record CurrentYearFigure(BudgetSubject subject, long amountFen) {
    }
}
