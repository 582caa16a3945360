package budgetledger.disclosure;

import budgetledger.disclosure.Candidates.Candidate;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.ThreePublicExpense;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static budgetledger.model.ExpenditureKind.BASIC_PERSONNEL;
import static budgetledger.model.ExpenditureKind.BASIC_PUBLIC_USE;
import static budgetledger.model.ExpenditureKind.PROJECT;

/**
 * The candidate lines of a document whose template renders its tables from filters: every 项 the functional tables
 * print, for every unit, source and origin the template publishes, as 人员经费 and 公用经费 lines on each 部门经济分类
 * item an economic table prints (where such a table counts lines of that source and kind; the usual "other" item
 * where none does) and on the "三公" items, and as a project line per 项. Which published cells each one counts is
 * not decided here: the reconstruction renders it, and a candidate that shows a row the document lacks, or a cell it
 * prints as zero, drops out. Conventions (an item on its usual 项) are penalties, never rules.
 */
final class TemplateCandidates {

    private static final String OTHER_PERSONNEL = "30199";
    private static final String OTHER_PUBLIC_USE = "30299";

    private final Template template;
    private final ClassificationCatalogue catalogue;
    private final List<BudgetUnit> units;
    private final Map<Integer, DisclosureTable> tables;
    private final List<ParseProblem> problems;
    private final LineFilter.Context context;
    private final Map<String, Candidate> result = new LinkedHashMap<>();
    private final Set<String> reported = new java.util.HashSet<>();

    private TemplateCandidates(Template template, ClassificationCatalogue catalogue, List<BudgetUnit> units,
                               Map<Integer, DisclosureTable> tables, List<ParseProblem> problems) {
        this.template = template;
        this.catalogue = catalogue;
        this.units = units;
        this.tables = tables;
        this.problems = problems;
        this.context = LineFilter.Context.of(catalogue, units);
    }

    static List<Candidate> of(Template template, ClassificationCatalogue catalogue, List<BudgetUnit> units,
                              Map<Integer, DisclosureTable> tables, List<ParseProblem> problems) {
        TemplateCandidates candidates = new TemplateCandidates(template, catalogue, units, tables, problems);
        candidates.build();
        return List.copyOf(candidates.result.values());
    }

    private void build() {
        Map<String, String> items = functionalItems();
        Set<Origin> origins = origins();
        Set<FundingSource> sources = sources();
        // Items some cell counts by name: the "三公" items, and those an econ= filter names (会议费, 培训费).
        List<EconomicItem> threePublic = new ArrayList<>();
        for (ThreePublicExpense expense : ThreePublicExpense.values()) {
            catalogue.threePublicItem(expense).ifPresent(threePublic::add);
        }
        for (TableLayout layout : template.tables()) {
            for (LineFilter filter : layout.columnFilters()) {
                for (String code : filter.economicCodes()) {
                    catalogue.deptEconomic(code).filter(e -> !threePublic.contains(e)).ifPresent(threePublic::add);
                }
            }
        }
        for (BudgetUnit unit : units) {
            for (Map.Entry<String, String> item : items.entrySet()) {
                String f = item.getKey();
                for (FundingSource source : sources) {
                    for (Origin origin : origins) {
                        for (ExpenditureKind kind : List.of(BASIC_PERSONNEL, BASIC_PUBLIC_USE)) {
                            Set<EconomicItem> economic = new LinkedHashSet<>(economicItems(unit, f, kind, source,
                                    origin));
                            if (kind == BASIC_PUBLIC_USE) {
                                economic.addAll(threePublic);
                            }
                            for (EconomicItem e : economic) {
                                add(new BudgetLine(null, unit.code(), f, kind, e.code(), Candidates.govCode(e, unit),
                                        source, origin, null, 0), Candidates.hintPenalty(catalogue, e, f),
                                        "项 " + f + " × " + e.name());
                            }
                        }
                        String project = item.getValue() + "（" + f + "）";
                        add(new BudgetLine(null, unit.code(), f, PROJECT, null, null, source, origin, project, 0), 0,
                                "项 " + f + " 项目支出");
                        for (EconomicItem e : threePublic) {
                            add(new BudgetLine(null, unit.code(), f, PROJECT, e.code(), Candidates.govCode(e, unit),
                                    source, origin, project, 0), 1, "项 " + f + " 项目支出 × " + e.name());
                        }
                    }
                }
            }
        }
    }

    /** The 项 (7 digits) the functional tables print, with the name they give it, in the order first met. */
    private Map<String, String> functionalItems() {
        Map<String, String> items = new LinkedHashMap<>();
        for (DisclosureTable table : tables.values()) {
            TableLayout layout = template.table(table.number());
            if (layout.kind() != TableLayout.Kind.FUNCTIONAL) {
                continue;
            }
            for (TableRow row : table.rows()) {
                String code = layout.rowCode(row.labels());
                if (row.level() == 3 && code.matches("\\d{7}")) {
                    items.putIfAbsent(code, row.labels().get(Math.max(1, layout.codeCells())).strip());
                }
            }
        }
        return items;
    }

    /**
     * Carried-over lines only where some table tells them apart and prints one of those cells with an amount: a
     * document whose carried-over columns are all blank has none.
     */
    private Set<Origin> origins() {
        Set<Origin> origins = EnumSet.of(Origin.CURRENT_YEAR);
        if (anyAmountIn(filter -> filter.origins().equals(Set.of(Origin.CARRIED_OVER)))) {
            origins.add(Origin.CARRIED_OVER);
        }
        return origins;
    }

    /**
     * The template's sources that the document shows money of: a source some column singles out (its filter admits
     * only some sources, this one among them) with an amount in that column. A source no column singles out cannot
     * be told from the others and is left out; so is one whose columns are all blank (the tables say there is none).
     */
    private Set<FundingSource> sources() {
        Set<FundingSource> sources = new java.util.LinkedHashSet<>();
        for (FundingSource source : template.sources()) {
            if (anyAmountIn(filter -> filter.sources().contains(source)
                    && filter.sources().size() < FundingSource.values().length)) {
                sources.add(source);
            }
        }
        return sources;
    }

    /** Whether some published cell of a column whose filter passes {@code which} holds an amount. */
    private boolean anyAmountIn(java.util.function.Predicate<LineFilter> which) {
        for (DisclosureTable table : tables.values()) {
            TableLayout layout = template.table(table.number());
            List<LineFilter> filters = layout.columnFilters();
            int first = layout.amountCount() - filters.size();
            for (int c = 0; c < filters.size(); c++) {
                if (!which.test(filters.get(c))) {
                    continue;
                }
                for (TableRow row : table.rows()) {
                    if (first + c < row.amounts().size() && holdsAmount(layout, row.amounts().get(first + c))) {
                        return true;
                    }
                }
            }
            if (layout.kind() == TableLayout.Kind.PAIRED) {
                for (TableLayout.IncomeRow income : layout.incomeRows()) {
                    if (which.test(income.filter()) && incomeHasAmount(table, income)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean incomeHasAmount(DisclosureTable table, TableLayout.IncomeRow income) {
        String label = TableLayout.normalise(income.label());
        TableLayout layout = template.table(table.number());
        return table.rows().stream().anyMatch(r -> TableLayout.normalise(r.labels().get(0)).equals(label)
                && holdsAmount(layout, r.amounts().get(0)));
    }

    /** A cell that may stand for money: any figure in 万元 (0.00 is below 0.005 万元, not nothing); a non-zero in 元. */
    private static boolean holdsAmount(TableLayout layout, java.math.BigDecimal amount) {
        return amount != null && (amount.signum() != 0 || layout.fenPerUnit() > 100);
    }

    /**
     * The items a basic line of this kind and source may have: those an economic table prints where that table
     * counts such a line, else the usual "other" item of its kind (no table would tell items apart).
     */
    private List<EconomicItem> economicItems(BudgetUnit unit, String f, ExpenditureKind kind, FundingSource source,
                                             Origin origin) {
        String fallback = kind == BASIC_PERSONNEL ? OTHER_PERSONNEL : OTHER_PUBLIC_USE;
        BudgetLine probe = new BudgetLine(null, unit.code(), f, kind, fallback, null, source, origin, null, 0);
        List<EconomicItem> items = new ArrayList<>();
        boolean counted = false;
        for (DisclosureTable table : tables.values()) {
            TableLayout layout = template.table(table.number());
            if (layout.kind() != TableLayout.Kind.ECONOMIC || !layout.select().test(probe, context)) {
                continue;
            }
            counted = true;
            for (TableRow row : table.rows()) {
                String code = layout.rowCode(row.labels());
                if (row.level() != 2) {
                    continue;
                }
                Optional<EconomicItem> item = catalogue.deptEconomic(code);
                if (item.isEmpty() && reported.add(code)) {
                    problems.add(new ParseProblem(row.sourceLine(), layout.displayName(), "经济分类科目编码 “" + code
                            + "” 不在 " + catalogue.edition() + " 年的部门预算支出经济分类中"));
                } else if (item.isPresent() && !items.contains(item.get())) {
                    items.add(item.get());
                }
            }
        }
        if (!counted) {
            items.add(catalogue.deptEconomic(fallback).orElseThrow());
        }
        return items;
    }

    private void add(BudgetLine line, int penalty, String provenance) {
        String key = line.unitCode() + "|" + line.functionalCode() + "|" + line.kind() + "|" + line.deptEconomicCode()
                + "|" + line.fundingSource() + "|" + line.origin() + "|" + line.project();
        result.putIfAbsent(key, new Candidate(line, penalty, provenance));
    }
}
