package budgetledger.model;

/**
 * What the definitions of the derived figures (Figures) read of a budget line: the disclosure module's line and the
 * read model's row both are one.
 */
public interface FigureLine {

    String unitCode();

    ExpenditureKind kind();

    /** The 部门经济分类 item; null on a line without one. */
    String deptEconomicCode();

    FundingSource fundingSource();

    Origin origin();

    long amountFen();
}
