package budgetledger.query.yoy;

import budgetledger.model.Figures;
import budgetledger.model.BudgetSubject;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FunctionalCode;
import budgetledger.model.ThreePublicExpense;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One year's lines grouped by a dimension, in exact 分: a 合计 row (key "") and one row per group, keyed so that the
 * same group of two years has the same key (a functional or economic code, a unit code, a unit and project name)
 * and keys sort in the order the rows are listed. Classified dimensions list every level down to the one asked for.
 */
public final class Grouping {

    private static final String TOTAL = "";
    private static final String NO_ECONOMIC_ITEM = "999";

    private Grouping() {
    }

    /** @param figures the year's subject figures ({@link SubjectFigures}), for the SUBJECT dimension */
    public static SortedMap<String, Group> of(Dimension dimension, Level level, BudgetRow budget,
                                              List<BudgetLineRow> lines, Map<BudgetSubject, Long> figures) {
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(budget.fiscalYear());
        SortedMap<String, Group> groups = new TreeMap<>();
        if (dimension == Dimension.SUBJECT) {
            figures.forEach((subject, fen) -> groups.put(String.format("%02d", subject.ordinal()),
                    new Group(1, subject.name(), subject.label(), subject, fen)));
            return groups;
        }
        groups.put(TOTAL, new Group(0, "", "合计", totalSubject(dimension), 0));
        fixedRows(dimension, groups);
        Set<String> agencyUnits = Figures.agencyUnits(budget.units());
        for (BudgetLineRow line : lines) {
            switch (dimension) {
                case FUNCTIONAL -> functional(catalogue, level, line, groups);
                case ECONOMIC -> economic(catalogue, level, line, groups, false);
                case GOV_ECONOMIC -> economic(catalogue, level, line, groups, true);
                case UNIT -> add(groups, line, line.unitCode(), 1, line.unitCode(), unitName(budget, line.unitCode()), null);
                case KIND -> kind(line, groups);
                case SOURCE -> add(groups, line, String.format("%02d", line.fundingSource().ordinal()), 1,
                        line.fundingSource().name(), line.fundingSource().label(), null);
                case PROJECT -> project(budget, line, groups);
                case THREE_PUBLIC -> threePublic(catalogue, line, groups);
                case AGENCY_OPERATING_COST -> {
                    if (Figures.isAgencyOperatingCost(line, agencyUnits)) {
                        add(groups, line, line.unitCode(), 1, line.unitCode(), unitName(budget, line.unitCode()), null);
                    }
                }
                default -> throw new IllegalArgumentException("no grouping by " + dimension);
            }
        }
        return groups;
    }

    private static BudgetSubject totalSubject(Dimension dimension) {
        return switch (dimension) {
            case PROJECT -> BudgetSubject.PROJECT_EXPENDITURE;
            case THREE_PUBLIC -> BudgetSubject.THREE_PUBLIC_TOTAL;
            case AGENCY_OPERATING_COST -> BudgetSubject.AGENCY_OPERATING_COST;
            default -> BudgetSubject.TOTAL;
        };
    }

    /** Rows listed whether or not a year has money on them: the kinds, and the "三公" categories of table 10. */
    private static void fixedRows(Dimension dimension, SortedMap<String, Group> groups) {
        if (dimension == Dimension.KIND) {
            groups.put("1", new Group(1, "BASIC", "基本支出", BudgetSubject.BASIC_EXPENDITURE, 0));
            groups.put("1a", new Group(2, "BASIC_PERSONNEL", "人员经费", BudgetSubject.PERSONNEL_EXPENSES, 0));
            groups.put("1b", new Group(2, "BASIC_PUBLIC_USE", "公用经费", BudgetSubject.PUBLIC_USE_EXPENSES, 0));
            groups.put("2", new Group(1, "PROJECT", "项目支出", BudgetSubject.PROJECT_EXPENDITURE, 0));
        } else if (dimension == Dimension.THREE_PUBLIC) {
            groups.put("1", new Group(1, "TRAVEL_ABROAD", "因公出国（境）费", BudgetSubject.TRAVEL_ABROAD, 0));
            groups.put("2", new Group(1, "RECEPTION", "公务接待费", BudgetSubject.RECEPTION, 0));
            groups.put("3", new Group(1, "VEHICLE_TOTAL", "公务用车购置及运行费", BudgetSubject.VEHICLE_TOTAL, 0));
            groups.put("3a", new Group(2, "VEHICLE_PURCHASE", "公务用车购置费", BudgetSubject.VEHICLE_PURCHASE, 0));
            groups.put("3b", new Group(2, "VEHICLE_OPERATION", "公务用车运行维护费", BudgetSubject.VEHICLE_OPERATION, 0));
        }
    }

    private static void functional(ClassificationCatalogue catalogue, Level level, BudgetLineRow line,
                                   SortedMap<String, Group> groups) {
        groups.put(TOTAL, groups.get(TOTAL).plus(line.amountFen()));
        String code = line.functionalCode();
        for (int digits : new int[]{3, 5, 7}) {
            if (digits <= level.functionalDigits()) {
                String part = code.substring(0, digits);
                String name = catalogue.functional(part).map(FunctionalCode::name).orElse("");
                addOnly(groups, part, digits == 3 ? 1 : digits == 5 ? 2 : 3, part, name, line.amountFen());
            }
        }
    }

    /** Department or government economic class (3 digits), then item (5 digits); a line without item is a row of its own. */
    private static void economic(ClassificationCatalogue catalogue, Level level, BudgetLineRow line,
                                 SortedMap<String, Group> groups, boolean government) {
        groups.put(TOTAL, groups.get(TOTAL).plus(line.amountFen()));
        String item = government ? line.govEconomicCode() : line.deptEconomicCode();
        if (item == null) {
            addOnly(groups, NO_ECONOMIC_ITEM, 1, "", "未列经济分类", line.amountFen());
            return;
        }
        String classCode = item.substring(0, 3);
        String className = government ? catalogue.govEconomicName(classCode).orElse("")
                : catalogue.deptEconomicClassName(classCode).orElse("");
        addOnly(groups, classCode, 1, classCode, className, line.amountFen());
        if (level != Level.CLASS) {
            String itemName = government ? catalogue.govEconomicName(item).orElse("")
                    : catalogue.deptEconomic(item).map(EconomicItem::name).orElse("");
            addOnly(groups, item, 2, item, itemName, line.amountFen());
        }
    }

    private static void kind(BudgetLineRow line, SortedMap<String, Group> groups) {
        groups.put(TOTAL, groups.get(TOTAL).plus(line.amountFen()));
        if (Figures.isProject(line)) {
            groups.put("2", groups.get("2").plus(line.amountFen()));
            return;
        }
        groups.put("1", groups.get("1").plus(line.amountFen()));
        String part = line.kind() == ExpenditureKind.BASIC_PERSONNEL ? "1a" : "1b";
        groups.put(part, groups.get(part).plus(line.amountFen()));
    }

    private static void project(BudgetRow budget, BudgetLineRow line, SortedMap<String, Group> groups) {
        if (!Figures.isProject(line)) {
            return;
        }
        add(groups, line, line.unitCode(), 1, line.unitCode(), unitName(budget, line.unitCode()), null);
        addOnly(groups, line.unitCode() + "/" + line.project(), 2, line.unitCode(), line.project(), line.amountFen());
    }

    private static void threePublic(ClassificationCatalogue catalogue, BudgetLineRow line,
                                    SortedMap<String, Group> groups) {
        ThreePublicExpense expense = Figures.threePublic(line, catalogue);
        if (expense == null) {
            return;
        }
        groups.put(TOTAL, groups.get(TOTAL).plus(line.amountFen()));
        switch (expense) {
            case TRAVEL_ABROAD -> groups.put("1", groups.get("1").plus(line.amountFen()));
            case RECEPTION -> groups.put("2", groups.get("2").plus(line.amountFen()));
            case VEHICLE_PURCHASE, VEHICLE_OPERATION -> {
                String part = expense == ThreePublicExpense.VEHICLE_PURCHASE ? "3a" : "3b";
                groups.put("3", groups.get("3").plus(line.amountFen()));
                groups.put(part, groups.get(part).plus(line.amountFen()));
            }
        }
    }

    /** Adds the line to the total and to its group, creating the group when it is the first line of it. */
    private static void add(SortedMap<String, Group> groups, BudgetLineRow line, String key, int level, String code,
                            String name, BudgetSubject subject) {
        groups.put(TOTAL, groups.get(TOTAL).plus(line.amountFen()));
        groups.merge(key, new Group(level, code, name, subject, line.amountFen()),
                (old, added) -> old.plus(added.amountFen()));
    }

    private static void addOnly(SortedMap<String, Group> groups, String key, int level, String code, String name,
                                long fen) {
        groups.merge(key, new Group(level, code, name, null, fen), (old, added) -> old.plus(fen));
    }

    private static String unitName(BudgetRow budget, String unitCode) {
        return budget.units().stream().filter(u -> u.code().equals(unitCode)).map(BudgetUnit::name).findFirst()
                .orElse(unitCode);
    }
}
