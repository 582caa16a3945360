package budgetledger.disclosure;

import budgetledger.model.BudgetUnit;
import budgetledger.model.ProcurementItem;

import java.util.List;
import java.util.Map;

/**
 * What the tables need of a budget besides its lines.
 *
 * @param documentNames names the imported document gave to classification codes the catalogue of the year does
 *                      not hold (code → name); tables print them as the document did
 * @param templateId    the template the budget's tables are published in ({@link Template#id()}); the seed's when
 *                      the budget was opened before templates were recorded
 * @param procurement   the budget's 政府采购 items, which a template's procurement table lists (empty where none)
 */
public record BudgetHeader(String departmentCode, String departmentName, int fiscalYear, List<BudgetUnit> units,
                           Map<String, String> documentNames, String templateId, List<ProcurementItem> procurement) {

    public BudgetHeader {
        units = List.copyOf(units);
        documentNames = Map.copyOf(documentNames);
        templateId = templateId == null ? Template.seed().id() : templateId;
        procurement = procurement == null ? List.of() : List.copyOf(procurement);
    }

    public BudgetHeader(String departmentCode, String departmentName, int fiscalYear, List<BudgetUnit> units,
                        Map<String, String> documentNames, String templateId) {
        this(departmentCode, departmentName, fiscalYear, units, documentNames, templateId, List.of());
    }

    public BudgetHeader(String departmentCode, String departmentName, int fiscalYear, List<BudgetUnit> units,
                        Map<String, String> documentNames) {
        this(departmentCode, departmentName, fiscalYear, units, documentNames, null);
    }

    public BudgetHeader(String departmentCode, String departmentName, int fiscalYear, List<BudgetUnit> units) {
        this(departmentCode, departmentName, fiscalYear, units, Map.of());
    }

    public Template template() {
        return Template.of(templateId);
    }
}
