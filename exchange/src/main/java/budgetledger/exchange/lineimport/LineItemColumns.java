package budgetledger.exchange.lineimport;

import java.util.List;
import java.util.Map;

/**
 * The sheets and columns of a line-item file, one name for each, as the template writes them and the reader looks
 * for them in the header row. {@code 预算行} holds one row per line with every dimension; {@code 追加追减} and
 * {@code 调剂} name lines by their 序号 in {@code 预算行} or by an existing line id (L12).
 */
public final class LineItemColumns {

    public static final String LINES = "预算行";
    public static final String ADJUSTMENTS = "追加追减";
    public static final String TRANSFERS = "调剂";

    public static final String NO = "序号";
    public static final String UNIT = "单位编码";
    public static final String FUNCTIONAL = "功能分类编码";
    public static final String KIND = "支出类型";
    public static final String DEPT_ECONOMIC = "部门经济分类编码";
    public static final String GOV_ECONOMIC = "政府经济分类编码";
    public static final String SOURCE = "资金来源";
    public static final String ORIGIN = "当年或上年结转";
    public static final String PROJECT = "项目名称";
    public static final String AMOUNT = "金额（元）";
    public static final String DOCUMENT_NO = "文号";
    public static final String REASON = "说明";
    public static final String LINE = "预算行";
    public static final String FROM = "调出行";
    public static final String TO = "调入行";

    public static final Map<String, List<String>> SHEETS = Map.of(
            LINES, List.of(NO, UNIT, FUNCTIONAL, KIND, DEPT_ECONOMIC, GOV_ECONOMIC, SOURCE, ORIGIN, PROJECT, AMOUNT,
                    DOCUMENT_NO, REASON),
            ADJUSTMENTS, List.of(LINE, AMOUNT, DOCUMENT_NO, REASON),
            TRANSFERS, List.of(FROM, TO, AMOUNT, DOCUMENT_NO, REASON));

    /** The sheets in the order the template writes them and the import applies them. */
    public static final List<String> SHEET_ORDER = List.of(LINES, ADJUSTMENTS, TRANSFERS);

    /** Columns that may be blank on a row. */
    static final List<String> OPTIONAL = List.of(NO, DEPT_ECONOMIC, GOV_ECONOMIC, PROJECT);

    /** The column of a field the ledger's rules name ({@code functionalCode} → 功能分类编码). */
    static final Map<String, String> OF_FIELD = Map.ofEntries(
            Map.entry("unitCode", UNIT), Map.entry("functionalCode", FUNCTIONAL), Map.entry("kind", KIND),
            Map.entry("deptEconomicCode", DEPT_ECONOMIC), Map.entry("govEconomicCode", GOV_ECONOMIC),
            Map.entry("fundingSource", SOURCE), Map.entry("origin", ORIGIN), Map.entry("project", PROJECT),
            Map.entry("amount", AMOUNT), Map.entry("documentNo", DOCUMENT_NO), Map.entry("reason", REASON),
            Map.entry("line", LINE), Map.entry("fromLine", FROM), Map.entry("toLine", TO));

    private LineItemColumns() {
    }
}
