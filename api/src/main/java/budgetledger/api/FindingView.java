package budgetledger.api;

import budgetledger.events.CellFinding;
import budgetledger.events.DocumentFinding;
import budgetledger.query.FindingsView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One finding of an imported document as the API shows it: its severity, where (table and cell, or the narrative)
 * and what. A cell finding ({@code kind} cell) also carries the published value in its table's unit
 * ({@code publishedWanYuan}, named before tables in 元; {@code unit} says which) and what the ledger gives there.
 */
record FindingView(String kind, String severity, int sourceLine, String place, String text, Integer table,
                   String title, String row, String column, BigDecimal publishedWanYuan, String unit, Long ledgerFen) {

    static List<FindingView> of(FindingsView view) {
        List<FindingView> all = new ArrayList<>();
        for (CellFinding f : view.findings()) {
            String unit = f.unit() == null ? "万元" : f.unit();
            all.add(new FindingView("cell", "错误", f.sourceLine(), "表" + f.table() + " " + f.title(),
                    "“" + f.row() + "”行 “" + f.column() + "”列：公布 " + (f.publishedWanYuan() == null ? "空白"
                            : f.publishedWanYuan().toPlainString() + " " + unit) + "，与其余单元格不能同时成立",
                    f.table(), f.title(), f.row(), f.column(), f.publishedWanYuan(), unit, f.ledgerFen()));
        }
        for (DocumentFinding f : view.documentFindings()) {
            all.add(new FindingView("document", f.severity(), f.sourceLine(), f.place(), f.text(), null, null, null,
                    null, null, null, null));
        }
        return all;
    }
}
