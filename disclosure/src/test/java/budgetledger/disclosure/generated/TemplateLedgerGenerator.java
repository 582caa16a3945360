package budgetledger.disclosure.generated;

import budgetledger.disclosure.BudgetHeader;
import budgetledger.disclosure.BudgetLine;
import budgetledger.disclosure.TableLayout;
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
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static budgetledger.model.ExpenditureKind.BASIC_PERSONNEL;
import static budgetledger.model.ExpenditureKind.BASIC_PUBLIC_USE;
import static budgetledger.model.ExpenditureKind.PROJECT;
import static budgetledger.model.FundingSource.GENERAL_PUBLIC;

/**
 * Consistent disclosures of a template whose tables are rendered from its filters (the Shanghai district template):
 * an exact ledger in 分 of one department (these templates print no table by unit), with 一般公共预算 basic lines on
 * the usual personnel and public-use items, projects on several 项 (some carrying a "三公" item), lines of every other
 * source the template publishes (政府性基金, 国有资本经营, 事业收入 …) or none of them, so that some tables are empty,
 * amounts from 10 元 to 2 亿元 and sometimes a 项 the catalogue does not hold; its tables rendered and written in
 * the template's text form. The same template and seed give the same document.
 */
public final class TemplateLedgerGenerator {

    private static final String UNKNOWN_SECTION = "20198";
    private static final String UNKNOWN_ITEM = "2019801";
    private static final String[] DISTRICTS = {"普陀区", "静安区", "徐汇区", "长宁区", "杨浦区", "虹口区", "闵行区", "宝山区"};

    private final Template template;
    private final Random random;
    private final ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(2026);
    private final List<BudgetLine> lines = new ArrayList<>();
    private BudgetUnit unit;
    private List<String> items;

    private TemplateLedgerGenerator(Template template, long seed) {
        this.template = template;
        this.random = new Random(seed);
    }

    public static LedgerGenerator.Generated generate(Template template, long seed) {
        boolean byUnit = template.tables().stream().anyMatch(t -> t.kind() == TableLayout.Kind.UNITS
                || t.kind() == TableLayout.Kind.PROJECTS);
        if (byUnit || template.isSeed()) {
            throw new IllegalArgumentException(template.id() + " prints tables by unit: use LedgerGenerator");
        }
        return new TemplateLedgerGenerator(template, seed).build(seed);
    }

    private LedgerGenerator.Generated build(long seed) {
        String department = "上海市" + pick(DISTRICTS) + pick(LedgerGenerator.BUREAUS);
        String code = String.format("%03d", 100 + random.nextInt(900));
        unit = new BudgetUnit(code + "001", department, UnitType.ADMINISTRATIVE);
        items = functionalItems();

        int personnel = 3 + random.nextInt(8);
        for (int k = 0; k < personnel; k++) {
            String dept = pick(LedgerGenerator.PERSONNEL);
            line(dept.equals("30108") && random.nextBoolean() ? "2080505" : pick(items), BASIC_PERSONNEL, dept,
                    GENERAL_PUBLIC, null);
        }
        int publicUse = 2 + random.nextInt(6);
        for (int k = 0; k < publicUse; k++) {
            line(pick(items), BASIC_PUBLIC_USE, pick(LedgerGenerator.PUBLIC_USE), GENERAL_PUBLIC, null);
        }
        int projects = random.nextInt(6);
        for (int k = 0; k < projects; k++) {
            String project = pick(LedgerGenerator.PROJECTS);
            String economic = project.contains("车") ? "31013" : project.contains("接待") ? "30217"
                    : random.nextInt(6) == 0 ? pick(LedgerGenerator.THREE_PUBLIC) : null;
            line(pick(items), PROJECT, economic, GENERAL_PUBLIC, project);
        }
        // Other sources: each present in about one document of three, basic or project, "三公" sometimes.
        for (FundingSource source : template.sources()) {
            if (source != GENERAL_PUBLIC && random.nextInt(3) == 0) {
                boolean threePublic = random.nextInt(4) == 0;
                if (random.nextBoolean()) {
                    line(pick(items), BASIC_PUBLIC_USE, threePublic ? pick(new String[] {"30212", "30217", "30231"})
                            : "30299", source, null);
                } else {
                    line(pick(items), PROJECT, threePublic ? pick(LedgerGenerator.THREE_PUBLIC) : null, source,
                            pick(LedgerGenerator.PROJECTS));
                }
            }
        }

        List<BudgetLine> numbered = new ArrayList<>();
        for (BudgetLine line : lines) {
            numbered.add(line.withId("L" + (numbered.size() + 1)));
        }
        Map<String, String> names = items.contains(UNKNOWN_ITEM)
                ? Map.of(UNKNOWN_SECTION, "试点改革事务", UNKNOWN_ITEM, "试点改革事务支出") : Map.of();
        BudgetHeader header = new BudgetHeader(code, department, 2026, List.of(unit), names, template.id());
        String text = DisclosureText.write(header, DisclosureTables.renderAll(header, numbered),
                "其他相关情况说明\n");
        return new LedgerGenerator.Generated(seed, header, numbered, text);
    }

    /** Two to five 款 of one to six 项 each from the catalogue, sometimes a 项 it does not hold. */
    private List<String> functionalItems() {
        TreeMap<String, List<String>> bySection = new TreeMap<>();
        for (FunctionalCode code : catalogue.functionalCodes()) {
            if (code.level() == FunctionalCode.Level.ITEM && catalogue.functional(code.code().substring(0, 5)).isPresent()
                    && catalogue.functional(code.code().substring(0, 3)).isPresent()) {
                bySection.computeIfAbsent(code.code().substring(0, 5), s -> new ArrayList<>()).add(code.code());
            }
        }
        List<String> sections = new ArrayList<>(bySection.keySet());
        Set<String> chosen = new LinkedHashSet<>();
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
            chosen.add(UNKNOWN_ITEM);
        }
        return new ArrayList<>(chosen);
    }

    private void line(String item, ExpenditureKind kind, String deptCode, FundingSource source, String project) {
        String govCode = null;
        if (deptCode == null && kind != PROJECT) {
            deptCode = kind == BASIC_PERSONNEL ? "30199" : "30299";
        }
        if (deptCode != null) {
            EconomicItem economic = catalogue.deptEconomic(deptCode).orElseThrow();
            govCode = economic.govCodeAdministrative();
        }
        lines.add(new BudgetLine(null, unit.code(), item, kind, deptCode, govCode, source, Origin.CURRENT_YEAR,
                kind == PROJECT ? project : null, amount()));
    }

    /** Log-uniform from 10 元 to 2 亿元, in 分; one in four a round amount (whole 万元 or 千元). */
    private long amount() {
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
