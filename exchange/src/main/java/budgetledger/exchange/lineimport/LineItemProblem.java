package budgetledger.exchange.lineimport;

/**
 * What is wrong with a cell of a line-item file: its sheet, row (1 = the header row, as Excel numbers them),
 * column letter and column name; {@code text} says it all in one sentence.
 */
public record LineItemProblem(String sheet, int row, String column, String columnName, String message,
                              String text) {

    static LineItemProblem of(String sheet, int row, int columnIndex, String columnName, String message) {
        String letter = columnIndex < 0 ? "" : letter(columnIndex);
        String where = "工作表“" + sheet + "”" + (row > 0 ? "第 " + row + " 行" : "")
                + (columnName == null ? "" : (letter.isEmpty() ? "" : " " + letter + " 列") + "（" + columnName + "）");
        return new LineItemProblem(sheet, row, letter, columnName, message, where + "：" + message);
    }

    /** A, B, … Z, AA … for a 0-based column index. */
    static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
