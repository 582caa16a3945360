package budgetledger.command.disclosure;

import budgetledger.command.disclosure.TableLayout.Kind;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The arithmetic a published table must satisfy: each parent row (合计, 类, 款, economic 类, unit) is the sum of its
 * children and the 合计 column the sum of its parts, allowing 尾差 of 0.01 per independently rounded part.
 */
final class TableChecks {

    private final DisclosureTable t;
    private final TableLayout layout;
    private final String table;
    private final Problems problems;

    private TableChecks(DisclosureTable t, Problems problems) {
        this.t = t;
        this.layout = TableLayout.of(t.number());
        this.table = layout.displayName();
        this.problems = problems;
    }

    static void check(DisclosureTable table, Problems problems) {
        new TableChecks(table, problems).run();
    }

    private void run() {
        for (TableRow row : t.rows()) {
            checkParts(row);
        }
        switch (layout.kind()) {
            case PAIRED -> checkPaired();
            case THREE_PUBLIC -> checkThreePublic();
            default -> checkHierarchy();
        }
        if (layout.kind() == Kind.FUNCTIONAL) {
            checkCodesNest();
        }
    }

    /** 合计 column = sum of the part columns on one row. */
    private void checkParts(TableRow row) {
        if (layout.totalColumn() < 0) {
            return;
        }
        List<BigDecimal> parts = layout.partColumns().stream().map(c -> row.amounts().get(c)).toList();
        BigDecimal total = row.amounts().get(layout.totalColumn());
        if (!Amounts.withinRounding(total, parts)) {
            String partNames = layout.partColumns().stream().map(c -> layout.amountColumns().get(c))
                    .collect(Collectors.joining("、"));
            problems.add(row.sourceLine(), table, name(row) + "：“" + layout.amountColumns().get(layout.totalColumn())
                    + "”列 " + Amounts.show(total) + " 与" + partNames + "之和 " + Amounts.show(Amounts.sum(parts))
                    + " 不符" + beyondRounding(total, parts));
        }
    }

    /** Rows in published order, each parent followed by its children one level down (tables 2, 3, 5–9, 11–13). */
    private void checkHierarchy() {
        List<TableRow> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            TableRow parent = rows.get(i);
            List<TableRow> children = new ArrayList<>();
            for (int j = i + 1; j < rows.size() && rows.get(j).level() > parent.level(); j++) {
                if (rows.get(j).level() == parent.level() + 1) {
                    children.add(rows.get(j));
                }
            }
            if (!children.isEmpty()) {
                compare(parent, children, "下级各行");
            }
        }
    }

    /** A 款 lies under the 类 printed above it, a 项 under its 款: a code out of place would escape the sums. */
    private void checkCodesNest() {
        List<TableRow> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            if (row.level() < 2) {
                continue;
            }
            String parentCode = "";
            for (int j = i - 1; j >= 0; j--) {
                if (rows.get(j).level() == row.level() - 1) {
                    parentCode = code(rows.get(j));
                    break;
                }
            }
            if (!code(row).startsWith(parentCode) || parentCode.isEmpty()) {
                problems.add(row.sourceLine(), table, "科目 " + code(row) + " 不在其上级科目"
                        + (parentCode.isEmpty() ? "" : " " + parentCode) + " 之下（缺少上级科目行或顺序有误）");
            }
        }
    }

    /** Tables 1 and 4: totals at the bottom, income and expenditure side by side. */
    private void checkPaired() {
        TableRow yearTotal = find(r -> isLabel(r, 0, "本年收入合计") || isLabel(r, 1, "本年支出合计"));
        TableRow grandTotal = find(r -> isLabel(r, 0, "收入总计") || isLabel(r, 1, "支出总计"));
        if (yearTotal == null) {
            problems.add(lastLine(), table, "缺少“本年收入合计 / 本年支出合计”行");
        }
        if (grandTotal == null) {
            problems.add(lastLine(), table, "缺少“收入总计 / 支出总计”行");
        }
        if (yearTotal == null || grandTotal == null) {
            return;
        }
        List<TableRow> before = t.rows().subList(0, t.rows().indexOf(yearTotal));
        List<TableRow> incomeRows = before.stream().filter(r -> !r.labels().get(0).isEmpty()).toList();
        List<TableRow> expenditureRows = before.stream().filter(r -> !r.labels().get(1).isEmpty()).toList();
        compareColumns(yearTotal, incomeRows, List.of(0), "本年各项收入");
        compareColumns(yearTotal, expenditureRows, expenditureColumns(), "本年各项支出");

        TableRow carriedIn = find(r -> TableReader.CARRIED_IN_LABELS.contains(
                TableLayout.normalise(r.labels().get(0))));
        TableRow carriedOut = find(r -> isLabel(r, 1, "年终结转"));
        List<TableRow> income = new ArrayList<>(List.of(yearTotal));
        if (carriedIn != null) {
            income.add(carriedIn);
            List<TableRow> sources = new ArrayList<>();
            for (int i = t.rows().indexOf(carriedIn) + 1; i < t.rows().size() && t.rows().get(i).level() == 2; i++) {
                sources.add(t.rows().get(i));
            }
            if (!sources.isEmpty()) {
                compareColumns(carriedIn, sources, List.of(0), "各项结转");
            }
        }
        compareColumns(grandTotal, income, List.of(0), "本年收入与上年结转");
        List<TableRow> expenditure = new ArrayList<>(List.of(yearTotal));
        if (carriedOut != null) {
            expenditure.add(carriedOut);
        }
        compareColumns(grandTotal, expenditure, expenditureColumns(), "本年支出与年终结转");
        // A budget balances: what comes in is what is spent or carried to next year.
        BigDecimal in = grandTotal.amounts().get(0);
        BigDecimal out = grandTotal.amounts().get(1);
        if (!Amounts.withinRounding(in, List.of(Amounts.orZero(out)))) {
            problems.add(grandTotal.sourceLine(), table, "收入总计 " + Amounts.show(in) + " 与支出总计 "
                    + Amounts.show(out) + " 不相等");
        }
    }

    private List<Integer> expenditureColumns() {
        List<Integer> columns = new ArrayList<>();
        for (int c = 1; c < layout.amountColumns().size(); c++) {
            columns.add(c);
        }
        return columns;
    }

    /** Table 10: 合计 = 出国 + 接待 + 用车购置及运行; 用车购置及运行 = 购置 + 运行维护. */
    private void checkThreePublic() {
        TableRow total = find(r -> TableReader.isTotalLabel(r.labels().get(0)));
        TableRow travel = threePublic(TableReader.TRAVEL_ABROAD);
        TableRow reception = threePublic(TableReader.RECEPTION);
        TableRow vehicles = threePublic(TableReader.VEHICLE_TOTAL);
        TableRow purchase = threePublic(TableReader.VEHICLE_PURCHASE);
        TableRow operation = threePublic(TableReader.VEHICLE_OPERATION);
        if (total == null) {
            problems.add(lastLine(), table, "缺少合计行");
            return;
        }
        List<TableRow> parts = new ArrayList<>();
        for (TableRow part : new TableRow[]{travel, reception, vehicles}) {
            if (part != null) {
                parts.add(part);
            }
        }
        compare(total, parts, "因公出国（境）费、公务接待费、公务用车购置及运行费");
        if (vehicles != null && (purchase != null || operation != null)) {
            List<TableRow> vehicleParts = new ArrayList<>();
            for (TableRow part : new TableRow[]{purchase, operation}) {
                if (part != null) {
                    vehicleParts.add(part);
                }
            }
            compare(vehicles, vehicleParts, "公务用车购置费、公务用车运行维护费");
        }
    }

    private TableRow threePublic(String label) {
        return find(r -> TableReader.threePublicLabel(r.labels().get(0)).equals(label));
    }

    private void compare(TableRow parent, List<TableRow> children, String childrenName) {
        compareColumns(parent, children, allColumns(), childrenName);
    }

    private List<Integer> allColumns() {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < layout.amountColumns().size(); c++) {
            columns.add(c);
        }
        return columns;
    }

    private void compareColumns(TableRow parent, List<TableRow> children, List<Integer> columns, String childrenName) {
        for (int c : columns) {
            int column = c;
            List<BigDecimal> parts = children.stream().map(r -> r.amounts().get(column)).toList();
            BigDecimal total = parent.amounts().get(column);
            if (!Amounts.withinRounding(total, parts)) {
                problems.add(parent.sourceLine(), table, name(parent) + "：“" + layout.amountColumns().get(column)
                        + "”列 " + Amounts.show(total) + " 与" + childrenName + "之和 "
                        + Amounts.show(Amounts.sum(parts)) + " 不符" + beyondRounding(total, parts));
            }
        }
    }

    private static String beyondRounding(BigDecimal total, List<BigDecimal> parts) {
        BigDecimal difference = Amounts.orZero(total).subtract(Amounts.sum(parts)).abs();
        return "，相差 " + difference.toPlainString() + "，超出尾差 " + Amounts.tolerance(parts).toPlainString();
    }

    /** How problems name a row: "201 一般公共服务支出", "合计", a unit or project name. */
    private String name(TableRow row) {
        String joined = row.labels().stream().filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
        return "“" + (joined.isEmpty() ? "（无名称）" : joined) + "”行";
    }

    private String code(TableRow row) {
        if (t.number() == 9 && !row.labels().get(2).isEmpty()) {
            return row.labels().get(2);
        }
        return row.labels().get(0);
    }

    private static boolean isLabel(TableRow row, int labelIndex, String label) {
        return TableLayout.normalise(row.labels().get(labelIndex)).equals(label);
    }

    private TableRow find(Predicate<TableRow> test) {
        return t.rows().stream().filter(test).findFirst().orElse(null);
    }

    private int lastLine() {
        return t.rows().isEmpty() ? 0 : t.rows().get(t.rows().size() - 1).sourceLine();
    }
}
