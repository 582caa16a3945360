package budgetledger.disclosure;

/**
 * One thing found in a published document, where it was found and what is wrong, in the words users read.
 *
 * @param line    the 1-based line of the document; for something missing, the line where it was expected
 * @param table   the table it concerns, e.g. "表2 预算收入总表"; "" when it concerns the document as a whole
 * @param message what is wrong, in Chinese, e.g. 金额 “34a7.06” 不是数字
 */
public record ParseProblem(int line, String table, String message) {

    /** The sentence shown to users: 第 123 行，表2 预算收入总表：金额 “34a7.06” 不是数字. */
    public String text() {
        return table.isEmpty()
                ? "第 " + line + " 行：" + message
                : "第 " + line + " 行，" + table + "：" + message;
    }

    @Override
    public String toString() {
        return text();
    }
}
