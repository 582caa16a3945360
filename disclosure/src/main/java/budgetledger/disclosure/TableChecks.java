package budgetledger.disclosure;

import budgetledger.disclosure.TableLayout.Kind;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.util.List;

/**
 * The structure a published table must have before its figures mean anything: in the functional tables each 款 or
 * 项 sits under the 类 or 款 its code extends. The arithmetic (parents against children, 合计 against parts, one
 * table against another) is not checked here: every cell is a constraint of the reconstruction, which finds the
 * cells that cannot hold together (docs/RECONSTRUCTION.md).
 */
final class TableChecks {

    private TableChecks() {
    }

    static void check(TableLayout layout, DisclosureTable t, Problems problems) {
        if (layout.kind() == Kind.PROCUREMENT) {
            ProcurementTable.checkStructure(layout, t, problems);
        }
        if (layout.kind() != Kind.FUNCTIONAL) {
            return;
        }
        List<TableRow> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            if (row.level() < 2) {
                continue;
            }
            String parentCode = "";
            for (int j = i - 1; j >= 0; j--) {
                if (rows.get(j).level() == row.level() - 1) {
                    parentCode = layout.rowCode(rows.get(j).labels());
                    break;
                }
            }
            String code = layout.rowCode(row.labels());
            if (!code.startsWith(parentCode) || parentCode.isEmpty()) {
                problems.add(row.sourceLine(), layout.displayName(), "科目 " + code + " 不在其上级科目"
                        + (parentCode.isEmpty() ? "" : " " + parentCode) + " 之下（缺少上级科目行或顺序有误）");
            }
        }
    }
}
