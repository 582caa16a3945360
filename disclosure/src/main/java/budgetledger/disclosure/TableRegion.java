package budgetledger.disclosure;

import java.util.List;

/**
 * The lines of a document that belong to one table: from its title to the last line before the text moves on.
 *
 * @param titleLine   the line of the title (1-based)
 * @param year        the year printed before the title
 * @param rowLines    the lines holding TAB-separated cells, header rows included, in order
 * @param noDataLine  the line saying 注：本表无数据; 0 when the table does not say so
 * @param lastLine    the last line read as part of the table
 * @param reachedEnd  true when the document ended inside the table: it was cut off
 */
record TableRegion(TableLayout layout, int titleLine, int year, List<Integer> rowLines, int noDataLine, int lastLine,
                   boolean reachedEnd) {
}
