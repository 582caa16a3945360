package budgetledger.query.yoy;

import budgetledger.model.FundingSource;
import budgetledger.model.Figures;
import budgetledger.model.BudgetSubject;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.ThreePublicExpense;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A year's figure for every budget subject, in exact 分, computed from its lines; only 政府采购 and its parts,
 * which no line gives, come from the figures recorded as facts (absent when none is recorded).
 *
 * <ul>
 * <li>收支总计, 收入, 支出: every line; 财政拨款收支: fiscal lines; 一般公共预算支出: 一般公共预算 当年 lines</li>
 * <li>基本支出, 项目支出, 人员经费, 公用经费: every line of that kind</li>
 * <li>"三公" and its categories: the economic items of fiscal 当年 lines (table 10)</li>
 * <li>机关运行经费: fiscal 当年 公用经费 of 行政 and 参公 units (table 11)</li>
 * </ul>
 */
public final class SubjectFigures {

    private SubjectFigures() {
    }

    public static Map<BudgetSubject, Long> of(BudgetRow budget, List<BudgetLineRow> lines,
                                              Map<BudgetSubject, Long> recorded) {
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(budget.fiscalYear());
        Set<String> agencyUnits = Figures.agencyUnits(budget.units());
        Map<BudgetSubject, Long> figures = new EnumMap<>(BudgetSubject.class);
        for (BudgetSubject subject : BudgetSubject.values()) {
            figures.put(subject, 0L);
        }
        for (BudgetLineRow line : lines) {
            long fen = line.amountFen();
            add(figures, fen, BudgetSubject.TOTAL, BudgetSubject.INCOME, BudgetSubject.EXPENDITURE);
            if (Figures.isFiscal(line)) {
                add(figures, fen, BudgetSubject.FISCAL_APPROPRIATION);
            }
            if (Figures.isCurrentOf(line, FundingSource.GENERAL_PUBLIC)) {
                add(figures, fen, BudgetSubject.GENERAL_PUBLIC_EXPENDITURE);
            }
            add(figures, fen, Figures.isBasic(line) ? BudgetSubject.BASIC_EXPENDITURE : BudgetSubject.PROJECT_EXPENDITURE);
            if (line.kind() == ExpenditureKind.BASIC_PERSONNEL) {
                add(figures, fen, BudgetSubject.PERSONNEL_EXPENSES);
            } else if (line.kind() == ExpenditureKind.BASIC_PUBLIC_USE) {
                add(figures, fen, BudgetSubject.PUBLIC_USE_EXPENSES);
            }
            ThreePublicExpense expense = Figures.threePublic(line, catalogue);
            if (expense != null) {
                add(figures, fen, BudgetSubject.THREE_PUBLIC_TOTAL, subjectOf(expense));
                if (expense == ThreePublicExpense.VEHICLE_PURCHASE || expense == ThreePublicExpense.VEHICLE_OPERATION) {
                    add(figures, fen, BudgetSubject.VEHICLE_TOTAL);
                }
            }
            if (Figures.isAgencyOperatingCost(line, agencyUnits)) {
                add(figures, fen, BudgetSubject.AGENCY_OPERATING_COST);
            }
        }
        for (BudgetSubject subject : List.of(BudgetSubject.GOVERNMENT_PROCUREMENT, BudgetSubject.PROCUREMENT_GOODS,
                BudgetSubject.PROCUREMENT_WORKS, BudgetSubject.PROCUREMENT_SERVICES)) {
            figures.remove(subject);
            if (recorded.containsKey(subject)) {
                figures.put(subject, recorded.get(subject));
            }
        }
        return figures;
    }

    static BudgetSubject subjectOf(ThreePublicExpense expense) {
        return switch (expense) {
            case TRAVEL_ABROAD -> BudgetSubject.TRAVEL_ABROAD;
            case RECEPTION -> BudgetSubject.RECEPTION;
            case VEHICLE_PURCHASE -> BudgetSubject.VEHICLE_PURCHASE;
            case VEHICLE_OPERATION -> BudgetSubject.VEHICLE_OPERATION;
        };
    }

    private static void add(Map<BudgetSubject, Long> figures, long fen, BudgetSubject... subjects) {
        for (BudgetSubject subject : subjects) {
            figures.merge(subject, fen, Math::addExact);
        }
    }
}
