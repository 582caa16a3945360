package budgetledger.command;

import budgetledger.command.api.AppropriateBudgetLine;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FunctionalCode;
import budgetledger.model.UnitType;

import java.util.Map;
import java.util.Set;

import static budgetledger.command.BudgetRuleException.invalid;

/** The rules a new line's dimensions must satisfy: known codes, a registered unit, fields that fit its kind. */
final class LineRules {

    /** 人员经费 are wages and welfare (301) and payments to individuals and families (303). */
    private static final Set<String> PERSONNEL_CLASSES = Set.of("301", "303");
    /** 公用经费 are goods and services (302) and the capital items bought for running the unit (310). */
    private static final Set<String> PUBLIC_USE_CLASSES = Set.of("302", "310");

    private LineRules() {
    }

    static void check(AppropriateBudgetLine line, ClassificationCatalogue catalogue, Map<String, UnitType> units) {
        check(line, catalogue, units, Set.of());
    }

    /** @param namedCodes functional codes outside the catalogue that the budget's imported document named */
    static void check(AppropriateBudgetLine line, ClassificationCatalogue catalogue, Map<String, UnitType> units,
                      Set<String> namedCodes) {
        if (line.unitCode() == null || line.unitCode().isBlank()) {
            throw invalid("unitCode", "required", "unitCode 不能为空");
        }
        if (!units.containsKey(line.unitCode())) {
            throw invalid("unitCode", "unit-not-registered",
                    "单位 " + line.unitCode() + " 未在本预算登记；已登记：" + String.join(", ", units.keySet()));
        }
        if (line.kind() == null) {
            throw invalid("kind", "required", "kind 不能为空");
        }
        if (line.fundingSource() == null) {
            throw invalid("fundingSource", "required", "fundingSource 不能为空");
        }
        if (line.origin() == null) {
            throw invalid("origin", "required", "origin 不能为空");
        }
        checkFunctional(line.functionalCode(), catalogue, namedCodes);
        checkEconomic(line, catalogue);
        checkProject(line);
    }

    private static void checkFunctional(String code, ClassificationCatalogue catalogue, Set<String> namedCodes) {
        if (!FunctionalCode.isWellFormedItem(code)) {
            throw invalid("functionalCode", "malformed-code",
                    "功能分类科目 " + code + " 不是 7 位的项级编码");
        }
        if (catalogue.functional(code).isEmpty() && !namedCodes.contains(code)) {
            throw invalid("functionalCode", "unknown-code",
                    "功能分类科目 " + code + " 不在 " + catalogue.edition() + " 年政府收支分类科目中");
        }
    }

    private static void checkEconomic(AppropriateBudgetLine line, ClassificationCatalogue catalogue) {
        String dept = line.deptEconomicCode();
        String gov = line.govEconomicCode();
        if (dept == null && gov == null) {
            if (line.kind().isBasic()) {
                throw invalid("deptEconomicCode", "required-on-basic-line",
                        "基本支出必须填写部门和政府预算支出经济分类");
            }
            return;
        }
        if (dept == null) {
            throw invalid("deptEconomicCode", "required", "填写政府经济分类时必须同时填写部门经济分类");
        }
        if (gov == null) {
            throw invalid("govEconomicCode", "required", "填写部门经济分类时必须同时填写政府经济分类");
        }
        if (!EconomicItem.isWellFormedItem(dept)) {
            throw invalid("deptEconomicCode", "malformed-code", "部门经济分类 " + dept + " 不是 5 位的款级编码");
        }
        if (!EconomicItem.isWellFormedItem(gov)) {
            throw invalid("govEconomicCode", "malformed-code", "政府经济分类 " + gov + " 不是 5 位的款级编码");
        }
        EconomicItem item = catalogue.deptEconomic(dept).orElseThrow(() -> invalid("deptEconomicCode",
                "unknown-code", "部门经济分类 " + dept + " 不在 " + catalogue.edition() + " 年科目中"));
        if (catalogue.govEconomicName(gov).isEmpty()) {
            throw invalid("govEconomicCode", "unknown-code",
                    "政府经济分类 " + gov + " 不在 " + catalogue.edition() + " 年科目中");
        }
        if (!item.mapsTo(gov)) {
            throw invalid("govEconomicCode", "economic-pair-mismatch", "部门经济分类 " + dept + " " + item.name()
                    + " 对应政府经济分类 " + item.govCodeAdministrative() + " 或 " + item.govCodeInstitution()
                    + "，不是 " + gov);
        }
        String economicClass = dept.substring(0, 3);
        if (line.kind() == ExpenditureKind.BASIC_PERSONNEL && !PERSONNEL_CLASSES.contains(economicClass)) {
            throw invalid("deptEconomicCode", "economic-item-not-personnel",
                    "人员经费只能使用工资福利支出（301）或对个人和家庭的补助（303）科目，不能用 " + dept + " " + item.name());
        }
        if (line.kind() == ExpenditureKind.BASIC_PUBLIC_USE && !PUBLIC_USE_CLASSES.contains(economicClass)) {
            throw invalid("deptEconomicCode", "economic-item-not-public-use",
                    "公用经费只能使用商品和服务支出（302）或资本性支出（310）科目，不能用 " + dept + " " + item.name());
        }
    }

    private static void checkProject(AppropriateBudgetLine line) {
        boolean named = line.project() != null && !line.project().isBlank();
        if (line.kind() == ExpenditureKind.PROJECT && !named) {
            throw invalid("project", "required-on-project-line", "项目支出必须填写项目名称");
        }
        if (line.kind().isBasic() && named) {
            throw invalid("project", "project-on-basic-line", "基本支出不能填写项目名称");
        }
        if (named) {
            CommandChecks.text("project", line.project(), CommandChecks.MAX_NAME);
        }
    }
}
