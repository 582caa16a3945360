package budgetledger.disclosure;

import budgetledger.model.Figures;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The lines the reconstruction may use: every combination of dimensions that some published cell can see, and for
 * dimensions no table shows (the unit of 人员经费, the source of carried-over non-fiscal money) one conventional
 * value. Each candidate carries a penalty: conventions (an economic item's usual 项, "三公" items on the project whose
 * name says so) are preferences of the objective, never rules. Candidates touching a cell that is published blank are
 * left out unless {@code liberal} (when looking for the cells that cannot hold, a blank may be the misprint).
 */
final class Candidates {

    /** A possible line, its amount still unknown. */
    record Candidate(BudgetLine line, int penalty, String provenance) {
    }

    /** Name of the project that holds carried-over non-fiscal project money: no table names it. */
    static final String CARRIED_NON_FISCAL_PROJECT = "上年结转项目（非财政拨款）";

    static final int CONVENTION_PENALTY = 3;

    private static final List<FundingSource> FISCAL = List.of(GENERAL_PUBLIC, GOVERNMENT_FUND, STATE_CAPITAL);
    private static final List<FundingSource> ALL = List.of(GENERAL_PUBLIC, GOVERNMENT_FUND, STATE_CAPITAL,
            FISCAL_SPECIAL_ACCOUNT, UNIT_OWN);
    /** Default economic items of lines no table breaks down by item. */
    private static final String OTHER_PERSONNEL = "30199";
    private static final String OTHER_PUBLIC_USE = "30299";

    private final ClassificationCatalogue catalogue;
    private final List<BudgetUnit> units;
    private final Map<Integer, DisclosureTable> tables;
    private final boolean liberal;
    private final List<ParseProblem> problems;
    private final Map<String, Candidate> result = new LinkedHashMap<>();

    private Candidates(ClassificationCatalogue catalogue, List<BudgetUnit> units, Map<Integer, DisclosureTable> tables,
                       boolean liberal, List<ParseProblem> problems) {
        this.catalogue = catalogue;
        this.units = units;
        this.tables = tables;
        this.liberal = liberal;
        this.problems = problems;
    }

    /** The candidates in a fixed order (same document, same list); problems of unreadable rows go to {@code problems}. */
    static List<Candidate> of(Template template, ClassificationCatalogue catalogue, List<BudgetUnit> units,
                              Map<Integer, DisclosureTable> tables, boolean liberal, List<ParseProblem> problems) {
        if (!template.isSeed()) {
            return TemplateCandidates.of(template, catalogue, units, tables, problems);
        }
        Candidates candidates = new Candidates(catalogue, units, tables, liberal, problems);
        candidates.build();
        return List.copyOf(candidates.result.values());
    }

    private void build() {
        generalPublicBasic();
        otherFiscalBasic();
        nonFiscalBasic();
        projects();
        carriedOver();
    }

    /** 一般公共预算 当年 基本支出: table 6's items (department item × government item) on table 5's basic 项. */
    private void generalPublicBasic() {
        Set<String> items = items(5, 1, 3, 1);
        for (EconomicRow row : economicRows()) {
            for (ExpenditureKind kind : List.of(BASIC_PERSONNEL, BASIC_PUBLIC_USE)) {
                if (!liberal && !row.has(kind)) {
                    continue;
                }
                for (String f : items) {
                    int penalty = hintPenalty(row.item(), f);
                    for (BudgetUnit unit : unitsFor(kind, GENERAL_PUBLIC, row.govCode())) {
                        add(new BudgetLine(null, unit.code(), f, kind, row.item().code(), row.govCode(),
                                GENERAL_PUBLIC, CURRENT_YEAR, null, 0), penalty + unitPenalty(unit, row.govCode()),
                                "表5 基本支出 × 表6 " + row.item().name());
                    }
                }
            }
        }
    }

    /** 政府性基金 / 国有资本经营 当年 基本支出 (tables 8, 9): no economic table, but table 11 and table 10 see them. */
    private void otherFiscalBasic() {
        for (FundingSource source : List.of(GOVERNMENT_FUND, STATE_CAPITAL)) {
            Set<String> items = source == GOVERNMENT_FUND ? items(8, 1, 3, 1) : items(9, 2, 3, 1);
            for (String f : items) {
                BudgetUnit personnelUnit = firstOfType(UnitType.ADMINISTRATIVE);
                add(basic(personnelUnit, f, BASIC_PERSONNEL, OTHER_PERSONNEL, source, CURRENT_YEAR), 0,
                        "表" + (source == GOVERNMENT_FUND ? 8 : 9) + " 基本支出");
                for (BudgetUnit unit : unitsFor(BASIC_PUBLIC_USE, source, null)) {
                    add(basic(unit, f, BASIC_PUBLIC_USE, OTHER_PUBLIC_USE, source, CURRENT_YEAR), 1,
                            "表11 公用经费");
                    for (EconomicItem item : threePublicItems(source)) {
                        add(basic(unit, f, BASIC_PUBLIC_USE, item.code(), source, CURRENT_YEAR), 1,
                                "表10 " + item.name());
                    }
                }
            }
        }
    }

    /** 财政专户管理资金 and 单位资金 当年 基本支出: table 2's source columns and table 3's basic column. */
    private void nonFiscalBasic() {
        for (FundingSource source : List.of(FISCAL_SPECIAL_ACCOUNT, UNIT_OWN)) {
            int column = 1 + ALL.indexOf(source);
            for (String f : intersection(items(2, column, 2, column), items(3, 1, 3, 1))) {
                add(basic(firstOfType(UnitType.ADMINISTRATIVE), f, BASIC_PERSONNEL, OTHER_PERSONNEL, source,
                        CURRENT_YEAR), 0, "表2 " + source.label() + " × 表3 基本支出");
            }
        }
    }

    /** 项目支出 当年 (table 12: project × source) on the 项 of their source and kind. */
    private void projects() {
        for (ProjectRow project : projectRows(12)) {
            for (int s = 0; s < ALL.size(); s++) {
                FundingSource source = ALL.get(s);
                if (!project.has(1 + s) && !liberal) {
                    continue;
                }
                for (String f : projectItems(source)) {
                    BudgetLine plain = new BudgetLine(null, project.unit().code(), f, PROJECT, null, null, source,
                            CURRENT_YEAR, project.name(), 0);
                    add(plain, 0, "表12 项目 × 项目支出的 项");
                    for (EconomicItem item : threePublicItems(source)) {
                        add(new BudgetLine(null, project.unit().code(), f, PROJECT, item.code(),
                                govCode(item, project.unit()), source, CURRENT_YEAR, project.name(), 0),
                                namesThreePublic(project.name(), item.threePublic()) ? 1 : CONVENTION_PENALTY + 1,
                                "表10 " + item.name() + " 在项目上");
                    }
                }
            }
        }
    }

    /** 上年结转: table 13's fiscal projects, fiscal basic money (table 4), non-fiscal money (tables 1 and 2). */
    private void carriedOver() {
        Set<String> carried = items(2, 6, 2, 6);
        Set<String> basic = intersection(carried, items(3, 1, 3, 1));
        Set<String> project = intersection(carried, items(3, 2, 3, 2));
        for (ProjectRow row : projectRows(13)) {
            for (int s = 0; s < FISCAL.size(); s++) {
                if (!row.has(1 + s) && !liberal) {
                    continue;
                }
                for (String f : project) {
                    add(new BudgetLine(null, row.unit().code(), f, PROJECT, null, null, FISCAL.get(s), CARRIED_OVER,
                            row.name(), 0), 0, "表13 项目 × 上年结转的 项");
                }
            }
        }
        BudgetUnit first = firstOfType(UnitType.ADMINISTRATIVE);
        for (FundingSource source : List.of(GENERAL_PUBLIC, GOVERNMENT_FUND, STATE_CAPITAL, UNIT_OWN)) {
            for (String f : basic) {
                add(basic(first, f, BASIC_PERSONNEL, OTHER_PERSONNEL, source, CARRIED_OVER), 0,
                        "表2 上年结转 × 表3 基本支出");
            }
        }
        for (String f : project) {
            add(new BudgetLine(null, first.code(), f, PROJECT, null, null, UNIT_OWN, CARRIED_OVER,
                    CARRIED_NON_FISCAL_PROJECT, 0), 0, "表2 上年结转 × 表3 项目支出（非财政拨款）");
        }
    }

    private void add(BudgetLine line, int penalty, String provenance) {
        String key = line.unitCode() + "|" + line.functionalCode() + "|" + line.kind() + "|" + line.deptEconomicCode()
                + "|" + line.govEconomicCode() + "|" + line.fundingSource() + "|" + line.origin() + "|"
                + line.project();
        result.putIfAbsent(key, new Candidate(line, penalty, provenance));
    }

    private BudgetLine basic(BudgetUnit unit, String f, ExpenditureKind kind, String deptCode, FundingSource source,
                             Origin origin) {
        EconomicItem item = catalogue.deptEconomic(deptCode).orElseThrow(() -> new IllegalStateException(
                "the " + catalogue.edition() + " catalogue lacks 部门经济分类 " + deptCode));
        return new BudgetLine(null, unit.code(), f, kind, deptCode, govCode(item, unit), source, origin, null, 0);
    }

    /** The 项 where project money of a source may sit. */
    private Set<String> projectItems(FundingSource source) {
        return switch (source) {
            case GENERAL_PUBLIC -> items(5, 2, 3, 2);
            case GOVERNMENT_FUND -> items(8, 2, 3, 2);
            case STATE_CAPITAL -> items(9, 3, 3, 2);
            default -> intersection(items(2, 1 + ALL.indexOf(source), 2, 1 + ALL.indexOf(source)), items(3, 2, 3, 2));
        };
    }

    /**
     * The 项 (7-digit codes) of a functional table whose column is not blank; when liberal, those of the broader
     * table and column that contain it (a misprinted blank must not hide a 项).
     */
    private Set<String> items(int table, int column, int liberalTable, int liberalColumn) {
        Set<String> codes = new TreeSet<>();
        int t = liberal ? liberalTable : table;
        int c = liberal ? liberalColumn : column;
        DisclosureTable published = tables.get(t);
        if (published == null) {
            return codes;
        }
        for (TableRow row : published.rows()) {
            String code = functionalCode(t, row);
            if (code.length() == 7 && (liberal || cell(row, c) != null)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static String functionalCode(int table, TableRow row) {
        if (table == 9 && row.labels().size() > 2 && !row.labels().get(2).isBlank()) {
            return row.labels().get(2).strip();
        }
        return row.labels().isEmpty() ? "" : row.labels().get(0).strip();
    }

    private static Object cell(TableRow row, int column) {
        return column < row.amounts().size() ? row.amounts().get(column) : null;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    /** A row of table 6 below its 类: the items named, and whether its 人员经费 and 公用经费 cells hold money. */
    private record EconomicRow(EconomicItem item, String govCode, boolean personnel, boolean publicUse) {

        boolean has(ExpenditureKind kind) {
            return kind == BASIC_PERSONNEL ? personnel : publicUse;
        }
    }

    private List<EconomicRow> economicRows() {
        List<EconomicRow> rows = new ArrayList<>();
        DisclosureTable table = tables.get(6);
        if (table == null) {
            return rows;
        }
        String classCode = null;
        for (TableRow row : table.rows()) {
            if (row.level() == 1) {
                classCode = catalogue.deptEconomicClassCode(TableLayout.normalise(row.labels().get(0))).orElse(null);
                if (classCode == null) {
                    problems.add(new ParseProblem(row.sourceLine(), TableLayout.of(6).displayName(),
                            "部门经济分类类 “" + row.labels().get(0) + "” 不在 " + catalogue.edition() + " 年的分类目录中"));
                }
            } else if (row.level() == 2) {
                economicRow(classCode, row).ifPresent(rows::add);
            }
        }
        return rows;
    }

    private Optional<EconomicRow> economicRow(String classCode, TableRow row) {
        String title = TableLayout.of(6).displayName();
        String deptName = TableLayout.normalise(row.labels().get(0));
        String govName = row.labels().size() > 1 ? TableLayout.normalise(row.labels().get(1)) : "";
        Optional<EconomicItem> item = classCode == null ? Optional.empty()
                : catalogue.deptEconomicByName(classCode, deptName);
        if (item.isEmpty()) {
            item = catalogue.deptEconomicByAnyName(deptName);
        }
        if (item.isEmpty()) {
            problems.add(new ParseProblem(row.sourceLine(), title, "部门经济分类 “" + deptName + "” 不在 "
                    + catalogue.edition() + " 年的分类目录中"));
            return Optional.empty();
        }
        EconomicItem found = item.get();
        Optional<String> govCode = java.util.stream.Stream.of(found.govCodeAdministrative(), found.govCodeInstitution())
                .filter(code -> code != null && catalogue.govEconomicName(code).map(govName::equals).orElse(false))
                .findFirst().or(() -> catalogue.govEconomicCode(govName));
        if (govCode.isEmpty()) {
            problems.add(new ParseProblem(row.sourceLine(), title, "政府经济分类 “" + govName + "” 不在 "
                    + catalogue.edition() + " 年的分类目录中"));
            return Optional.empty();
        }
        return Optional.of(new EconomicRow(found, govCode.get(), cell(row, 1) != null, cell(row, 2) != null));
    }

    /** A project row of table 12 or 13 with its unit (the level-1 row above it). */
    private record ProjectRow(BudgetUnit unit, String name, TableRow row) {

        boolean has(int column) {
            return cell(row, column) != null;
        }
    }

    private List<ProjectRow> projectRows(int number) {
        List<ProjectRow> rows = new ArrayList<>();
        DisclosureTable table = tables.get(number);
        if (table == null) {
            return rows;
        }
        BudgetUnit unit = null;
        for (TableRow row : table.rows()) {
            if (row.level() == 1) {
                unit = unitNamed(row.labels().get(0)).orElse(null);
                if (unit == null) {
                    problems.add(new ParseProblem(row.sourceLine(), TableLayout.of(number).displayName(),
                            "单位 “" + row.labels().get(0) + "” 不是本部门的预算单位"));
                }
            } else if (row.level() == 2 && unit != null) {
                rows.add(new ProjectRow(unit, row.labels().get(0).strip(), row));
            }
        }
        return rows;
    }

    private Optional<BudgetUnit> unitNamed(String name) {
        String wanted = TableLayout.normalise(name);
        return units.stream().filter(u -> TableLayout.normalise(u.name()).equals(wanted)).findFirst();
    }

    /** Units that may hold basic lines of a kind: 公用经费 on each unit of table 11 or on a unit outside it. */
    private List<BudgetUnit> unitsFor(ExpenditureKind kind, FundingSource source, String govCode) {
        if (kind == BASIC_PERSONNEL) {
            return List.of(govCode != null && isSubsidy(govCode)
                    ? firstOf(UnitType.PUBLIC_INSTITUTION, UnitType.CIVIL_SERVICE_MANAGED, UnitType.ADMINISTRATIVE)
                    : firstOfType(UnitType.ADMINISTRATIVE));
        }
        Set<BudgetUnit> chosen = new LinkedHashSet<>();
        Set<String> agencyNames = agencyUnitNames(source);
        for (BudgetUnit unit : units) {
            boolean agency = Figures.runsAgency(unit.type());
            if (agency && (liberal || agencyNames.contains(TableLayout.normalise(unit.name())))) {
                chosen.add(unit);
            }
        }
        units.stream().filter(u -> u.type() == UnitType.PUBLIC_INSTITUTION).findFirst().ifPresent(chosen::add);
        return List.copyOf(chosen);
    }

    /** Units whose row of table 11 holds money of the source. */
    private Set<String> agencyUnitNames(FundingSource source) {
        Set<String> names = new TreeSet<>();
        DisclosureTable table = tables.get(11);
        if (table != null) {
            for (TableRow row : table.rows()) {
                if (row.level() == 1 && cell(row, 1 + FISCAL.indexOf(source)) != null) {
                    names.add(TableLayout.normalise(row.labels().get(0)));
                }
            }
        }
        return names;
    }

    /** "三公" items table 10 shows for a fiscal source. */
    private List<EconomicItem> threePublicItems(FundingSource source) {
        List<EconomicItem> items = new ArrayList<>();
        int column = FISCAL.indexOf(source);
        DisclosureTable table = tables.get(10);
        if (column < 0 || table == null) {
            return items;
        }
        for (ThreePublicExpense expense : ThreePublicExpense.values()) {
            boolean shown = table.rows().stream().anyMatch(row -> TableLayout.normalise(row.labels().get(0))
                    .replaceFirst("^[①②③④]", "").equals(TableLayout.normalise(expense.label()))
                    && (liberal || cell(row, 1 + column) != null));
            if (shown) {
                catalogue.threePublicItem(expense).ifPresent(items::add);
            }
        }
        return items;
    }

    private int hintPenalty(EconomicItem item, String functionalCode) {
        return hintPenalty(catalogue, item, functionalCode);
    }

    /** The penalty of an economic item on a 项: none on its usual 项, a convention's weight elsewhere. */
    static int hintPenalty(ClassificationCatalogue catalogue, EconomicItem item, String functionalCode) {
        List<String> hints = new ArrayList<>(catalogue.functionalHints(item.code(), false));
        hints.addAll(catalogue.functionalHints(item.code(), true));
        if (!hints.isEmpty()) {
            return hints.contains(functionalCode) ? 0 : CONVENTION_PENALTY;
        }
        // An item without a convention does not belong on a 项 that conventions reserve for other items
        // (养老保险缴费 on 2080505 …).
        return catalogue.isHintedItem(functionalCode) ? CONVENTION_PENALTY : 0;
    }

    /** A subsidy to a 事业 unit (505/506) sits on a 事业 unit, other items on 行政 / 参公 units. */
    private static int unitPenalty(BudgetUnit unit, String govCode) {
        boolean institution = unit.type() == UnitType.PUBLIC_INSTITUTION;
        return institution == isSubsidy(govCode) ? 0 : 1;
    }

    private static boolean isSubsidy(String govCode) {
        return govCode.startsWith("505") || govCode.startsWith("506");
    }

    private static boolean namesThreePublic(String project, ThreePublicExpense expense) {
        return switch (expense) {
            case VEHICLE_PURCHASE, VEHICLE_OPERATION -> project.contains("车");
            case RECEPTION -> project.contains("接待");
            case TRAVEL_ABROAD -> project.contains("出国") || project.contains("出境");
        };
    }

    static String govCode(EconomicItem item, BudgetUnit unit) {
        return unit.type() == UnitType.PUBLIC_INSTITUTION ? item.govCodeInstitution() : item.govCodeAdministrative();
    }

    private BudgetUnit firstOfType(UnitType type) {
        return firstOf(type);
    }

    private BudgetUnit firstOf(UnitType... types) {
        for (UnitType type : types) {
            for (BudgetUnit unit : units) {
                if (unit.type() == type) {
                    return unit;
                }
            }
        }
        return units.get(0);
    }
}
