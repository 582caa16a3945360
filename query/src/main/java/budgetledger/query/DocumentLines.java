package budgetledger.query;

import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.BudgetLine;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;

import java.util.List;

/** The read model's budget and lines as the disclosure module takes them (it knows nothing of the read model). */
public final class DocumentLines {

    private DocumentLines() {
    }

    public static BudgetHeader header(BudgetRow budget) {
        return new BudgetHeader(budget.departmentCode(), budget.departmentName(), budget.fiscalYear(), budget.units(),
                budget.documentNames(), budget.templateId(), budget.procurement());
    }

    public static List<BudgetLine> lines(List<BudgetLineRow> rows) {
        return rows.stream().map(DocumentLines::line).toList();
    }

    public static BudgetLine line(BudgetLineRow row) {
        return new BudgetLine(row.lineId(), row.unitCode(), row.functionalCode(), row.kind(), row.deptEconomicCode(),
                row.govEconomicCode(), row.fundingSource(), row.origin(), row.project(), row.amountFen());
    }
}
