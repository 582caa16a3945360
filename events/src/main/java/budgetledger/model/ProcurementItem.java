package budgetledger.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * One row of a 政府采购 table (政府采购支出表): what a unit plans to buy under which project and economic item, how it
 * is bought, and from which money, in 分. Items are published beside the budget lines, not derived from them.
 *
 * @param unit          the budget unit that buys, as the row above the item names it; "" where the table names none
 * @param category      采购品目大类
 * @param project       专项名称 (blank for basic spending)
 * @param economicItem  经济科目 as printed (a name such as 物业管理费, or a code)
 * @param catalogueItem 采购品目名称 (保安服务 …)
 * @param method        采购组织形式 (分散采购, 集中采购 …)
 * @param amountsFen    the amount paid from each kind of money, in 分; kinds absent are zero
 */
public record ProcurementItem(String unit, ProcurementCategory category, String project, String economicItem,
                              String catalogueItem, String method, Map<ProcurementFunds, Long> amountsFen) {

    public ProcurementItem {
        unit = unit == null ? "" : unit.strip();
        project = project == null ? "" : project.strip();
        economicItem = economicItem == null ? "" : economicItem.strip();
        catalogueItem = catalogueItem == null ? "" : catalogueItem.strip();
        method = method == null ? "" : method.strip();
        EnumMap<ProcurementFunds, Long> amounts = new EnumMap<>(ProcurementFunds.class);
        if (amountsFen != null) {
            amountsFen.forEach((funds, fen) -> {
                if (fen != null && fen != 0) {
                    amounts.put(funds, fen);
                }
            });
        }
        amountsFen = java.util.Collections.unmodifiableMap(amounts);
    }

    /** The amount from one kind of money, in 分 (0 when none). */
    public long amountFen(ProcurementFunds funds) {
        return amountsFen.getOrDefault(funds, 0L);
    }

    /** 总计: what the item costs from every kind of money, in 分. */
    public long totalFen() {
        return amountsFen.values().stream().mapToLong(Long::longValue).sum();
    }
}
