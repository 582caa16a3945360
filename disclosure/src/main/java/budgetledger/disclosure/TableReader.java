package budgetledger.disclosure;

import budgetledger.disclosure.TableLayout.Kind;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the rows of one table region into a {@link DisclosureTable}: tells header rows from data rows, maps the
 * published cells to the label and amount columns of docs/TABLES.md, reads amounts and gives each row its level.
 */
final class TableReader {

    /**
     * Words of header rows, compared without spaces and without a leading year (2026年预算数 → 预算数). A row made only
     * of these words (and blanks) is a header, also when a page break repeats it in the middle of a table.
     */
    private static final Set<String> HEADER_WORDS = Set.of(
            "项目", "项目名称", "科目编码", "科目名称", "收入科目编码", "收入科目名称", "单位名称", "收入", "支出", "金额",
            "合计", "小计", "本年收入", "上年结转", "预算数", "财政拨款", "一般公共预算", "政府性基金", "政府性基金预算",
            "国有资本经营预算", "财政专户管理资金", "单位资金", "基本支出", "项目支出", "人员经费", "公用经费",
            "部门预算支出经济科目名称", "政府预算支出经济科目名称", "政府性基金收入预算", "国有资本经营收入预算",
            "国有资本经营预算收入", "国有资本经营预算支出", "当年预算安排", "上年结转安排", "本年预算", "预算");

    private static final Pattern LEADING_YEAR = Pattern.compile("^\\d{4}年?度?");
    private static final Pattern CODE = Pattern.compile("\\d+");
    private static final Pattern CHINESE_ORDINAL = Pattern.compile("^[一二三四五六七八九十]+、.*");
    private static final Pattern CIRCLED_NUMBER = Pattern.compile("^[①②③④⑤⑥⑦⑧⑨⑩]");

    /** Rows of tables 1 and 4 that are neither numbered (一、…) nor totals. */
    private static final Set<String> PAIRED_LABELS = Set.of("上年结转", "上年财政拨款结转", "年终结转");
    static final Set<String> CARRIED_IN_LABELS = Set.of("上年结转", "上年财政拨款结转");

    static final String TRAVEL_ABROAD = "因公出国（境）费";
    static final String RECEPTION = "公务接待费";
    static final String VEHICLE_TOTAL = "公务用车购置及运行费";
    static final String VEHICLE_PURCHASE = "公务用车购置费";
    static final String VEHICLE_OPERATION = "公务用车运行维护费";
    private static final Set<String> THREE_PUBLIC_LABELS =
            Set.of(TRAVEL_ABROAD, RECEPTION, VEHICLE_TOTAL, VEHICLE_PURCHASE, VEHICLE_OPERATION);

    /** A project or unit name longer than this is not a name but text that lost its line breaks. */
    private static final int MAX_LABEL = 500;

    private final TableRegion region;
    private final List<String> lines;
    private final String departmentName;
    private final Set<String> knownUnits;
    private final Problems problems;
    private final List<ParseProblem> warnings;
    private final TableLayout layout;
    private final String table;

    /** A data row as read, before it gets its level. */
    private record Cells(int line, List<String> labels, List<BigDecimal> amounts) {
    }

    /**
     * @param knownUnits unit names known before tables 12 and 13 are read (the department, the 机构设置 text, table 11),
     *                   normalised; they mark unit rows of tables 12 and 13 (see {@link ProjectLevels})
     */
    TableReader(TableRegion region, List<String> lines, String departmentName, Set<String> knownUnits,
                Problems problems, List<ParseProblem> warnings) {
        this.region = region;
        this.lines = lines;
        this.departmentName = departmentName;
        this.knownUnits = knownUnits;
        this.problems = problems;
        this.warnings = warnings;
        this.layout = region.layout();
        this.table = layout.displayName();
    }

    DisclosureTable read() {
        List<Cells> data = new ArrayList<>();
        for (int lineNo : region.rowLines()) {
            Cells cells = cells(lineNo);
            if (cells != null) {
                data.add(cells);
            }
        }
        if (region.reachedEnd()) {
            problems.add(lines.size(), table, "文档在此表中途结束，文档不完整（被截断）");
        }
        List<TableRow> rows = levelled(data);
        if (rows.isEmpty()) {
            if (region.noDataLine() > 0) {
                rows = List.of(emptyTotalRow(region.noDataLine()));
            } else {
                problems.add(region.lastLine(), table, "只有表头，没有数据行（文档可能被截断）");
            }
        } else if (rows.stream().noneMatch(r -> r.level() == 0)) {
            problems.add(rows.get(rows.size() - 1).sourceLine(), table, "缺少合计行（文档可能被截断）");
        }
        if (region.noDataLine() > 0 && rows.stream().anyMatch(r -> r.amounts().stream().anyMatch(a -> a != null))) {
            if (layout.filtered()) {
                // A real defect of published documents (an empty-table note left on a table with figures): the
                // figures are what the ledger reproduces, the note is reported.
                warnings.add(new ParseProblem(region.noDataLine(), table, "注明本表为空表，但表中有金额"));
            } else {
                problems.add(region.noDataLine(), table, "注明“本表无数据”，但表中有金额");
            }
        }
        return new DisclosureTable(layout.number(), layout.title(), layout.labelColumns(), layout.amountColumns(),
                Collections.unmodifiableList(rows));
    }

    /** The cells of a data row, or null for a header, numbering or blank row. */
    private Cells cells(int lineNo) {
        String[] published = lines.get(lineNo - 1).split("\t", -1);
        List<String> labels = new ArrayList<>();
        List<String> amountTexts = new ArrayList<>();
        int lastFilled = -1;
        for (int c = 0; c < published.length; c++) {
            published[c] = published[c].strip();
            if (!published[c].isEmpty()) {
                lastFilled = c;
            }
        }
        if (lastFilled < 0 || isNumbering(published, lastFilled)) {
            return null;
        }
        if (lastFilled == 0 && layout.nothingWords().contains(published[0])
                || layout.skipWords().contains(TableLayout.normalise(published[0]))) {
            return null;
        }
        if (layout.kind() == Kind.SINGLE_ROW && !allNumbers(published, lastFilled)) {
            return null;
        }
        for (int c = 0; c < layout.cellCount(); c++) {
            String cell = c < published.length ? published[c] : "";
            (layout.cells().charAt(c) == 'L' ? labels : amountTexts).add(cell);
        }
        if (layout.kind() != Kind.SINGLE_ROW && !isDataRow(labels)) {
            if (isHeader(published)) {
                return null;
            }
            if (!freeTextLabels()) {
                problems.add(lineNo, table, "无法识别的行 “" + abbreviate(String.join(" ", published)) + "”");
                return null;
            }
        }
        // PDF extraction leaves trailing TABs; only a filled cell beyond the table's columns is a problem.
        if (lastFilled >= layout.cellCount()) {
            problems.add(lineNo, table, "该行有 " + (lastFilled + 1) + " 个单元格，多于本表的 " + layout.cellCount() + " 列");
        }
        for (String label : labels) {
            if (label.length() > MAX_LABEL) {
                problems.add(lineNo, table, "名称超过 " + MAX_LABEL + " 个字");
            }
        }
        List<BigDecimal> amounts = new ArrayList<>();
        for (int a = 0; a < amountTexts.size(); a++) {
            amounts.add(amount(lineNo, amountTexts.get(a), layout.amountColumns().get(a)));
        }
        return new Cells(lineNo, List.copyOf(labels), Collections.unmodifiableList(amounts));
    }

    private BigDecimal amount(int lineNo, String text, String column) {
        // Publishers print "-" (or a dash of another width) where a cell holds nothing: the same as a blank cell.
        if (text.isEmpty() || Amounts.isDash(text)) {
            return null;
        }
        if (!Amounts.isNumber(text)) {
            problems.add(lineNo, table, "“" + column + "”列金额 “" + text + "” 不是数字");
            return null;
        }
        if (Amounts.hasFractionOfFen(text)) {
            problems.add(lineNo, table, "“" + column + "”列金额 “" + text + "” 超过两位小数");
            return null;
        }
        return Amounts.wanYuan(text);
    }

    /** A row of a one-row table: every filled cell is an amount or a dash (其中 cells printed "0"). */
    private static boolean allNumbers(String[] cells, int lastFilled) {
        for (int c = 0; c <= lastFilled; c++) {
            if (!cells[c].isEmpty() && !Amounts.isNumber(cells[c]) && !Amounts.isDash(cells[c])) {
                return false;
            }
        }
        return true;
    }

    /** Rows that the labels alone identify as data: totals, codes, numbered rows, the fixed rows of tables 1, 4, 10. */
    private boolean isDataRow(List<String> labels) {
        if (labels.stream().anyMatch(TableReader::isTotalLabel)) {
            return true;
        }
        if (layout.filtered() && layout.codeCells() > 0) {
            return CODE.matcher(layout.rowCode(labels)).matches();
        }
        if (layout.filtered() && layout.kind() == Kind.PAIRED) {
            return labels.stream().map(TableLayout::normalise).anyMatch(l -> INCOME_ORDINAL.matcher(l).find()
                    || fixedLabels().contains(INCOME_ORDINAL.matcher(l).replaceFirst("")));
        }
        return switch (layout.kind()) {
            case FUNCTIONAL -> CODE.matcher(layout.rowCode(labels)).matches();
            case PAIRED -> labels.stream().map(TableLayout::normalise)
                    .anyMatch(l -> CHINESE_ORDINAL.matcher(l).matches() || PAIRED_LABELS.contains(l)
                            || layout.filtered() && incomeLevel(l) == 2);
            case THREE_PUBLIC -> THREE_PUBLIC_LABELS.contains(threePublicLabel(labels.get(0)));
            case ECONOMIC, UNITS, PROJECTS, SINGLE_ROW, PROCUREMENT -> false;
        };
    }

    /** Tables whose rows are named freely (economic items, units, projects): any row that is no header is data. */
    private boolean freeTextLabels() {
        return (layout.kind() == Kind.ECONOMIC && layout.codeCells() == 0) || layout.kind() == Kind.UNITS
                || layout.kind() == Kind.PROJECTS || layout.kind() == Kind.PROCUREMENT;
    }

    private boolean isHeader(String[] cells) {
        for (String cell : cells) {
            String word = LEADING_YEAR.matcher(TableLayout.normalise(cell)).replaceFirst("");
            if (!word.isEmpty() && !HEADER_WORDS.contains(word) && !ownHeaderWords().contains(word)) {
                return false;
            }
        }
        return true;
    }

    private Set<String> ownHeaderWords;

    /** The table's own header words: its column names, print words and groups, and the words its template adds. */
    private Set<String> ownHeaderWords() {
        if (ownHeaderWords == null) {
            Set<String> words = new java.util.HashSet<>();
            List<String> all = new ArrayList<>(layout.labelColumns());
            all.addAll(layout.amountColumns());
            all.addAll(layout.print().words());
            layout.print().groups().forEach(g -> all.add(g.text()));
            all.addAll(layout.headerWords());
            for (String word : all) {
                words.add(LEADING_YEAR.matcher(TableLayout.normalise(word.replace(TableLayout.YEAR, ""))).replaceFirst(""));
            }
            ownHeaderWords = words;
        }
        return ownHeaderWords;
    }

    /** The column numbering row under some headers: 1 2 3 4 5 6 7. */
    private static boolean isNumbering(String[] cells, int lastFilled) {
        for (int c = 0; c <= lastFilled; c++) {
            if (!cells[c].equals(Integer.toString(c + 1))) {
                return false;
            }
        }
        return lastFilled > 0;
    }

    static boolean isTotalLabel(String label) {
        String l = TableLayout.normalise(label);
        return l.endsWith("合计") || l.endsWith("总计");
    }

    /** "①公务用车购置费" → 公务用车购置费. */
    static String threePublicLabel(String label) {
        return CIRCLED_NUMBER.matcher(TableLayout.normalise(label)).replaceFirst("");
    }

    /**
     * The rows of a side-by-side table rendered from filters, as two lists of half rows (see
     * {@code TemplateTables}): the income halves, then the expenditure halves, then 收入总计 and 支出总计.
     */
    private List<TableRow> halves(List<Cells> data) {
        int incomeAmounts = layout.amountCount() - layout.columnFilters().size();
        List<TableRow> income = new ArrayList<>();
        List<TableRow> expenditure = new ArrayList<>();
        List<TableRow> totals = new ArrayList<>();
        for (Cells c : data) {
            List<BigDecimal> in = new ArrayList<>(Collections.nCopies(layout.amountCount(), (BigDecimal) null));
            List<BigDecimal> out = new ArrayList<>(Collections.nCopies(layout.amountCount(), (BigDecimal) null));
            for (int a = 0; a < c.amounts.size(); a++) {
                (a < incomeAmounts ? in : out).set(a, c.amounts.get(a));
            }
            String inLabel = c.labels.get(0);
            String outLabel = c.labels.get(1);
            if (isTotalLabel(inLabel) && !isTotalLabel(outLabel) && !outLabel.isEmpty()) {
                // a total beside an expenditure row is no total row: keep the halves apart as printed
                income.add(new TableRow(0, List.of(inLabel, ""), Collections.unmodifiableList(in), c.line));
                inLabel = "";
                in = new ArrayList<>(Collections.nCopies(layout.amountCount(), (BigDecimal) null));
            }
            if (!inLabel.isEmpty() || in.stream().anyMatch(a -> a != null)) {
                boolean total = isTotalLabel(inLabel);
                TableRow row = new TableRow(total ? 0 : incomeLevel(inLabel), List.of(inLabel, ""),
                        Collections.unmodifiableList(in), c.line);
                (total ? totals : income).add(row);
            }
            if (!outLabel.isEmpty() || out.stream().anyMatch(a -> a != null)) {
                boolean total = isTotalLabel(outLabel);
                TableRow row = new TableRow(total ? 0 : outgoLevel(outLabel), List.of("", outLabel),
                        Collections.unmodifiableList(out), c.line);
                (total ? totals : expenditure).add(row);
            }
        }
        List<TableRow> rows = new ArrayList<>(income);
        rows.addAll(expenditure);
        rows.addAll(totals);
        return rows;
    }

    private Set<String> fixedLabels;

    /** The labels of a side-by-side table's fixed rows (income, fixed expenditure, totals), without ordinals. */
    private Set<String> fixedLabels() {
        if (fixedLabels == null) {
            Set<String> labels = new java.util.HashSet<>();
            List<String> all = new ArrayList<>();
            layout.incomeRows().forEach(r -> all.add(r.label()));
            layout.outgoRows().forEach(r -> all.add(r.label()));
            layout.totalRows().forEach(r -> {
                all.add(r.incomeLabel());
                all.add(r.expenditureLabel());
            });
            all.forEach(l -> labels.add(INCOME_ORDINAL.matcher(TableLayout.normalise(l)).replaceFirst("")));
            fixedLabels = labels;
        }
        return fixedLabels;
    }

    /** The level of an expenditure row: a fixed row's (一、本年支出) as the template says, else the 类 rows' level. */
    private int outgoLevel(String label) {
        String key = INCOME_ORDINAL.matcher(TableLayout.normalise(label)).replaceFirst("");
        for (TableLayout.IncomeRow row : layout.outgoRows()) {
            if (INCOME_ORDINAL.matcher(TableLayout.normalise(row.label())).replaceFirst("").equals(key)) {
                return row.level();
            }
        }
        return layout.classLevel();
    }

    /** The level the template gives an income row of that label (its parts are level 2); 1 when it names none. */
    private int incomeLevel(String label) {
        String key = INCOME_ORDINAL.matcher(TableLayout.normalise(label)).replaceFirst("");
        for (TableLayout.IncomeRow row : layout.incomeRows()) {
            if (INCOME_ORDINAL.matcher(TableLayout.normalise(row.label())).replaceFirst("").equals(key)) {
                return row.level();
            }
        }
        return 1;
    }

    private static final Pattern INCOME_ORDINAL = TableLayout.ORDINAL;

    private List<TableRow> levelled(List<Cells> data) {
        if (layout.kind() == Kind.PAIRED && layout.filtered()) {
            return halves(data);
        }
        if (layout.kind() == Kind.PROJECTS) {
            List<ProjectLevels.Row> rows = data.stream()
                    .map(c -> new ProjectLevels.Row(c.line, c.labels, c.amounts)).toList();
            return ProjectLevels.rows(rows, knownUnits);
        }
        List<TableRow> rows = new ArrayList<>();
        for (Cells c : data) {
            int level;
            boolean total = c.labels.stream().anyMatch(TableReader::isTotalLabel);
            switch (layout.kind()) {
                case FUNCTIONAL -> level = total ? 0 : functionalLevel(c);
                case ECONOMIC -> level = total ? 0 : layout.codeCells() > 0 ? economicLevel(c)
                        : c.labels.get(1).isEmpty() ? 1 : 2;
                case SINGLE_ROW -> level = 0;
                case PROCUREMENT -> {
                    level = ProcurementTable.level(c.labels);
                    total = level == 0;
                }
                case THREE_PUBLIC -> {
                    String label = threePublicLabel(c.labels.get(0));
                    level = total ? 0 : label.equals(VEHICLE_PURCHASE) || label.equals(VEHICLE_OPERATION) ? 2 : 1;
                }
                case UNITS -> level = total ? 0 : layout.filtered() ? unitLevel(c, rows) : 1;
                default -> {
                    // Tables 1 and 4: the rows below 上年(财政拨款)结转 that name a source are its parts.
                    String income = TableLayout.normalise(c.labels.get(0));
                    if (total) {
                        level = 0;
                    } else if (CARRIED_IN_LABELS.contains(income)) {
                        // 上年结转 is a closing row like 本年收入合计; its sources are the rows beneath it.
                        level = 0;
                    } else {
                        level = 1;
                    }
                }
            }
            rows.add(new TableRow(level, total ? totalFirst(c.labels) : c.labels, c.amounts, c.line));
        }
        return rows;
    }

    /**
     * A row of a table by unit rendered from filters: the department (1), or one of its units (2), whose code
     * extends the department's (113 → 113001).
     */
    private static int unitLevel(Cells c, List<TableRow> before) {
        String code = c.labels.get(0).strip();
        for (TableRow row : before) {
            String earlier = row.labels().get(0).strip();
            if (row.level() == 1 && !earlier.isEmpty() && code.length() > earlier.length() && code.startsWith(earlier)) {
                return 2;
            }
        }
        return 1;
    }

    /** 类 (301) or 款 (30101) of an economic table printed by code. */
    private int economicLevel(Cells c) {
        String code = layout.rowCode(c.labels);
        return switch (code.length()) {
            case 3 -> 1;
            case 5 -> 2;
            default -> {
                problems.add(c.line, table, "经济分类科目编码 “" + code + "” 应为 3 或 5 位数字");
                yield 2;
            }
        };
    }

    private int functionalLevel(Cells c) {
        String code = layout.rowCode(c.labels);
        return switch (code.length()) {
            case 3 -> 1;
            case 5 -> 2;
            case 7 -> 3;
            default -> {
                problems.add(c.line, table, "科目编码 “" + code + "” 应为 3、5 或 7 位数字");
                yield 3;
            }
        };
    }

    /**
     * The labels of a total row with its total label in the first cell, the others blank: PDF extraction
     * sometimes shifts 合计 into the second column (the seed's table 8), which the published layout does not mean.
     * Tables 1 and 4 keep both halves (本年收入合计 beside 本年支出合计).
     */
    private List<String> totalFirst(List<String> labels) {
        if (layout.kind() != Kind.FUNCTIONAL && layout.kind() != Kind.ECONOMIC && layout.kind() != Kind.UNITS
                && layout.kind() != Kind.THREE_PUBLIC || labels.isEmpty()) {
            return labels;
        }
        List<String> moved = new ArrayList<>(Collections.nCopies(labels.size(), ""));
        moved.set(0, labels.stream().filter(TableReader::isTotalLabel).findFirst().orElse(labels.get(0)));
        return List.copyOf(moved);
    }

    /** The total row of a table that says 注：本表无数据, every amount blank. */
    private TableRow emptyTotalRow(int line) {
        List<String> labels = new ArrayList<>(Collections.nCopies(layout.labelColumns().size(), ""));
        if (!labels.isEmpty()) {
            labels.set(0, layout.kind() == Kind.PROJECTS && departmentName != null ? departmentName : "合计");
        }
        List<BigDecimal> amounts = Collections.unmodifiableList(
                new ArrayList<>(Collections.nCopies(layout.amountColumns().size(), (BigDecimal) null)));
        return new TableRow(0, List.copyOf(labels), amounts, line);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
