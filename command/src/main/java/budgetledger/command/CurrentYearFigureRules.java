package budgetledger.command;

import budgetledger.model.BudgetSubject;
import budgetledger.model.Yuan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static budgetledger.command.BudgetRuleException.conflict;
import static budgetledger.command.BudgetRuleException.invalid;

/**
 * The rules for this year's figures recorded as facts: only subjects the lines cannot give (政府采购 and its
 * parts; every other figure is computed from the lines, never typed), and the parts (货物, 工程, 服务) together never
 * exceed the 政府采购 total once both are recorded.
 */
final class CurrentYearFigureRules {

    static final List<BudgetSubject> RECORDED = List.of(BudgetSubject.GOVERNMENT_PROCUREMENT,
            BudgetSubject.PROCUREMENT_GOODS, BudgetSubject.PROCUREMENT_WORKS, BudgetSubject.PROCUREMENT_SERVICES);
    private static final List<BudgetSubject> PARTS = RECORDED.subList(1, RECORDED.size());

    private CurrentYearFigureRules() {
    }

    /** @param recorded the figures recorded so far, by subject, in 分 */
    static void check(BudgetSubject subject, long amountFen, Map<BudgetSubject, Long> recorded) {
        if (subject == null) {
            throw invalid("subject", "required", "subject 不能为空，可选：" + labels());
        }
        if (!RECORDED.contains(subject)) {
            throw invalid("subject", "derived-from-lines", subject.label()
                    + " 的本年数由预算行计算得出，不能录入；可录入的科目：" + labels());
        }
        Map<BudgetSubject, Long> after = new EnumMap<>(BudgetSubject.class);
        after.putAll(recorded);
        after.put(subject, amountFen);
        Long total = after.get(BudgetSubject.GOVERNMENT_PROCUREMENT);
        long parts = PARTS.stream().mapToLong(p -> after.getOrDefault(p, 0L)).sum();
        if (total != null && parts > total) {
            throw conflict("amount", "parts-exceed-total", "政府采购货物、工程、服务合计 " + Yuan.format(parts)
                    + " 元，超过政府采购预算总额 " + Yuan.format(total) + " 元");
        }
    }

    private static String labels() {
        return String.join(", ", RECORDED.stream().map(BudgetSubject::label).toList());
    }
}
