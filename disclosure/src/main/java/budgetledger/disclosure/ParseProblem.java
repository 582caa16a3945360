package budgetledger.disclosure;

/**
 * One thing found in a published document, where it was found and what is wrong, in the words users read.
 *
 * @param line    the 1-based line of the document (of its page, when {@code page} is set); for something missing,
 *                the line where it was expected
 * @param table   the table it concerns, e.g. "表2 预算收入总表"; "" when it concerns the document as a whole
 * @param message what is wrong, in Chinese, e.g. 金额 “34a7.06” 不是数字
 * @param page    the 1-based page of the PDF the line was read from; 0 for a text document
 */
public record ParseProblem(int line, String table, String message, int page) {

    public ParseProblem(int line, String table, String message) {
        this(line, table, message, 0);
    }

    /** The same problem placed on a page of the PDF its document was read from. */
    public ParseProblem onPage(int page, int lineOnPage) {
        return new ParseProblem(lineOnPage, table, message, page);
    }

    /** The sentence shown to users: 第 123 行，表2 预算收入总表：金额 “34a7.06” 不是数字 (第 9 页第 12 行 for a PDF). */
    public String text() {
        String where = page > 0 ? "第 " + page + " 页第 " + line + " 行" : "第 " + line + " 行";
        return table.isEmpty() ? where + "：" + message : where + "，" + table + "：" + message;
    }

    @Override
    public String toString() {
        return text();
    }
}
