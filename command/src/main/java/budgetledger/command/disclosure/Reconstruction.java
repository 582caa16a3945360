package budgetledger.command.disclosure;

import budgetledger.command.disclosure.Transport.Allocation;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.ThreePublicExpense;
import budgetledger.model.UnitType;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static budgetledger.model.ExpenditureKind.BASIC_PERSONNEL;
import static budgetledger.model.ExpenditureKind.BASIC_PUBLIC_USE;
import static budgetledger.model.ExpenditureKind.PROJECT;
import static budgetledger.model.FundingSource.FISCAL_SPECIAL_ACCOUNT;
import static budgetledger.model.FundingSource.GENERAL_PUBLIC;
import static budgetledger.model.FundingSource.GOVERNMENT_FUND;
import static budgetledger.model.FundingSource.STATE_CAPITAL;
import static budgetledger.model.FundingSource.UNIT_OWN;
import static budgetledger.model.Origin.CARRIED_OVER;
import static budgetledger.model.Origin.CURRENT_YEAR;

/**
 * Rebuilds the opening lines of a budget from its thirteen published tables, which are marginals of the line
 * ledger (unit × functional 项 × kind × economic item × funding source × origin × project).
 *
 * <p>The rules, applied in this order, all deterministic (docs/RECONSTRUCTION.md says why):
 * <ol>
 * <li>Exact amounts. Every published cell stands for an interval (±0.005 万元). Top-down, each parent's exact
 *     amount is split over its children's cells, each moved inside its interval, so that 类, 款 and 项 (and
 *     department, unit and project) agree exactly.</li>
 * <li>Functional cells. Per 项: 一般公共预算 当年 basic / project from table 5, 政府性基金 from table 8, 国有资本经营
 *     from table 9; the rest of table 3 comes from table 2's 财政专户管理资金, 单位资金 and 上年结转 columns:
 *     上年结转 goes to projects first, 财政专户管理资金 to basic first, 单位资金 takes what is left. Carried-over
 *     money gets its source from table 13 (projects) and table 4 (fiscal), the rest is 单位资金.</li>
 * <li>Projects (tables 12, 13) are spread over the 项 of their source and origin: a project equal to a 项's
 *     amount goes there whole, then a unit whose projects sum to a 项's amount, then the rest in order.</li>
 * <li>Basic 一般公共预算 当年 lines take the economic items of table 6; 公用经费 go to the units of table 11 (items
 *     of 行政 units' government codes first), the remainder to the first 事业 unit; 人员经费 go to the first 事业
 *     unit when their government item is a subsidy (505/506), else to the first 行政 unit. The economic pieces
 *     are then spread over the 项 of table 5: first where the catalogue says such money usually sits
 *     (养老保险缴费 on 2080505, 住房公积金 on 2210201 …), then like projects (an item's pieces that sum to a
 *     项 go together).</li>
 * <li>Basic money of other sources has no published economic breakdown: 公用经费 where table 11 shows it (其他商品和
 *     服务支出), the rest 人员经费 (其他工资福利支出), on the first 行政 unit.</li>
 * <li>"三公" amounts of table 10 beyond what basic lines hold sit on project lines: the part goes to the project
 *     whose name says it (车, 接待, 出国/出境), else to the largest project of that source, with the economic item.</li>
 * </ol>
 * Every line says in its provenance which tables and rules made it.
 */
public final class Reconstruction {

    /** A reconstructed opening line (年初预算), in 分. */
    public record Line(String unitCode, String functionalCode, ExpenditureKind kind, String deptEconomicCode,
                       String govEconomicCode, FundingSource fundingSource, Origin origin, String project,
                       long amountFen, String provenance) {

        Line withAmount(long newAmountFen) {
            return new Line(unitCode, functionalCode, kind, deptEconomicCode, govEconomicCode, fundingSource, origin,
                    project, newAmountFen, provenance);
        }

        boolean sameDimensions(Line other) {
            return unitCode.equals(other.unitCode) && functionalCode.equals(other.functionalCode)
                    && kind == other.kind && Objects.equals(deptEconomicCode, other.deptEconomicCode)
                    && Objects.equals(govEconomicCode, other.govEconomicCode)
                    && fundingSource == other.fundingSource && origin == other.origin
                    && Objects.equals(project, other.project);
        }
    }

    public static final class ReconstructionException extends RuntimeException {
        private final List<ParseProblem> problems;

        ReconstructionException(List<ParseProblem> problems) {
            super(problems.size() + " problem(s): " + problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        public List<ParseProblem> problems() {
            return problems;
        }
    }

    private static final FundingSource[] FISCAL = {GENERAL_PUBLIC, GOVERNMENT_FUND, STATE_CAPITAL};

    private record Group(FundingSource source, Origin origin, boolean project) {
    }

    private record EconomicCell(EconomicItem item, String govCode, ExpenditureKind kind, long amountFen) {
    }

    private final Map<Integer, DisclosureTable> tables;
    private final List<BudgetUnit> units;
    private final ClassificationCatalogue catalogue;
    private final List<ParseProblem> problems = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    /** Per group, per 项, the exact amount the lines of that group must hold. */
    private final Map<Group, Map<String, Long>> demands = new LinkedHashMap<>();

    private Reconstruction(int fiscalYear, List<BudgetUnit> units, Map<Integer, DisclosureTable> tables) {
        this.tables = tables;
        this.units = units;
        this.catalogue = ClassificationCatalogue.forYear(fiscalYear);
    }

    /** The opening lines that reproduce the tables; throws with every problem found when that cannot be done. */
    public static List<Line> reconstruct(int fiscalYear, List<BudgetUnit> units, Map<Integer, DisclosureTable> tables) {
        Reconstruction reconstruction = new Reconstruction(fiscalYear, units, tables);
        reconstruction.run();
        if (!reconstruction.problems.isEmpty()) {
            throw new ReconstructionException(reconstruction.problems);
        }
        return merged(reconstruction.lines);
    }

    private void run() {
        for (int n = 1; n <= 13; n++) {
            if (!tables.containsKey(n)) {
                problems.add(new ParseProblem(0, "表" + n, "缺少表" + n));
            }
        }
        if (units.isEmpty()) {
            problems.add(new ParseProblem(0, "", "文档中找不到预算单位"));
        }
        if (!problems.isEmpty()) {
            return;
        }
        functionalCells();
        if (!problems.isEmpty()) {
            return;
        }
        projectLines(CURRENT_YEAR);
        projectLines(CARRIED_OVER);
        generalPublicBasicLines();
        otherBasicLines();
        if (problems.isEmpty()) {
            threePublicOnProjects();
        }
    }

    // ---- 1 and 2: exact amounts per 项 and group -------------------------------------------------------

    private void functionalCells() {
        Map<String, Long> basic = items(3, 0, 1);
        Map<String, Long> project = items(3, 0, 2);
        Map<String, Long> gpBasic = items(5, 0, 1);
        Map<String, Long> gpProject = items(5, 0, 2);
        Map<String, Long> gfBasic = items(8, 0, 1);
        Map<String, Long> gfProject = items(8, 0, 2);
        Map<String, Long> scBasic = items(9, 2, 2);
        Map<String, Long> scProject = items(9, 2, 3);
        Map<String, Long> special = items(2, 0, 4);
        Map<String, Long> unitOwn = items(2, 0, 5);
        Map<String, Long> carried = items(2, 0, 6);
        put(new Group(GENERAL_PUBLIC, CURRENT_YEAR, false), gpBasic);
        put(new Group(GENERAL_PUBLIC, CURRENT_YEAR, true), gpProject);
        put(new Group(GOVERNMENT_FUND, CURRENT_YEAR, false), gfBasic);
        put(new Group(GOVERNMENT_FUND, CURRENT_YEAR, true), gfProject);
        put(new Group(STATE_CAPITAL, CURRENT_YEAR, false), scBasic);
        put(new Group(STATE_CAPITAL, CURRENT_YEAR, true), scProject);

        Map<String, Long> carriedBasic = new TreeMap<>();
        Map<String, Long> carriedProject = new TreeMap<>();
        TreeSet<String> codes = new TreeSet<>(basic.keySet());
        codes.addAll(project.keySet());
        codes.addAll(special.keySet());
        codes.addAll(unitOwn.keySet());
        codes.addAll(carried.keySet());
        for (String code : codes) {
            long restBasic = nonNegative(get(basic, code) - get(gpBasic, code) - get(gfBasic, code)
                    - get(scBasic, code), code, "基本支出");
            long restProject = nonNegative(get(project, code) - get(gpProject, code) - get(gfProject, code)
                    - get(scProject, code), code, "项目支出");
            long[] others = {get(special, code), get(unitOwn, code), get(carried, code)};
            long[] exact = Fen.balance(restBasic + restProject, others);
            if (exact == null) {
                problems.add(new ParseProblem(rowLine(3, 0, code), title(3), "科目 " + code + " 的支出 "
                        + Fen.wan(restBasic + restProject) + " 万元（除一般公共预算、政府性基金、国有资本经营预算外）与表2 "
                        + "财政专户管理资金、单位资金、上年结转之和 " + Fen.wan(others[0] + others[1] + others[2])
                        + " 万元不符"));
                continue;
            }
            long carriedToProject = Math.min(exact[2], restProject);
            long carriedToBasic = exact[2] - carriedToProject;
            long leftBasic = restBasic - carriedToBasic;
            long leftProject = restProject - carriedToProject;
            long specialToBasic = Math.min(exact[0], leftBasic);
            long specialToProject = exact[0] - specialToBasic;
            add(new Group(FISCAL_SPECIAL_ACCOUNT, CURRENT_YEAR, false), code, specialToBasic);
            add(new Group(FISCAL_SPECIAL_ACCOUNT, CURRENT_YEAR, true), code, specialToProject);
            add(new Group(UNIT_OWN, CURRENT_YEAR, false), code, leftBasic - specialToBasic);
            add(new Group(UNIT_OWN, CURRENT_YEAR, true), code, leftProject - specialToProject);
            carriedBasic.merge(code, carriedToBasic, Long::sum);
            carriedProject.merge(code, carriedToProject, Long::sum);
        }
        carriedSources(carriedProject, carriedBasic);
    }

    /** Gives carried-over money its source: fiscal sources from tables 13 and 4, the rest 单位资金. */
    private void carriedSources(Map<String, Long> carriedProject, Map<String, Long> carriedBasic) {
        long projectTotal = sum(carriedProject);
        long basicTotal = sum(carriedBasic);
        if (projectTotal + basicTotal == 0) {
            return;
        }
        long[] projectFiscal = new long[3];
        TableRow department = firstRow(13);
        for (int s = 0; s < 3; s++) {
            projectFiscal[s] = department == null ? 0 : Fen.of(department.amounts().get(s + 1));
        }
        long[] allFiscal = carriedFiscalOfTable4();
        long[] basicFiscal = new long[3];
        for (int s = 0; s < 3; s++) {
            basicFiscal[s] = Math.max(0, allFiscal[s] - projectFiscal[s]);
        }
        spreadCarried(carriedProject, projectFiscal, true);
        spreadCarried(carriedBasic, basicFiscal, false);
    }

    private void spreadCarried(Map<String, Long> perItem, long[] fiscal, boolean project) {
        long total = sum(perItem);
        if (total == 0) {
            return;
        }
        long fiscalTotal = fiscal[0] + fiscal[1] + fiscal[2];
        long nonFiscal = total - fiscalTotal;
        if (Math.abs(nonFiscal) < Fen.STEP) {
            // Less than a published cent: rounding, not money of another source.
            long[] exact = Fen.balance(total, fiscal);
            if (exact != null) {
                fiscal = exact;
                nonFiscal = 0;
            }
        }
        if (nonFiscal < 0) {
            problems.add(new ParseProblem(0, project ? title(13) : title(4), "上年结转财政拨款 " + Fen.wan(fiscalTotal)
                    + " 万元多于表2 上年结转 " + Fen.wan(total) + " 万元"));
            return;
        }
        List<String> codes = new ArrayList<>(perItem.keySet());
        long[] supplies = {fiscal[0], fiscal[1], fiscal[2], nonFiscal};
        FundingSource[] sources = {GENERAL_PUBLIC, GOVERNMENT_FUND, STATE_CAPITAL, UNIT_OWN};
        long[] demand = codes.stream().mapToLong(perItem::get).toArray();
        for (Allocation a : Transport.allocate(supplies, demand, new int[]{0, 1, 2, 3})) {
            add(new Group(sources[a.supply()], CARRIED_OVER, project), codes.get(a.demand()), a.amount());
        }
    }

    /** Table 4's 上年财政拨款结转 by source (一般公共预算, 政府性基金预算, 国有资本经营预算). */
    private long[] carriedFiscalOfTable4() {
        long[] amounts = new long[3];
        boolean inCarried = false;
        for (TableRow row : tables.get(4).rows()) {
            String income = row.labels().get(0);
            if (income.contains("上年财政拨款结转")) {
                inCarried = true;
            } else if (income.contains("收入总计")) {
                inCarried = false;
            } else if (inCarried) {
                int s = income.contains("一般公共预算") ? 0 : income.contains("政府性基金") ? 1
                        : income.contains("国有资本经营") ? 2 : -1;
                if (s >= 0) {
                    amounts[s] = Fen.of(row.amounts().get(0));
                }
            }
        }
        return amounts;
    }

    // ---- 3: projects ---------------------------------------------------------------------------------

    private void projectLines(Origin origin) {
        int tableNo = origin == CURRENT_YEAR ? 12 : 13;
        FundingSource[] sources = origin == CURRENT_YEAR
                ? new FundingSource[]{GENERAL_PUBLIC, GOVERNMENT_FUND, STATE_CAPITAL, FISCAL_SPECIAL_ACCOUNT, UNIT_OWN}
                : FISCAL;
        List<TableRow> rows = tables.get(tableNo).rows();
        for (int s = 0; s < sources.length; s++) {
            Map<String, Long> demand = demands.getOrDefault(new Group(sources[s], origin, true), Map.of());
            long demandTotal = sum(demand);
            long published = rows.isEmpty() ? 0 : Fen.of(rows.get(0).amounts().get(s + 1));
            if (demandTotal == 0 && published == 0) {
                continue;
            }
            if (Math.abs(demandTotal - published) > Fen.DOWN) {
                problems.add(new ParseProblem(rows.isEmpty() ? 0 : rows.get(0).sourceLine(), title(tableNo),
                        sources[s].label() + " 项目支出合计 " + Fen.wan(published) + " 万元与功能分类表中的 "
                                + Fen.wan(demandTotal) + " 万元不符"));
                continue;
            }
            spreadProjects(tableNo, rows, s + 1, sources[s], origin, demandTotal, demand);
        }
        if (origin == CARRIED_OVER) {
            // Carried-over 单位资金 has no column in table 13: one line per 项 under a named placeholder project.
            Map<String, Long> own = demands.getOrDefault(new Group(UNIT_OWN, CARRIED_OVER, true), Map.of());
            own.forEach((code, amount) -> lines.add(new Line(firstUnit(UnitType.ADMINISTRATIVE).code(), code, PROJECT,
                    null, null, UNIT_OWN, CARRIED_OVER, "上年结转项目（非财政拨款）", amount,
                    "重建：表2 上年结转减表13 财政拨款结转，归入单位资金")));
        }
    }

    private void spreadProjects(int tableNo, List<TableRow> rows, int column, FundingSource source, Origin origin,
                                long total, Map<String, Long> demand) {
        List<String> projectNames = new ArrayList<>();
        List<String> unitCodes = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<TableRow> unitRows = rows.stream().filter(r -> r.level() == 1).toList();
        long[] unitExact = Fen.balance(total, unitRows.stream().mapToLong(r -> Fen.of(r.amounts().get(column))).toArray());
        if (unitExact == null) {
            problems.add(new ParseProblem(rows.get(0).sourceLine(), title(tableNo), source.label() + " 列：各单位之和与部门合计相差超过尾差"));
            return;
        }
        int unitIndex = -1;
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            if (row.level() != 1) {
                continue;
            }
            unitIndex++;
            Optional<BudgetUnit> unit = unitNamed(row.labels().get(0));
            if (unit.isEmpty()) {
                problems.add(new ParseProblem(row.sourceLine(), title(tableNo), "单位 “" + row.labels().get(0) + "” 不在预算单位中"));
                continue;
            }
            List<TableRow> projects = new ArrayList<>();
            for (int j = i + 1; j < rows.size() && rows.get(j).level() == 2; j++) {
                projects.add(rows.get(j));
            }
            long[] exact = Fen.balance(unitExact[unitIndex],
                    projects.stream().mapToLong(r -> Fen.of(r.amounts().get(column))).toArray());
            if (exact == null) {
                problems.add(new ParseProblem(row.sourceLine(), title(tableNo), "单位 “" + row.labels().get(0) + "” 的"
                        + source.label() + "与其项目之和相差超过尾差"));
                continue;
            }
            for (int p = 0; p < projects.size(); p++) {
                if (exact[p] > 0) {
                    projectNames.add(projects.get(p).labels().get(0));
                    unitCodes.add(unit.get().code());
                    amounts.add(exact[p]);
                    groups.add(unitIndex);
                }
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        List<String> codes = new ArrayList<>(demand.keySet());
        long[] demandAmounts = codes.stream().mapToLong(demand::get).toArray();
        long[] supplies = amounts.stream().mapToLong(Long::longValue).toArray();
        long difference = sum(demand) - java.util.Arrays.stream(supplies).sum();
        if (difference != 0) {
            problems.add(new ParseProblem(rows.get(0).sourceLine(), title(tableNo), source.label() + " 项目之和与科目之和相差 "
                    + Fen.wan(Math.abs(difference)) + " 万元"));
            return;
        }
        for (Allocation a : Transport.allocate(supplies, demandAmounts, groups.stream().mapToInt(Integer::intValue).toArray())) {
            lines.add(new Line(unitCodes.get(a.supply()), codes.get(a.demand()), PROJECT, null, null, source, origin,
                    projectNames.get(a.supply()), a.amount(), "重建：表" + tableNo + " 项目 × 表"
                    + (source == GENERAL_PUBLIC && origin == CURRENT_YEAR ? "5" : "2/3") + " 科目 " + codes.get(a.demand())
                    + " 项目支出（" + source.label() + "，" + origin.label() + "）"));
        }
    }

    // ---- 4: basic lines of 一般公共预算 当年 with table 6's economic items -------------------------------------

    private void generalPublicBasicLines() {
        Map<String, Long> demand = demands.getOrDefault(new Group(GENERAL_PUBLIC, CURRENT_YEAR, false), Map.of());
        long total = sum(demand);
        List<EconomicCell> cells = economicCells(total);
        if (cells == null || total == 0) {
            return;
        }
        List<EconomicCell> publicUse = new ArrayList<>(cells.stream().filter(c -> c.kind() == BASIC_PUBLIC_USE).toList());
        // Items with an administrative government code (not a subsidy to a 事业 unit) first: 行政 units come first.
        publicUse.sort(java.util.Comparator.comparing(c -> isSubsidy(c.govCode())));
        List<String> pieceUnits = new ArrayList<>();
        List<EconomicCell> pieces = new ArrayList<>();
        for (EconomicCell cell : cells) {
            if (cell.kind() == BASIC_PERSONNEL) {
                pieces.add(cell);
                pieceUnits.add(personnelUnit(cell.govCode()).code());
            }
        }
        Map<String, Long> unitShares = publicUseByUnit(0, publicUse.stream().mapToLong(EconomicCell::amountFen).sum());
        if (unitShares == null) {
            return;
        }
        List<String> unitList = new ArrayList<>(unitShares.keySet());
        long[] unitAmounts = unitList.stream().mapToLong(unitShares::get).toArray();
        long[] cellAmounts = publicUse.stream().mapToLong(EconomicCell::amountFen).toArray();
        int[] distinct = java.util.stream.IntStream.range(0, cellAmounts.length).toArray();
        for (Allocation a : Transport.allocate(cellAmounts, unitAmounts, distinct)) {
            EconomicCell cell = publicUse.get(a.supply());
            pieces.add(new EconomicCell(cell.item(), cell.govCode(), cell.kind(), a.amount()));
            pieceUnits.add(unitList.get(a.demand()));
        }
        List<String> codes = new ArrayList<>(demand.keySet());
        long[] demandAmounts = codes.stream().mapToLong(demand::get).toArray();
        long[] supplies = pieces.stream().mapToLong(EconomicCell::amountFen).toArray();
        List<String> itemCodes = pieces.stream().map(p -> p.item().code()).distinct().toList();
        int[] groups = pieces.stream().mapToInt(p -> itemCodes.indexOf(p.item().code())).toArray();
        int[][] preferred = new int[pieces.size()][];
        for (int i = 0; i < pieces.size(); i++) {
            boolean institution = isSubsidy(pieces.get(i).govCode());
            preferred[i] = catalogue.functionalHints(pieces.get(i).item().code(), institution).stream()
                    .mapToInt(codes::indexOf).filter(d -> d >= 0).toArray();
        }
        for (Allocation a : Transport.allocate(supplies, demandAmounts, groups, preferred)) {
            EconomicCell piece = pieces.get(a.supply());
            String govName = catalogue.govEconomicName(piece.govCode()).orElse(piece.govCode());
            lines.add(new Line(pieceUnits.get(a.supply()), codes.get(a.demand()), piece.kind(), piece.item().code(),
                    piece.govCode(), GENERAL_PUBLIC, CURRENT_YEAR, null, a.amount(),
                    "重建：表6 " + piece.item().name() + "/" + govName + " " + (piece.kind() == BASIC_PERSONNEL ? "人员经费" : "公用经费")
                            + " × 表5 科目 " + codes.get(a.demand()) + " 基本支出"
                            + (piece.kind() == BASIC_PUBLIC_USE ? " × 表11 单位" : "")));
        }
    }

    /** Table 6 as exact cells, consistent with the 一般公共预算 basic total of table 5. */
    private List<EconomicCell> economicCells(long total) {
        DisclosureTable table = tables.get(6);
        List<TableRow> rows = table.rows();
        TableRow sumRow = rows.stream().filter(r -> r.level() == 0).findFirst().orElse(null);
        if (sumRow == null) {
            problems.add(new ParseProblem(0, title(6), "缺少合计行"));
            return null;
        }
        if (Math.abs(Fen.of(sumRow.amounts().get(0)) - total) > Fen.DOWN) {
            problems.add(new ParseProblem(sumRow.sourceLine(), title(6), "合计 " + Fen.wan(Fen.of(sumRow.amounts().get(0)))
                    + " 万元与表5 基本支出合计 " + Fen.wan(total) + " 万元不符"));
            return null;
        }
        long[] kinds = Fen.balance(total, new long[]{Fen.of(sumRow.amounts().get(1)), Fen.of(sumRow.amounts().get(2))});
        if (kinds == null) {
            problems.add(new ParseProblem(sumRow.sourceLine(), title(6), "人员经费与公用经费之和与合计相差超过尾差"));
            return null;
        }
        List<EconomicCell> cells = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            ExpenditureKind kind = k == 0 ? BASIC_PERSONNEL : BASIC_PUBLIC_USE;
            int column = k + 1;
            List<TableRow> classes = rows.stream().filter(r -> r.level() == 1).toList();
            long[] classExact = Fen.balance(kinds[k], classes.stream().mapToLong(r -> Fen.of(r.amounts().get(column))).toArray());
            if (classExact == null) {
                problems.add(new ParseProblem(sumRow.sourceLine(), title(6), kind.label() + "：各类之和与合计相差超过尾差"));
                continue;
            }
            int classIndex = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).level() != 1) {
                    continue;
                }
                classIndex++;
                TableRow classRow = rows.get(i);
                String className = classRow.labels().get(0);
                Optional<String> classCode = catalogue.deptEconomicClassCode(className);
                List<TableRow> items = new ArrayList<>();
                for (int j = i + 1; j < rows.size() && rows.get(j).level() == 2; j++) {
                    items.add(rows.get(j));
                }
                if (classCode.isEmpty()) {
                    problems.add(new ParseProblem(classRow.sourceLine(), title(6), "经济分类 “" + className + "” 不在科目中"));
                    continue;
                }
                long[] itemExact = Fen.balance(classExact[classIndex],
                        items.stream().mapToLong(r -> Fen.of(r.amounts().get(column))).toArray());
                if (itemExact == null) {
                    problems.add(new ParseProblem(classRow.sourceLine(), title(6), className + " " + kind.label()
                            + "：各款之和与类合计相差超过尾差"));
                    continue;
                }
                for (int j = 0; j < items.size(); j++) {
                    if (itemExact[j] == 0) {
                        continue;
                    }
                    TableRow row = items.get(j);
                    EconomicCell cell = economicCell(classCode.get(), row, kind, itemExact[j]);
                    if (cell != null) {
                        cells.add(cell);
                    }
                }
            }
        }
        // Table order: by row, personnel before public use within a row.
        return cells;
    }

    private EconomicCell economicCell(String classCode, TableRow row, ExpenditureKind kind, long amount) {
        String deptName = row.labels().get(0);
        String govName = row.labels().size() > 1 ? row.labels().get(1) : "";
        Optional<EconomicItem> item = catalogue.deptEconomicByName(classCode, deptName);
        if (item.isEmpty()) {
            problems.add(new ParseProblem(row.sourceLine(), title(6), "部门经济分类 “" + deptName + "” 不在 " + classCode + " 类中"));
            return null;
        }
        String govCode = java.util.stream.Stream.of(item.get().govCodeAdministrative(), item.get().govCodeInstitution())
                .filter(code -> catalogue.govEconomicName(code).map(govName::equals).orElse(false))
                .findFirst().orElse(null);
        if (govCode == null) {
            problems.add(new ParseProblem(row.sourceLine(), title(6), "“" + deptName + "” 不对应政府经济分类 “" + govName + "”"));
            return null;
        }
        return new EconomicCell(item.get(), govCode, kind, amount);
    }

    /**
     * How much 公用经费 of one fiscal source (column 1, 2, 3 of table 11) each unit holds: table 11's 行政 / 参公 units,
     * the rest on the first 事业 unit. Null (with a problem) when table 11 holds more than there is.
     */
    private Map<String, Long> publicUseByUnit(int fiscalIndex, long total) {
        DisclosureTable table = tables.get(11);
        int column = fiscalIndex + 1;
        List<TableRow> unitRows = table.rows().stream().filter(r -> r.level() == 1).toList();
        long[] published = unitRows.stream().mapToLong(r -> Fen.of(r.amounts().get(column))).toArray();
        long publishedSum = java.util.Arrays.stream(published).sum();
        long rest = total - publishedSum;
        long[] exact = published;
        if (rest < 0 || (rest > 0 && rest < Fen.STEP && firstOfType(UnitType.PUBLIC_INSTITUTION).isEmpty())) {
            exact = Fen.balance(total, published);
            rest = 0;
            if (exact == null) {
                problems.add(new ParseProblem(unitRows.isEmpty() ? 0 : unitRows.get(0).sourceLine(), title(11),
                        FISCAL[fiscalIndex].label() + " 机关运行经费 " + Fen.wan(publishedSum) + " 万元多于公用经费 "
                                + Fen.wan(total) + " 万元"));
                return null;
            }
        }
        Map<String, Long> shares = new LinkedHashMap<>();
        for (int i = 0; i < unitRows.size(); i++) {
            Optional<BudgetUnit> unit = unitNamed(unitRows.get(i).labels().get(0));
            if (unit.isEmpty()) {
                problems.add(new ParseProblem(unitRows.get(i).sourceLine(), title(11), "单位 “" + unitRows.get(i).labels().get(0)
                        + "” 不在预算单位中"));
                return null;
            }
            if (exact[i] > 0) {
                shares.merge(unit.get().code(), exact[i], Long::sum);
            }
        }
        if (rest > 0) {
            Optional<BudgetUnit> institution = firstOfType(UnitType.PUBLIC_INSTITUTION);
            if (institution.isEmpty()) {
                problems.add(new ParseProblem(0, title(11), "公用经费多出机关运行经费 " + Fen.wan(rest)
                        + " 万元，但没有事业单位可以承担"));
                return null;
            }
            shares.merge(institution.get().code(), rest, Long::sum);
        }
        return shares;
    }

    // ---- 5: basic lines of other sources and origins --------------------------------------------------------

    private void otherBasicLines() {
        for (Map.Entry<Group, Map<String, Long>> entry : demands.entrySet()) {
            Group group = entry.getKey();
            if (group.project() || (group.source() == GENERAL_PUBLIC && group.origin() == CURRENT_YEAR)) {
                continue;
            }
            Map<String, Long> demand = entry.getValue();
            long total = sum(demand);
            if (total == 0) {
                continue;
            }
            Map<String, Long> publicShares = Map.of();
            int fiscalIndex = java.util.Arrays.asList(FISCAL).indexOf(group.source());
            if (group.origin() == CURRENT_YEAR && fiscalIndex > 0) {
                long published = tables.get(11).rows().stream().filter(r -> r.level() == 1)
                        .mapToLong(r -> Fen.of(r.amounts().get(fiscalIndex + 1))).sum();
                publicShares = publicUseByUnit(fiscalIndex, Math.min(published, total));
                if (publicShares == null) {
                    return;
                }
            }
            EconomicItem otherGoods = catalogue.deptEconomic("30299").orElseThrow();
            EconomicItem otherWages = catalogue.deptEconomic("30199").orElseThrow();
            List<String> pieceUnits = new ArrayList<>();
            List<EconomicCell> pieces = new ArrayList<>();
            long publicTotal = 0;
            for (Map.Entry<String, Long> share : publicShares.entrySet()) {
                BudgetUnit unit = units.stream().filter(u -> u.code().equals(share.getKey())).findFirst().orElseThrow();
                pieces.add(new EconomicCell(otherGoods, govCodeFor(otherGoods, unit), BASIC_PUBLIC_USE, share.getValue()));
                pieceUnits.add(unit.code());
                publicTotal += share.getValue();
            }
            BudgetUnit admin = firstUnit(UnitType.ADMINISTRATIVE);
            if (total > publicTotal) {
                pieces.add(new EconomicCell(otherWages, govCodeFor(otherWages, admin), BASIC_PERSONNEL, total - publicTotal));
                pieceUnits.add(admin.code());
            }
            List<String> codes = new ArrayList<>(demand.keySet());
            long[] demandAmounts = codes.stream().mapToLong(demand::get).toArray();
            long[] supplies = pieces.stream().mapToLong(EconomicCell::amountFen).toArray();
            for (Allocation a : Transport.allocate(supplies, demandAmounts,
                    java.util.stream.IntStream.range(0, supplies.length).toArray())) {
                EconomicCell piece = pieces.get(a.supply());
                lines.add(new Line(pieceUnits.get(a.supply()), codes.get(a.demand()), piece.kind(), piece.item().code(),
                        piece.govCode(), group.source(), group.origin(), null, a.amount(),
                        "重建：表2/3 科目 " + codes.get(a.demand()) + " 基本支出（" + group.source().label() + "，"
                                + group.origin().label() + "），无经济分类公开，按" + piece.item().name() + "记"
                                + (piece.kind() == BASIC_PUBLIC_USE ? "（表11 机关运行经费）" : "")));
            }
        }
    }

    // ---- 6: "三公" on project lines -----------------------------------------------------------------------------

    private void threePublicOnProjects() {
        DisclosureTable table = tables.get(10);
        for (TableRow row : table.rows()) {
            ThreePublicExpense category = threePublicOf(row.labels().get(0));
            if (category == null) {
                continue;
            }
            for (int s = 0; s < 3; s++) {
                FundingSource source = FISCAL[s];
                long published = Fen.of(row.amounts().get(s + 1));
                long onBasic = lines.stream().filter(l -> l.kind() != PROJECT && l.fundingSource() == source
                                && l.origin() == CURRENT_YEAR && l.deptEconomicCode() != null
                                && catalogue.deptEconomic(l.deptEconomicCode()).map(EconomicItem::threePublic).orElse(null) == category)
                        .mapToLong(Line::amountFen).sum();
                long onProjects = published - onBasic;
                if (Math.abs(onProjects) <= Fen.DOWN) {
                    continue;
                }
                if (onProjects < 0) {
                    problems.add(new ParseProblem(row.sourceLine(), title(10), category.label() + "（" + source.label() + "）"
                            + Fen.wan(published) + " 万元少于表6 基本支出中的 " + Fen.wan(onBasic) + " 万元"));
                    continue;
                }
                assignThreePublic(category, source, onProjects, row);
            }
        }
    }

    private void assignThreePublic(ThreePublicExpense category, FundingSource source, long amount, TableRow row) {
        String keyword = switch (category) {
            case VEHICLE_PURCHASE, VEHICLE_OPERATION -> "车";
            case RECEPTION -> "接待";
            case TRAVEL_ABROAD -> "出国";
        };
        String itemCode = switch (category) {
            case TRAVEL_ABROAD -> "30212";
            case RECEPTION -> "30217";
            case VEHICLE_OPERATION -> "30231";
            case VEHICLE_PURCHASE -> "31013";
        };
        EconomicItem item = catalogue.deptEconomic(itemCode).orElseThrow();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.kind() == PROJECT && line.fundingSource() == source && line.origin() == CURRENT_YEAR
                    && line.deptEconomicCode() == null) {
                candidates.add(i);
            }
        }
        candidates.sort(java.util.Comparator
                .comparing((Integer i) -> !(lines.get(i).project().contains(keyword)
                        || (category == ThreePublicExpense.TRAVEL_ABROAD && lines.get(i).project().contains("出境"))))
                .thenComparing(i -> -lines.get(i).amountFen()));
        long left = amount;
        for (int i : candidates) {
            if (left == 0) {
                break;
            }
            Line line = lines.get(i);
            long take = Math.min(left, line.amountFen());
            BudgetUnit unit = units.stream().filter(u -> u.code().equals(line.unitCode())).findFirst().orElseThrow();
            lines.set(i, line.withAmount(line.amountFen() - take));
            lines.add(new Line(line.unitCode(), line.functionalCode(), PROJECT, item.code(), govCodeFor(item, unit),
                    source, CURRENT_YEAR, line.project(), take, "重建：表10 " + category.label() + "超出基本支出的部分，记在项目 “"
                    + line.project() + "” 上"));
            left -= take;
        }
        if (left > 0) {
            problems.add(new ParseProblem(row.sourceLine(), title(10), category.label() + "（" + source.label() + "）有 "
                    + Fen.wan(left) + " 万元既不在基本支出也找不到项目承担"));
        }
    }

    private static ThreePublicExpense threePublicOf(String label) {
        if (label.contains("因公出国")) {
            return ThreePublicExpense.TRAVEL_ABROAD;
        }
        if (label.contains("公务接待")) {
            return ThreePublicExpense.RECEPTION;
        }
        if (label.contains("公务用车购置费")) {
            return ThreePublicExpense.VEHICLE_PURCHASE;
        }
        if (label.contains("公务用车运行维护费")) {
            return ThreePublicExpense.VEHICLE_OPERATION;
        }
        return null;
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /**
     * Exact amounts per 项 of one amount column of a functional table, consistent with its 合计, 类 and 款 cells.
     * {@code codeLabel} is the label cell holding the code.
     */
    private Map<String, Long> items(int tableNo, int codeLabel, int column) {
        DisclosureTable table = tables.get(tableNo);
        Map<String, TableRow> byCode = new TreeMap<>();
        TableRow sumRow = null;
        for (TableRow row : table.rows()) {
            String code = row.labels().size() > codeLabel ? row.labels().get(codeLabel).strip() : "";
            if (code.matches("\\d{3}|\\d{5}|\\d{7}")) {
                byCode.put(code, row);
            } else if (row.level() == 0 && sumRow == null) {
                sumRow = row;
            }
        }
        Map<String, Long> items = new TreeMap<>();
        long total = sumRow == null ? 0 : Fen.of(sumRow.amounts().get(column));
        if (total == 0 && byCode.values().stream().allMatch(r -> Fen.of(r.amounts().get(column)) == 0)) {
            return items;
        }
        Map<String, Long> exact = new TreeMap<>();
        split(tableNo, column, total, sumRow == null ? 0 : sumRow.sourceLine(), "合计",
                byCode.keySet().stream().filter(c -> c.length() == 3).toList(), byCode, exact);
        for (String classCode : byCode.keySet().stream().filter(c -> c.length() == 3).toList()) {
            split(tableNo, column, exact.getOrDefault(classCode, 0L), byCode.get(classCode).sourceLine(), classCode,
                    byCode.keySet().stream().filter(c -> c.length() == 5 && c.startsWith(classCode)).toList(), byCode, exact);
        }
        for (String sectionCode : byCode.keySet().stream().filter(c -> c.length() == 5).toList()) {
            split(tableNo, column, exact.getOrDefault(sectionCode, 0L), byCode.get(sectionCode).sourceLine(), sectionCode,
                    byCode.keySet().stream().filter(c -> c.length() == 7 && c.startsWith(sectionCode)).toList(), byCode, exact);
        }
        exact.forEach((code, amount) -> {
            if (code.length() == 7 && amount != 0) {
                items.put(code, amount);
            }
        });
        return items;
    }

    private void split(int tableNo, int column, long parent, int parentLine, String parentLabel, List<String> children,
                       Map<String, TableRow> byCode, Map<String, Long> exact) {
        if (parent == 0 && children.stream().allMatch(c -> Fen.of(byCode.get(c).amounts().get(column)) == 0)) {
            return;
        }
        long[] published = children.stream().mapToLong(c -> Fen.of(byCode.get(c).amounts().get(column))).toArray();
        long[] balanced = Fen.balance(parent, published);
        if (balanced == null) {
            long childSum = java.util.Arrays.stream(published).sum();
            problems.add(new ParseProblem(parentLine, title(tableNo), parentLabel + " " + tables.get(tableNo).amountColumns().get(column)
                    + " " + Fen.wan(parent) + " 万元与下级科目之和 " + Fen.wan(childSum) + " 万元相差超过尾差"));
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            exact.put(children.get(i), balanced[i]);
        }
    }

    private long nonNegative(long amount, String code, String what) {
        if (amount >= 0) {
            return amount;
        }
        if (-amount <= 3 * Fen.DOWN) {
            return 0; // rounding of independently published cells
        }
        problems.add(new ParseProblem(rowLine(3, 0, code), title(3), "科目 " + code + " " + what + "少于各资金来源之和 "
                + Fen.wan(-amount) + " 万元"));
        return 0;
    }

    private int rowLine(int tableNo, int codeLabel, String code) {
        return tables.get(tableNo).rows().stream().filter(r -> r.labels().size() > codeLabel
                && r.labels().get(codeLabel).strip().equals(code)).mapToInt(TableRow::sourceLine).findFirst().orElse(0);
    }

    private TableRow firstRow(int tableNo) {
        List<TableRow> rows = tables.get(tableNo).rows();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String title(int tableNo) {
        DisclosureTable table = tables.get(tableNo);
        return "表" + tableNo + (table == null ? "" : " " + table.title());
    }

    private void put(Group group, Map<String, Long> amounts) {
        amounts.forEach((code, amount) -> add(group, code, amount));
    }

    private void add(Group group, String code, long amount) {
        if (amount != 0) {
            demands.computeIfAbsent(group, g -> new TreeMap<>()).merge(code, amount, Long::sum);
        }
    }

    private static long get(Map<String, Long> amounts, String code) {
        return amounts.getOrDefault(code, 0L);
    }

    private static long sum(Map<String, Long> amounts) {
        return amounts.values().stream().mapToLong(Long::longValue).sum();
    }

    private Optional<BudgetUnit> unitNamed(String name) {
        String wanted = name.strip();
        return units.stream().filter(u -> u.name().equals(wanted)).findFirst();
    }

    private Optional<BudgetUnit> firstOfType(UnitType type) {
        return units.stream().filter(u -> u.type() == type).findFirst();
    }

    private BudgetUnit firstUnit(UnitType preferred) {
        return firstOfType(preferred).orElse(units.get(0));
    }

    private BudgetUnit personnelUnit(String govCode) {
        if (isSubsidy(govCode)) {
            return firstOfType(UnitType.PUBLIC_INSTITUTION)
                    .or(() -> firstOfType(UnitType.CIVIL_SERVICE_MANAGED)).orElse(units.get(0));
        }
        return firstUnit(UnitType.ADMINISTRATIVE);
    }

    private static boolean isSubsidy(String govCode) {
        return govCode.startsWith("505") || govCode.startsWith("506");
    }

    private static String govCodeFor(EconomicItem item, BudgetUnit unit) {
        return unit.type() == UnitType.PUBLIC_INSTITUTION ? item.govCodeInstitution() : item.govCodeAdministrative();
    }

    /** Lines with the same dimensions become one (their provenance is the first's). */
    private static List<Line> merged(List<Line> lines) {
        List<Line> result = new ArrayList<>();
        for (Line line : lines) {
            if (line.amountFen() == 0) {
                continue;
            }
            int same = -1;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).sameDimensions(line)) {
                    same = i;
                    break;
                }
            }
            if (same >= 0) {
                result.set(same, result.get(same).withAmount(result.get(same).amountFen() + line.amountFen()));
            } else {
                result.add(line);
            }
        }
        return result;
    }
}
