package budgetledger.command;

import budgetledger.model.ProcurementFunds;
import budgetledger.model.ProcurementItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a recorded 政府采购 item must be: of a 采购品目大类, with its texts of the shapes the ledger accepts (the
 * unit, project, economic item, 品目 and 组织形式 may be blank where the table leaves them so), and amounts of at
 * least zero within the ledger's bounds; an item costs something.
 */
final class ProcurementRules {

    private ProcurementRules() {
    }

    static void check(List<ProcurementItem> items) {
        for (int i = 0; i < items.size(); i++) {
            ProcurementItem item = items.get(i);
            String at = "procurement[" + i + "]";
            if (item == null || item.category() == null) {
                throw BudgetRuleException.invalid(at + ".category", "required", at + " 缺少采购品目大类");
            }
            optionalText(at + ".unit", item.unit());
            optionalText(at + ".project", item.project());
            optionalText(at + ".economicItem", item.economicItem());
            optionalText(at + ".catalogueItem", item.catalogueItem());
            optionalText(at + ".method", item.method());
            for (Map.Entry<ProcurementFunds, Long> amount : item.amountsFen().entrySet()) {
                CommandChecks.amountFen(at + ".amountsFen." + amount.getKey(),
                        BigDecimal.valueOf(amount.getValue(), 2), CommandChecks.Sign.NOT_NEGATIVE);
            }
            if (item.totalFen() <= 0) {
                throw BudgetRuleException.invalid(at + ".amountsFen", "amount-sign", at + " 的金额合计必须大于零");
            }
        }
    }

    private static void optionalText(String field, String value) {
        if (!value.isEmpty()) {
            CommandChecks.text(field, value, CommandChecks.MAX_REASON);
        }
    }
}
