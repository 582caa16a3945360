package budgetledger.query.narrative;

import budgetledger.model.Figures;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.projections.BudgetLineRow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The sums of one year's lines that the narrative states, in exact 分. */
final class LedgerSums {

    private final List<BudgetLineRow> lines;

    LedgerSums(List<BudgetLineRow> lines) {
        this.lines = List.copyOf(lines);
    }

    long sum(Predicate<BudgetLineRow> which) {
        return lines.stream().filter(which).mapToLong(BudgetLineRow::amountFen).reduce(0, Math::addExact);
    }

    /** 当年 money by funding source, every source listed. */
    Map<FundingSource, Long> currentBySource() {
        Map<FundingSource, Long> sums = new EnumMap<>(FundingSource.class);
        for (FundingSource source : FundingSource.values()) {
            sums.put(source, sum(l -> Figures.isCurrentOf(l, source)));
        }
        return sums;
    }

    /** Money of the selected lines by functional 类 (3 digits), in code order; 类 without money left out. */
    SortedMap<String, Long> byClass(Predicate<BudgetLineRow> which) {
        SortedMap<String, Long> sums = new TreeMap<>();
        lines.stream().filter(which).filter(l -> l.amountFen() != 0)
                .forEach(l -> sums.merge(l.functionalCode().substring(0, 3), l.amountFen(), Math::addExact));
        return sums;
    }

    /** The department economic item names of the selected lines with money, in code order. */
    List<String> economicItemNames(ClassificationCatalogue catalogue, Predicate<BudgetLineRow> which) {
        SortedMap<String, String> names = new TreeMap<>();
        lines.stream().filter(which).filter(l -> l.amountFen() != 0 && l.deptEconomicCode() != null)
                .forEach(l -> names.put(l.deptEconomicCode(), catalogue.deptEconomic(l.deptEconomicCode())
                        .map(EconomicItem::name).orElse(l.deptEconomicCode())));
        return List.copyOf(names.values());
    }

    static Predicate<BudgetLineRow> generalPublicCurrent() {
        return l -> Figures.isCurrentOf(l, FundingSource.GENERAL_PUBLIC);
    }

    static Predicate<BudgetLineRow> generalPublicCurrent(ExpenditureKind kind) {
        return generalPublicCurrent().and(l -> l.kind() == kind);
    }
}
