package budgetledger.disclosure.tables;

import budgetledger.model.FundingSource;
import budgetledger.disclosure.BudgetLine;

import java.util.List;

/** The order in which the tables give funding sources their amount columns (and table 1 its income rows). */
final class SourceColumns {

    /** Every source: tables 1 (income rows), 2 and 12. */
    static final List<FundingSource> ALL = List.of(FundingSource.GENERAL_PUBLIC, FundingSource.GOVERNMENT_FUND,
            FundingSource.STATE_CAPITAL, FundingSource.FISCAL_SPECIAL_ACCOUNT, FundingSource.UNIT_OWN);

    /** The 财政拨款 sources: tables 4 (income rows), 10, 11 and 13. */
    static final List<FundingSource> FISCAL = List.of(FundingSource.GENERAL_PUBLIC, FundingSource.GOVERNMENT_FUND,
            FundingSource.STATE_CAPITAL);

    private SourceColumns() {
    }

    /** The place of the line's source in {@code sources}; a line the caller should have left out is a bug. */
    static int indexOf(List<FundingSource> sources, BudgetLine line) {
        int index = sources.indexOf(line.fundingSource());
        if (index < 0) {
            throw new IllegalStateException("line " + line.lineId() + ": " + line.fundingSource().label()
                    + " has no column here; only " + sources);
        }
        return index;
    }
}
