package budgetledger.query;

import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.BudgetLine;
import budgetledger.disclosure.DisclosureDocument;
import budgetledger.disclosure.DisclosureParser;
import budgetledger.disclosure.Reconstruction;
import budgetledger.disclosure.generated.LedgerGenerator;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.model.BudgetSubject;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.Figures;
import budgetledger.model.FundingSource;
import budgetledger.model.ThreePublicExpense;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import budgetledger.query.narrative.Explanation;
import budgetledger.query.narrative.Explanations;
import budgetledger.query.narrative.LastYear;
import budgetledger.query.narrative.WanYuanText;
import budgetledger.query.yoy.Dimension;
import budgetledger.query.yoy.Group;
import budgetledger.query.yoy.Grouping;
import budgetledger.query.yoy.Level;
import budgetledger.query.yoy.SubjectFigures;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The derived figures — "三公"经费 and its parts, 机关运行经费, 财政拨款 (the fiscal split), 基本支出 and 项目支出 — come
 * out the same along every path that computes them, on ledgers generated with their published documents
 * (LedgerGenerator): the rendered tables, year over year's subject figures and groupings, the narrative of 第三部分,
 * and the lines reconstructed from the published tables. A cell the renderer leaves blank counts as 0.00.
 */
class FiguresAgreePropertyTest {

    /** The figures compared, each as one path computes it in 分. */
    enum Figure { THREE_PUBLIC, TRAVEL_ABROAD, RECEPTION, VEHICLES, VEHICLE_PURCHASE, VEHICLE_OPERATION,
        AGENCY_OPERATING_COST, FISCAL, BASIC, PROJECT }

    @Property(tries = 12)
    void every_path_gives_the_same_figures(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        LedgerGenerator.Generated generated = LedgerGenerator.generate(seed);
        BudgetHeader header = generated.header();
        BudgetRow budget = new BudgetRow(header.departmentCode() + "-" + header.fiscalYear(), header.departmentCode(),
                header.departmentName(), header.fiscalYear(), header.units(), Map.of(), Map.of(),
                header.documentNames(), header.templateId(), header.procurement());
        List<BudgetLineRow> rows = generated.lines().stream().map(line -> row(budget.budgetId(), line)).toList();

        Map<Figure, Long> ledger = fromLines(header, generated.lines());
        Map<Figure, Long> yearOverYear = fromSubjectFigures(SubjectFigures.of(budget, rows, Map.of()));

        assertThat(yearOverYear).as("year over year's subject figures, seed " + seed).isEqualTo(ledger);
        assertThat(fromGroupings(budget, rows)).as("year over year's groupings, seed " + seed)
                .isEqualTo(ledger);
        assertThat(fromTables(DisclosureTables.renderAll(header, generated.lines())))
                .as("rendered table cells, seed " + seed).isEqualTo(inWanYuan(ledger));
        assertNarrativeStates(budget, rows, ledger, seed);

        DisclosureDocument document = new DisclosureParser().parse(generated.text());
        Reconstruction.Result reconstructed = Reconstruction.reconstruct(
                document.header(document.departmentCode()), document.tables(), false);
        List<BudgetLine> lines = reconstructed.lines().stream().map(Reconstruction.SolvedLine::line).toList();
        assertThat(inWanYuan(fromLines(header, lines))).as("reconstructed lines, seed " + seed)
                .isEqualTo(inWanYuan(ledger));
    }

    /** The figures summed over lines by the definitions (Figures). */
    static Map<Figure, Long> fromLines(BudgetHeader header, List<BudgetLine> lines) {
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(header.fiscalYear());
        Set<String> agencyUnits = Figures.agencyUnits(header.units());
        Map<Figure, Long> figures = zero();
        for (BudgetLine line : lines) {
            ThreePublicExpense expense = Figures.threePublic(line, catalogue);
            if (expense != null) {
                add(figures, Figure.THREE_PUBLIC, line.amountFen());
                add(figures, Figure.valueOf(expense.name()), line.amountFen());
                if (expense == ThreePublicExpense.VEHICLE_PURCHASE || expense == ThreePublicExpense.VEHICLE_OPERATION) {
                    add(figures, Figure.VEHICLES, line.amountFen());
                }
            }
            if (Figures.isAgencyOperatingCost(line, agencyUnits)) {
                add(figures, Figure.AGENCY_OPERATING_COST, line.amountFen());
            }
            if (Figures.isFiscal(line)) {
                add(figures, Figure.FISCAL, line.amountFen());
            }
            add(figures, Figures.isBasic(line) ? Figure.BASIC : Figure.PROJECT, line.amountFen());
        }
        return figures;
    }

    static Map<Figure, Long> fromSubjectFigures(Map<BudgetSubject, Long> subjects) {
        Map<Figure, Long> figures = zero();
        figures.put(Figure.THREE_PUBLIC, subjects.get(BudgetSubject.THREE_PUBLIC_TOTAL));
        figures.put(Figure.TRAVEL_ABROAD, subjects.get(BudgetSubject.TRAVEL_ABROAD));
        figures.put(Figure.RECEPTION, subjects.get(BudgetSubject.RECEPTION));
        figures.put(Figure.VEHICLES, subjects.get(BudgetSubject.VEHICLE_TOTAL));
        figures.put(Figure.VEHICLE_PURCHASE, subjects.get(BudgetSubject.VEHICLE_PURCHASE));
        figures.put(Figure.VEHICLE_OPERATION, subjects.get(BudgetSubject.VEHICLE_OPERATION));
        figures.put(Figure.AGENCY_OPERATING_COST, subjects.get(BudgetSubject.AGENCY_OPERATING_COST));
        figures.put(Figure.FISCAL, subjects.get(BudgetSubject.FISCAL_APPROPRIATION));
        figures.put(Figure.BASIC, subjects.get(BudgetSubject.BASIC_EXPENDITURE));
        figures.put(Figure.PROJECT, subjects.get(BudgetSubject.PROJECT_EXPENDITURE));
        return figures;
    }

    static Map<Figure, Long> fromGroupings(BudgetRow budget, List<BudgetLineRow> rows) {
        SortedMap<String, Group> threePublic = Grouping.of(Dimension.THREE_PUBLIC, Level.CLASS, budget, rows, Map.of());
        SortedMap<String, Group> agency = Grouping.of(Dimension.AGENCY_OPERATING_COST, Level.CLASS, budget, rows,
                Map.of());
        SortedMap<String, Group> kind = Grouping.of(Dimension.KIND, Level.CLASS, budget, rows, Map.of());
        SortedMap<String, Group> source = Grouping.of(Dimension.SOURCE, Level.CLASS, budget, rows, Map.of());
        Map<Figure, Long> figures = zero();
        figures.put(Figure.THREE_PUBLIC, fen(threePublic, ""));
        figures.put(Figure.TRAVEL_ABROAD, fen(threePublic, "1"));
        figures.put(Figure.RECEPTION, fen(threePublic, "2"));
        figures.put(Figure.VEHICLES, fen(threePublic, "3"));
        figures.put(Figure.VEHICLE_PURCHASE, fen(threePublic, "3a"));
        figures.put(Figure.VEHICLE_OPERATION, fen(threePublic, "3b"));
        figures.put(Figure.AGENCY_OPERATING_COST, fen(agency, ""));
        long fiscal = 0;
        for (FundingSource fundingSource : FundingSource.values()) {
            if (fundingSource.isFiscal()) {
                fiscal += fen(source, String.format("%02d", fundingSource.ordinal()));
            }
        }
        figures.put(Figure.FISCAL, fiscal);
        figures.put(Figure.BASIC, fen(kind, "1"));
        figures.put(Figure.PROJECT, fen(kind, "2"));
        return figures;
    }

    /**
     * The seed's tables: 10 ("三公", 合计 last), 11 (部门合计 first), 4 (财政拨款收支总表: 支出总计, last row) and
     * 3 (合计 row first: 合计, 基本支出, 项目支出), in 万元.
     */
    static Map<Figure, BigDecimal> fromTables(List<DisclosureTable> tables) {
        Map<Integer, DisclosureTable> byNumber = new java.util.HashMap<>();
        tables.forEach(table -> byNumber.put(table.number(), table));
        List<TableRow> threePublic = byNumber.get(10).rows();
        Map<Figure, BigDecimal> figures = new EnumMap<>(Figure.class);
        figures.put(Figure.TRAVEL_ABROAD, cell(threePublic.get(0), 0));
        figures.put(Figure.RECEPTION, cell(threePublic.get(1), 0));
        figures.put(Figure.VEHICLES, cell(threePublic.get(2), 0));
        figures.put(Figure.VEHICLE_PURCHASE, cell(threePublic.get(3), 0));
        figures.put(Figure.VEHICLE_OPERATION, cell(threePublic.get(4), 0));
        figures.put(Figure.THREE_PUBLIC, cell(threePublic.get(5), 0));
        figures.put(Figure.AGENCY_OPERATING_COST, cell(byNumber.get(11).rows().get(0), 0));
        List<TableRow> fiscal = byNumber.get(4).rows();
        figures.put(Figure.FISCAL, cell(fiscal.get(fiscal.size() - 1), 1));
        TableRow functionalTotal = byNumber.get(3).rows().get(0);
        figures.put(Figure.BASIC, cell(functionalTotal, 1));
        figures.put(Figure.PROJECT, cell(functionalTotal, 2));
        return figures;
    }

    /** The narrative states the fiscal total, basic and project expenditure, "三公" and 机关运行经费 in 万元. */
    static void assertNarrativeStates(BudgetRow budget, List<BudgetLineRow> rows, Map<Figure, Long> ledger,
                                      long seed) {
        Explanation explanation = Explanations.generate(budget, rows, Map.of(), LastYear.of(Map.of(), null, null),
                new BigDecimal("10"));
        String text = explanation.text();
        assertThat(text).as("narrative, seed " + seed)
                .contains("财政拨款收支总预算" + WanYuanText.grouped(ledger.get(Figure.FISCAL)) + "万元")
                .contains("基本支出" + WanYuanText.plain(ledger.get(Figure.BASIC)) + "万元")
                .contains("项目支出" + WanYuanText.plain(ledger.get(Figure.PROJECT)) + "万元")
                .contains("“三公”经费预算" + WanYuanText.grouped(ledger.get(Figure.THREE_PUBLIC)) + "万元")
                .contains("机关运行经费财政拨款预算" + WanYuanText.grouped(ledger.get(Figure.AGENCY_OPERATING_COST)) + "万元");
    }

    static BudgetLineRow row(String budgetId, BudgetLine line) {
        return new BudgetLineRow(budgetId, line.lineId(), line.unitCode(), line.functionalCode(), line.kind(),
                line.deptEconomicCode(), line.govEconomicCode(), line.fundingSource(), line.origin(), line.project(),
                line.amountFen(), line.amountFen(), 0);
    }

    /** A blank cell is 0.00: the renderer leaves a zero blank where the other paths give 0. */
    static BigDecimal cell(TableRow row, int column) {
        BigDecimal amount = row.amounts().get(column);
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount;
    }

    static Map<Figure, BigDecimal> inWanYuan(Map<Figure, Long> figures) {
        Map<Figure, BigDecimal> wan = new EnumMap<>(Figure.class);
        figures.forEach((figure, fen) -> wan.put(figure,
                BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP)));
        return wan;
    }

    private static long fen(SortedMap<String, Group> groups, String key) {
        Group group = groups.get(key);
        return group == null ? 0 : group.amountFen();
    }

    private static Map<Figure, Long> zero() {
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        for (Figure figure : Figure.values()) {
            figures.put(figure, 0L);
        }
        return figures;
    }

    private static void add(Map<Figure, Long> figures, Figure figure, long fen) {
        figures.merge(figure, fen, Math::addExact);
    }
}
