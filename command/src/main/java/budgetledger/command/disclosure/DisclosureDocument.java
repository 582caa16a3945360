package budgetledger.command.disclosure;

import budgetledger.model.table.DisclosureTable;

import java.util.List;
import java.util.Map;

/**
 * A published 部门预算公开 as read by {@link DisclosureParser}.
 *
 * @param departmentName  from 部门名称：… above the tables
 * @param departmentCode  from 主管部门及代码 (the 118 of 118-某某局); null when the document does not state it
 * @param fiscalYear      the budget year (the 2026 of 2026年度部门预算公开)
 * @param tables          all thirteen tables, by number (1 to 13), in number order
 * @param unitNames       the 预算单位 named by table 11, tables 12 and 13 and the 机构设置 text, in order of first
 *                        appearance in the document
 * @param narrative       figures and reasons of the narrative
 * @param warnings        inconsistencies between the narrative and the tables; they do not stop an import
 */
public record DisclosureDocument(String departmentName, String departmentCode, int fiscalYear,
                                 Map<Integer, DisclosureTable> tables, List<String> unitNames, Narrative narrative,
                                 List<ParseProblem> warnings) {

    public DisclosureTable table(int number) {
        return tables.get(number);
    }
}
