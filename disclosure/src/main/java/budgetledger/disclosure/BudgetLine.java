package budgetledger.disclosure;

import budgetledger.model.FigureLine;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;

/**
 * One line of the ledger (预算指标) as the document work sees it: its dimensions and its amount in 分. The tables
 * are rendered from these, the reconstruction solves for them, and the read model's rows are turned into them.
 * Economic codes are null where the line has none; {@code project} is null on basic lines.
 */
public record BudgetLine(String lineId, String unitCode, String functionalCode, ExpenditureKind kind,
                         String deptEconomicCode, String govEconomicCode, FundingSource fundingSource, Origin origin,
                         String project, long amountFen) implements FigureLine {

    public BudgetLine withAmount(long newAmountFen) {
        return new BudgetLine(lineId, unitCode, functionalCode, kind, deptEconomicCode, govEconomicCode,
                fundingSource, origin, project, newAmountFen);
    }

    public BudgetLine withId(String newLineId) {
        return new BudgetLine(newLineId, unitCode, functionalCode, kind, deptEconomicCode, govEconomicCode,
                fundingSource, origin, project, amountFen);
    }
}
