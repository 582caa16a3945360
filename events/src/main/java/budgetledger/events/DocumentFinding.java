package budgetledger.events;

/**
 * A defect of an imported document that does not stop the import, recorded as found and never corrected: a
 * narrative percentage its own amounts contradict, a comparison with last year's executed figures (预算执行数) or
 * with the document's own year, an empty-table note over a table with figures.
 *
 * @param severity   警告 (the document contradicts itself or the tables) or 提示 (a comparison of the wrong kind)
 * @param sourceLine the line of the document (of the text the PDF was read into) where it is
 * @param place      where in the document: 说明 (the narrative) or the table (表3 部门支出预算总表)
 * @param text       what, in the users' words, with the document's own words quoted
 */
public record DocumentFinding(String severity, int sourceLine, String place, String text) {
}
