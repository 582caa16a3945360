package budgetledger.disclosure;

import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Narrative figures against the table rows that hold the same figure. A difference is a warning, not a failure: the
 * narrative is typed by hand and the tables are what the ledger is built from.
 */
final class NarrativeChecks {

    private NarrativeChecks() {
    }

    static void compare(Narrative narrative, Map<Integer, DisclosureTable> tables, List<ParseProblem> warnings) {
        DisclosureTable table1 = tables.get(1);
        DisclosureTable table10 = tables.get(10);
        compare(narrative.total(), "收入总计", table1,
                r -> TableLayout.normalise(r.labels().get(0)).equals("收入总计"), warnings);
        compare(narrative.threePublicTotal(), "“三公”经费", table10,
                r -> TableReader.isTotalLabel(r.labels().get(0)), warnings);
        compare(narrative.travelAbroad(), TableReader.TRAVEL_ABROAD, table10, threePublic(TableReader.TRAVEL_ABROAD),
                warnings);
        compare(narrative.reception(), TableReader.RECEPTION, table10, threePublic(TableReader.RECEPTION), warnings);
        compare(narrative.vehicleTotal(), TableReader.VEHICLE_TOTAL, table10, threePublic(TableReader.VEHICLE_TOTAL),
                warnings);
        compare(narrative.vehiclePurchase(), TableReader.VEHICLE_PURCHASE, table10,
                threePublic(TableReader.VEHICLE_PURCHASE), warnings);
        compare(narrative.vehicleOperation(), TableReader.VEHICLE_OPERATION, table10,
                threePublic(TableReader.VEHICLE_OPERATION), warnings);
        compare(narrative.agencyOperatingCost(), "机关运行经费", tables.get(11), r -> r.level() == 0, warnings);
    }

    /**
     * The narrative's 政府采购 total and its 货物 / 工程 / 服务 parts against the template's procurement table: each
     * stated figure beyond the rounding of 万元 from the table's items is a warning on the narrative's line.
     */
    static void compareProcurement(Narrative narrative, TableLayout layout, DisclosureTable table,
                                   List<ParseProblem> warnings) {
        List<budgetledger.model.ProcurementItem> items = ProcurementTable.items(layout, table);
        compareProcurement(narrative.procurementTotal(), "政府采购预算", items, null, layout, warnings);
        compareProcurement(narrative.procurementGoods(), "政府采购货物", items,
                budgetledger.model.ProcurementCategory.GOODS, layout, warnings);
        compareProcurement(narrative.procurementWorks(), "政府采购工程", items,
                budgetledger.model.ProcurementCategory.WORKS, layout, warnings);
        compareProcurement(narrative.procurementServices(), "政府采购服务", items,
                budgetledger.model.ProcurementCategory.SERVICES, layout, warnings);
    }

    private static void compareProcurement(NarrativeFigure figure, String subject,
                                           List<budgetledger.model.ProcurementItem> items,
                                           budgetledger.model.ProcurementCategory category, TableLayout layout,
                                           List<ParseProblem> warnings) {
        if (!figure.isPresent()) {
            return;
        }
        long fen = items.stream().filter(i -> category == null || i.category() == category)
                .mapToLong(budgetledger.model.ProcurementItem::totalFen).sum();
        BigDecimal inTable = BigDecimal.valueOf(fen).movePointLeft(6);
        // 0.005 万元 is the narrative's own rounding; the table's items are exact in their unit
        if (inTable.subtract(figure.amountWanYuan()).abs().compareTo(new BigDecimal("0.005")) > 0) {
            warnings.add(new ParseProblem(figure.line(), layout.displayName(), "情况说明写" + subject + " "
                    + Amounts.show(figure.amountWanYuan()) + " 万元，政府采购表的项目合计为 "
                    + Amounts.show(inTable.setScale(2, java.math.RoundingMode.HALF_UP)) + " 万元"));
        }
    }

    private static Predicate<TableRow> threePublic(String label) {
        return r -> TableReader.threePublicLabel(r.labels().get(0)).equals(label);
    }

    /** Compares with the table's first amount column (合计 / 收入金额); a blank cell is zero. */
    private static void compare(NarrativeFigure figure, String subject, DisclosureTable table,
                                Predicate<TableRow> row, List<ParseProblem> warnings) {
        if (!figure.isPresent() || table == null) {
            return;
        }
        String tableName = TableLayout.of(table.number()).displayName();
        Optional<TableRow> found = table.rows().stream().filter(row).findFirst();
        if (found.isEmpty()) {
            warnings.add(new ParseProblem(figure.line(), tableName, "情况说明写" + subject + " "
                    + Amounts.show(figure.amountWanYuan()) + " 万元，表中没有对应的行"));
            return;
        }
        BigDecimal inTable = Amounts.orZero(found.get().amounts().get(0));
        if (inTable.compareTo(figure.amountWanYuan()) != 0) {
            warnings.add(new ParseProblem(figure.line(), tableName, "情况说明写" + subject + " "
                    + Amounts.show(figure.amountWanYuan()) + " 万元，与表中第 " + found.get().sourceLine() + " 行的 "
                    + Amounts.show(inTable) + " 万元不一致"));
        }
    }
}
