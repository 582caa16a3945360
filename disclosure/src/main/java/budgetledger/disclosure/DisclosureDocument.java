package budgetledger.disclosure;

import budgetledger.model.BudgetUnit;
import budgetledger.model.ProcurementItem;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.UnitType;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.util.ArrayList;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import java.util.List;
import java.util.Map;

/**
 * A published 部门预算公开 as read by {@link DisclosureParser}.
 *
 * @param template        the template the document was read in
 * @param departmentName  from 部门名称：… above the tables
 * @param departmentCode  from 主管部门及代码 (the 118 of 118-某某局); null when the document does not state it
 * @param fiscalYear      the budget year (the 2026 of 2026年度部门预算公开)
 * @param tables          all thirteen tables, by number (1 to 13), in number order
 * @param unitNames       the 预算单位 named by table 11, tables 12 and 13 and the 机构设置 text, in order of first
 *                        appearance in the document
 * @param narrative       figures and reasons of the narrative
 * @param warnings        inconsistencies between the narrative and the tables; they do not stop an import
 */
public record DisclosureDocument(Template template, String departmentName, String departmentCode, int fiscalYear,
                                 Map<Integer, DisclosureTable> tables, List<String> unitNames, Narrative narrative,
                                 List<ParseProblem> warnings) {

    /**
     * How grave a warning is: 提示 for a comparison of the wrong kind (with 预算执行数, with the document's own year),
     * 警告 for a document that contradicts itself or its tables.
     */
    public static String severity(ParseProblem warning) {
        return NarrativeFindings.severity(warning);
    }

    public DisclosureTable table(int number) {
        return tables.get(number);
    }

    /**
     * The units in the document's order, coded {departmentCode}001, 002 …. A document does not state types: the
     * first unit (the department's own, 本级) is 行政; the other units that table 11 lists (机关运行经费 exists only
     * for 行政 and 参公 units) are 参公; the rest are 事业.
     */
    public List<BudgetUnit> units(String departmentCode) {
        return units(departmentCode, UnitType.PUBLIC_INSTITUTION);
    }

    /**
     * The units, those after the first of type {@code others} where the document names its units in a table by
     * unit without their types (the first, 本级, is 行政).
     */
    public List<BudgetUnit> units(String departmentCode, UnitType others) {
        boolean tablesByUnit = template.isSeed();
        for (TableLayout layout : template.tables()) {
            if (layout.filtered() && layout.kind() == TableLayout.Kind.UNITS && tables.containsKey(layout.number())) {
                // The document's own units with the codes it gives them (113001 …). It does not state their types:
                // the first (本级) is 行政, the others as asked (事业 first: Reconstruction tries 参公 when that fails).
                List<BudgetUnit> units = new ArrayList<>();
                for (TableRow row : tables.get(layout.number()).rows()) {
                    if (row.level() == 2) {
                        units.add(new BudgetUnit(row.labels().get(0).strip(), row.labels().get(1).strip(),
                                units.isEmpty() ? UnitType.ADMINISTRATIVE : others));
                    }
                }
                if (!units.isEmpty()) {
                    return units;
                }
            }
        }
        if (!tablesByUnit) {
            // No table tells one unit's money from another's (the Shanghai district template): the ledger holds the
            // department's figures as one unit, the department itself, rather than inventing a split.
            return List.of(new BudgetUnit(departmentCode + "001", departmentName, UnitType.ADMINISTRATIVE));
        }
        DisclosureTable agencies = tables.get(11);
        Set<String> agencyUnits = agencies == null ? Set.of() : agencies.rows().stream().filter(r -> r.level() == 1)
                .map(r -> TableLayout.normalise(r.labels().get(0))).collect(Collectors.toSet());
        List<BudgetUnit> units = new ArrayList<>();
        for (int i = 0; i < unitNames.size(); i++) {
            String name = unitNames.get(i);
            UnitType type = i == 0 ? UnitType.ADMINISTRATIVE
                    : agencyUnits.contains(TableLayout.normalise(name)) ? UnitType.CIVIL_SERVICE_MANAGED
                    : UnitType.PUBLIC_INSTITUTION;
            units.add(new BudgetUnit(departmentCode + String.format("%03d", i + 1), name, type));
        }
        return units;
    }

    /** What the tables need of the budget this document opens. */
    public BudgetHeader header(String departmentCode) {
        return header(departmentCode, UnitType.PUBLIC_INSTITUTION);
    }

    /** The header with the units after the first of type {@code others}, where the document does not say. */
    public BudgetHeader header(String departmentCode, UnitType others) {
        return new BudgetHeader(departmentCode, departmentName, fiscalYear, units(departmentCode, others),
                documentNames(), template.id(), procurement());
    }

    /**
     * Whether the document names units without their types (a template table by unit, several units): then whether
     * they are 事业 or 参公 is open, and 机关运行经费 (行政 and 参公 units only) decides it.
     */
    public boolean unitTypesOpen(String departmentCode) {
        return !template.isSeed() && units(departmentCode).size() > 1
                && units(departmentCode).stream().skip(1).allMatch(u -> u.type() == UnitType.PUBLIC_INSTITUTION);
    }

    /** The items of the document's 政府采购 table, in its order; empty where its template has none. */
    public List<ProcurementItem> procurement() {
        List<ProcurementItem> items = new ArrayList<>();
        for (TableLayout layout : template.tables()) {
            if (layout.kind() == TableLayout.Kind.PROCUREMENT && tables.containsKey(layout.number())) {
                items.addAll(ProcurementTable.items(layout, tables.get(layout.number())));
            }
        }
        return List.copyOf(items);
    }

    /** Names the tables give to functional codes the year's catalogue does not hold (code → name). */
    public Map<String, String> documentNames() {
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(fiscalYear);
        Map<String, String> names = new TreeMap<>();
        for (DisclosureTable table : tables.values()) {
            TableLayout layout = template.table(table.number());
            if (layout.kind() != TableLayout.Kind.FUNCTIONAL) {
                continue;
            }
            for (TableRow row : table.rows()) {
                if (layout.filtered()) {
                    String code = layout.rowCode(row.labels());
                    String name = row.labels().get(layout.codeCells()).strip();
                    if (code.matches("\\d{3}|\\d{5}|\\d{7}") && !name.isEmpty()
                            && catalogue.functional(code).isEmpty()) {
                        names.putIfAbsent(code, name);
                    }
                    continue;
                }
                for (int label = 0; label + 1 < row.labels().size(); label += 2) {
                    String code = row.labels().get(label).strip();
                    String name = row.labels().get(label + 1).strip();
                    if (code.matches("\\d{3}|\\d{5}|\\d{7}") && !name.isEmpty()
                            && catalogue.functional(code).isEmpty()) {
                        names.putIfAbsent(code, name);
                    }
                }
            }
        }
        return names;
    }
}
