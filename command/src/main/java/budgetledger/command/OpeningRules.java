package budgetledger.command;

import budgetledger.command.api.OpenBudget;
import budgetledger.model.BudgetId;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;

import java.util.HashSet;
import java.util.Set;

import static budgetledger.command.BudgetRuleException.invalid;

/** What a budget needs to be opened: a well-formed department, a year the catalogue covers, distinct units. */
final class OpeningRules {

    static final int MAX_UNITS = 1000;

    private OpeningRules() {
    }

    static void check(OpenBudget open) {
        String code = open.departmentCode();
        if (code == null || !BudgetId.DEPARTMENT_CODE.matcher(code).matches()) {
            throw invalid("departmentCode", "malformed-code", "部门编码应为 1–20 位数字（0–9）");
        }
        CommandChecks.text("departmentName", open.departmentName(), CommandChecks.MAX_NAME);
        int year = open.fiscalYear();
        if (year < BudgetId.FIRST_YEAR || year > BudgetId.LAST_YEAR) {
            throw invalid("fiscalYear", "year-out-of-range", "预算年度 " + year + " 不在 "
                    + BudgetId.FIRST_YEAR + "–" + BudgetId.LAST_YEAR + " 之间");
        }
        if (!ClassificationCatalogue.covers(year)) {
            throw invalid("fiscalYear", "no-catalogue", "没有适用于 " + year + " 年的政府收支分类科目；已有："
                    + ClassificationCatalogue.editions());
        }
        if (!BudgetId.of(code, year).equals(open.budgetId())) {
            throw invalid("budgetId", "budget-id-mismatch", "预算编号应为 " + BudgetId.of(code, year));
        }
        if (open.units() == null || open.units().isEmpty()) {
            throw invalid("units", "required", "至少登记一个预算单位");
        }
        if (open.units().size() > MAX_UNITS) {
            throw invalid("units", "too-many", "预算单位不能超过 " + MAX_UNITS + " 个");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < open.units().size(); i++) {
            BudgetUnit unit = open.units().get(i);
            String at = "units[" + i + "]";
            if (unit == null) {
                throw invalid(at, "required", at + " 不能为空");
            }
            CommandChecks.code(at + ".code", unit.code(), 50);
            CommandChecks.text(at + ".name", unit.name(), CommandChecks.MAX_NAME);
            if (unit.type() == null) {
                throw invalid(at + ".type", "required", at + ".type 不能为空（行政 / 参公 / 事业）");
            }
            if (!seen.add(unit.code())) {
                throw invalid(at + ".code", "duplicate-unit", "单位编码 " + unit.code() + " 重复");
            }
        }
    }
}
