package budgetledger.web;

import budgetledger.model.table.DisclosureTable;

import java.util.Set;

/**
 * One table just before and just after a change, each laid out as published, the amount cells that differ marked on
 * both sides (a row that exists on one side only is marked whole). {@code before} is null when the change opened
 * the budget.
 */
record TableComparison(TablePage before, TablePage after, int changedCells) {

    static TableComparison of(int fiscalYear, DisclosureTable before, DisclosureTable after) {
        TablePage was = before == null ? null : TablePage.of(fiscalYear, before, Set.of());
        TablePage now = TablePage.of(fiscalYear, after, Set.of());
        TablePage markedNow = now.marking(was);
        return new TableComparison(was == null ? null : was.marking(now), markedNow, markedNow.changedCells());
    }
}
