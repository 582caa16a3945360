package budgetledger.disclosure.generated;

import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.BudgetLine;
import budgetledger.disclosure.Template;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.DisclosureText;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FunctionalCode;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.UnitType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

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
 * Consistent disclosures of the seed's template, made the way real ones are: an exact line ledger in 分 (several
 * units of each type, all five sources, carried-over fiscal and non-fiscal money, 政府性基金 and 国有资本经营 lines,
 * "三公" items on basic and project lines, projects of one name in several units, a 项 funded by two sources of which
 * one funds only projects, 款 of one to six 项, amounts from tens of 元 to hundreds of millions), its thirteen tables
 * rendered with every cell rounded on its own, written in the seed's text form. The same seed gives the same
 * document.
 */
public final class LedgerGenerator {

    /** A generated department: its budget, its exact lines and the document published from them. */
    public record Generated(long seed, BudgetHeader header, List<BudgetLine> lines, String text) {
    }

    static final String[] PLACES = {"晋城", "长治", "阳泉", "大同", "朔州", "忻州", "吕梁", "临汾", "运城", "晋中"};
    static final String[] BUREAUS = {"交通运输局", "教育局", "民政局", "司法局", "水务局", "自然资源局", "卫生健康委员会",
            "文化和旅游局", "农业农村局", "应急管理局"};
    private static final String[] CENTRES = {"服务中心", "事务中心", "信息中心", "监测站", "管理站", "培训中心", "档案馆", "研究所"};
    static final String[] PROJECTS = {"信息化运维经费", "专项工作经费", "公务用车购置", "公务接待专项", "因公出国（境）交流",
            "办公楼维修改造", "业务培训经费", "政府购买服务项目", "设备购置", "规划编制", "执法装备购置", "宣传经费",
            "系统等级保护", "应急物资储备", "课题研究经费"};
    static final String[] PERSONNEL = {"30101", "30102", "30103", "30107", "30108", "30109", "30110", "30112",
            "30113", "30199", "30302"};
    static final String[] PUBLIC_USE = {"30201", "30205", "30211", "30212", "30217", "30228", "30229", "30231",
            "30299"};
    static final String[] THREE_PUBLIC = {"30212", "30217", "30231", "31013"};

    /** A 款 and 项 under 201 that no edition of the catalogue holds. */
    private static final String UNKNOWN_SECTION = "20198";
    private static final String UNKNOWN_ITEM = "2019801";

    private final Random random;
    private final ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(2026);
    private final List<BudgetLine> lines = new ArrayList<>();
    private List<BudgetUnit> units;
    private List<String> items;

    /** How many times the usual number of lines each unit gets (1: about 30 lines a department). */
    private final int scale;

    private LedgerGenerator(long seed, int scale) {
        this.random = new Random(seed);
        this.scale = scale;
    }

    public static Generated generate(long seed) {
        return generate(seed, 1);
    }

    /** A larger department: each unit with {@code scale} times the lines (the bench's 300-line departments). */
    public static Generated generate(long seed, int scale) {
        return new LedgerGenerator(seed, scale).build(seed);
    }

    private Generated build(long seed) {
        String place = pick(PLACES) + "市";
        String department = place + pick(BUREAUS);
        String code = String.format("%03d", 100 + random.nextInt(900));
        units = new ArrayList<>();
        units.add(new BudgetUnit(code + "001", department, UnitType.ADMINISTRATIVE));
        Set<String> names = new LinkedHashSet<>();
        int others = 1 + random.nextInt(4);
        while (names.size() < others) {
            names.add(place + pick(new String[] {"城区", "郊区", "第一", "第二", "第三", "综合"}) + pick(CENTRES));
        }
        int i = 2;
        for (String name : names) {
            UnitType type = random.nextInt(3) == 0 ? UnitType.CIVIL_SERVICE_MANAGED : UnitType.PUBLIC_INSTITUTION;
            units.add(new BudgetUnit(code + String.format("%03d", i++), name, type));
        }
        items = functionalItems();

        basicLines();
        projectLines();
        otherSourceLines();
        carriedOverLines();

        List<BudgetLine> numbered = new ArrayList<>();
        for (BudgetLine line : lines) {
            numbered.add(line.withId("L" + (numbered.size() + 1)));
        }
        BudgetHeader header = new BudgetHeader(code, department, 2026, units, documentNames(items));
        String text = DisclosureText.write(header, DisclosureTables.renderAll(header, numbered),
                "第三部分 2026年度部门预算情况说明\n\n一、部门预算收支数据变动情况及原因\n");
        return new Generated(seed, header, numbered, text);
    }

    /** The names the document gives the 款 and 项 the catalogue does not hold, when the 项 was chosen. */
    static java.util.Map<String, String> documentNames(List<String> items) {
        return items.contains(UNKNOWN_ITEM)
                ? java.util.Map.of(UNKNOWN_SECTION, "试点改革事务", UNKNOWN_ITEM, "试点改革事务支出") : java.util.Map.of();
    }

    private List<String> functionalItems() {
        return functionalItems(random, catalogue);
    }

    /** Two to five 款 of one to six 项 each from the catalogue (and 2080505), sometimes a 项 it does not hold. */
    static List<String> functionalItems(Random random, ClassificationCatalogue catalogue) {
        TreeMap<String, List<String>> bySection = new TreeMap<>();
        for (FunctionalCode code : catalogue.functionalCodes()) {
            if (code.level() == FunctionalCode.Level.ITEM && catalogue.functional(code.code().substring(0, 5)).isPresent()
                    && catalogue.functional(code.code().substring(0, 3)).isPresent()) {
                bySection.computeIfAbsent(code.code().substring(0, 5), s -> new ArrayList<>()).add(code.code());
            }
        }
        List<String> sections = new ArrayList<>(bySection.keySet());
        Set<String> chosen = new LinkedHashSet<>();
        // the 项 where personnel items usually sit, so that conventions have their place
        chosen.add("2080505");
        int sectionCount = 2 + random.nextInt(4);
        for (int s = 0; s < sectionCount; s++) {
            List<String> section = bySection.get(sections.get(random.nextInt(sections.size())));
            int take = 1 + random.nextInt(Math.min(6, section.size()));
            for (int k = 0; k < take; k++) {
                chosen.add(section.get(k));
            }
        }
        if (random.nextInt(4) == 0) {
            // a 项 the catalogue does not hold, named by the document (as real documents of other years do)
            chosen.add(UNKNOWN_ITEM);
        }
        return new ArrayList<>(chosen);
    }

    private void basicLines() {
        for (BudgetUnit unit : units) {
            int personnel = (2 + random.nextInt(5)) * scale;
            for (int k = 0; k < personnel; k++) {
                String dept = pick(PERSONNEL);
                String item = dept.equals("30108") && random.nextBoolean() ? "2080505" : pick(items);
                line(unit, item, BASIC_PERSONNEL, dept, GENERAL_PUBLIC, CURRENT_YEAR, null, amount());
            }
            int publicUse = (1 + random.nextInt(4)) * scale;
            for (int k = 0; k < publicUse; k++) {
                line(unit, pick(items), BASIC_PUBLIC_USE, pick(PUBLIC_USE), GENERAL_PUBLIC, CURRENT_YEAR, null,
                        amount());
            }
        }
    }

    /** Projects: names repeat between units; some carry a "三公" item; sources vary, one 项 two sources. */
    private void projectLines() {
        for (BudgetUnit unit : units) {
            int count = random.nextInt(5) * scale;
            for (int k = 0; k < count; k++) {
                String project = pick(PROJECTS);
                FundingSource source = random.nextInt(4) == 0 ? pick(Template.seed().sources()) : GENERAL_PUBLIC;
                String economic = project.contains("车") ? "31013" : project.contains("接待") ? "30217"
                        : project.contains("出国") ? "30212" : random.nextInt(6) == 0 ? pick(THREE_PUBLIC) : null;
                line(unit, pick(items), PROJECT, economic, source, CURRENT_YEAR, project, amount());
            }
        }
        // a 项 funded by 财政专户管理资金 (projects only) and 单位资金 (basic only)
        String shared = pick(items);
        BudgetUnit unit = pick(units);
        line(unit, shared, PROJECT, null, FISCAL_SPECIAL_ACCOUNT, CURRENT_YEAR, pick(PROJECTS), amount());
        line(unit, shared, BASIC_PERSONNEL, "30199", UNIT_OWN, CURRENT_YEAR, null, amount());
    }

    /** 政府性基金 and 国有资本经营 basic and project lines, one with a "三公" item; 财政专户 and 单位资金 basic lines. */
    private void otherSourceLines() {
        for (FundingSource source : List.of(GOVERNMENT_FUND, STATE_CAPITAL)) {
            if (random.nextBoolean()) {
                BudgetUnit unit = pick(units);
                line(unit, pick(items), BASIC_PUBLIC_USE, random.nextBoolean() ? "30217" : "30299", source,
                        CURRENT_YEAR, null, amount());
                line(unit, pick(items), PROJECT, null, source, CURRENT_YEAR, pick(PROJECTS), amount());
            }
        }
        if (random.nextBoolean()) {
            line(pick(units), pick(items), BASIC_PERSONNEL, "30199", FISCAL_SPECIAL_ACCOUNT, CURRENT_YEAR, null,
                    amount());
        }
    }

    /** 上年结转: fiscal projects (table 13) and basic money, non-fiscal money of both kinds. */
    private void carriedOverLines() {
        if (random.nextBoolean()) {
            line(pick(units), pick(items), PROJECT, null, random.nextBoolean() ? GENERAL_PUBLIC : GOVERNMENT_FUND,
                    CARRIED_OVER, pick(PROJECTS), amount());
        }
        if (random.nextBoolean()) {
            line(pick(units), pick(items), BASIC_PERSONNEL, "30199", GENERAL_PUBLIC, CARRIED_OVER, null, amount());
        }
        if (random.nextBoolean()) {
            line(pick(units), pick(items), random.nextBoolean() ? PROJECT : BASIC_PUBLIC_USE, null,
                    random.nextBoolean() ? UNIT_OWN : FISCAL_SPECIAL_ACCOUNT, CARRIED_OVER, "上年结转专项", amount());
        }
    }

    private void line(BudgetUnit unit, String item, ExpenditureKind kind, String deptCode, FundingSource source,
                      Origin origin, String project, long fen) {
        String govCode = null;
        if (deptCode != null) {
            EconomicItem economic = catalogue.deptEconomic(deptCode).orElseThrow();
            govCode = unit.type() == UnitType.PUBLIC_INSTITUTION ? economic.govCodeInstitution()
                    : economic.govCodeAdministrative();
        } else if (kind != PROJECT) {
            deptCode = kind == BASIC_PERSONNEL ? "30199" : "30299";
            govCode = unit.type() == UnitType.PUBLIC_INSTITUTION ? (kind == BASIC_PERSONNEL ? "50501" : "50502")
                    : (kind == BASIC_PERSONNEL ? "50199" : "50299");
        }
        lines.add(new BudgetLine(null, unit.code(), item, kind, deptCode, govCode, source, origin,
                kind == PROJECT ? project : null, fen));
    }

    private long amount() {
        return amount(random);
    }

    /** Log-uniform from 10 元 to 2 亿元, in 分; one in four a round amount (whole 万元 or 千元) as budgets often are. */
    static long amount(Random random) {
        double exponent = 3 + random.nextDouble() * 7.3;
        long fen = Math.max(1_000, (long) Math.pow(10, exponent));
        return switch (random.nextInt(4)) {
            case 0 -> Math.max(1_000_000, fen / 1_000_000 * 1_000_000);
            case 1 -> Math.max(100_000, fen / 100_000 * 100_000);
            default -> fen;
        };
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
