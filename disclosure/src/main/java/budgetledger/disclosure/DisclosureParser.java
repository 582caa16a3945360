package budgetledger.disclosure;

import budgetledger.model.table.DisclosureTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a published 部门预算公开 (text extracted from its PDF, table cells separated by TAB) into a
 * {@link DisclosureDocument}: the department, the year, the thirteen tables of docs/TABLES.md and the figures of the
 * narrative.
 *
 * <p>Tables are found by their titles (a year, then the year-less title), never by a number or position: documents
 * label them inconsistently (部门公开表9) or not at all. A table runs from its title to the first line of prose after
 * it; blank lines, repeated headers and page furniture (部门名称, 单位：万元, 注：…) inside it are skipped, so rows
 * continue across page breaks.
 *
 * <p>Every problem found is collected; if there is any, {@link DisclosureParseException} lists them all. Differences
 * between the narrative and the tables are {@link DisclosureDocument#warnings()} only: narratives are typed by hand.
 * Pure Java: no framework, no I/O.
 */
public final class DisclosureParser {

    /** Far above any disclosure (the seed is 1,680 lines, 200 KB), far below what would exhaust memory. */
    static final int MAX_CHARS = 20_000_000;
    static final int MAX_LINES = 200_000;

    private static final String DOCUMENT = "";
    private static final String YEAR_EXAMPLE = "2026年";

    /** 部门名称：某某局 (or the template's other words for it), possibly followed on the same line by 单位：万元. */
    private static Pattern departmentName(Template template) {
        return Pattern.compile("^(?:" + String.join("|", template.departmentLabels())
                + ")[：:]\\s*(.+?)(?:\\s+(?:金额)?单位[：:].*)?$");
    }
    /** 主管部门及代码⇥062-某某局 in the performance target tables, or 部门编码：062. */
    private static final Pattern DEPARTMENT_CODE = Pattern.compile(
            "主管部门及代码[\\s：:]*([0-9A-Za-z]{1,20})\\s*[-－—]|部门(?:编码|代码)[：:]\\s*([0-9A-Za-z]{1,20})");
    /** 2026年度部门预算公开, also with the department between (2025年度无锡市信访局部门预算公开). */
    private static final Pattern COVER_YEAR = Pattern.compile("^(\\d{4})年度?[^\\t]{0,40}?部门预算");
    /** Lines between table rows that are not rows: labels of the page, units, notes, page numbers. */
    private static final Pattern FURNITURE = Pattern.compile("^(?:(?:部门名称|编制部门|编制单位|部门|单位名称|单位|金额单位|注|备注)[：:].*"
            + "|(?:预算|部门)公开表\\s*\\d+|(?:部门|单位)?(?:预算)?公开\\s*\\d+(?:-\\d+)?\\s*表|续表.*|-?\\s*\\d{1,4}\\s*-?|第\\s*\\d+\\s*页.*)$");
    /** 单位：万元, also after 部门名称 on the same line; not 单位名称：. */
    private static final Pattern UNIT = Pattern.compile("(?:^|\\s)(?:金额)?单位[：:]\\s*([^\\s）)]+)");
    /** Where the 绩效目标表 section ends: the next numbered section or part. */
    private static final Pattern SECTION_HEADING =
            Pattern.compile("^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分).*");

    /** Reads the document in the template its table titles name. */
    public DisclosureDocument parse(String text) {
        return parse(text, null);
    }

    /**
     * Reads the document as one of {@code chosen}'s, or, when null, of the template its table titles name (the one
     * with most of its titles in the document).
     */
    public DisclosureDocument parse(String text, Template chosen) {
        if (text == null || text.length() > MAX_CHARS) {
            throw new DisclosureParseException(List.of(new ParseProblem(1, DOCUMENT,
                    text == null ? "文档为空" : "文档超过 " + MAX_CHARS + " 个字符")));
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = List.of(body.replace('\u00A0', ' ').split("\r?\n", -1));
        if (lines.size() > MAX_LINES) {
            throw new DisclosureParseException(List.of(new ParseProblem(1, DOCUMENT, "文档超过 " + MAX_LINES + " 行")));
        }
        Template template = chosen != null ? chosen : Template.recognise(lines).orElse(null);
        if (template == null) {
            Template seed = Template.seed();
            if (titlesMentioned(seed, lines) <= seed.count() / 2) {
                // Not one title of a template, and few of the seed's titles even mentioned (a title without its
                // year still counts): a document of a template the ledger does not read, not missing tables.
                throw new DisclosureParseException(List.of(new ParseProblem(1, DOCUMENT, "文档中没有任何已知模板的表（"
                        + String.join("、", Template.all().stream().map(Template::name).toList())
                        + "；按带年份的表题查找，如“" + YEAR_EXAMPLE + seed.table(1).title() + "”）")));
            }
            template = seed;
        }
        return parse(body, lines, template);
    }

    private DisclosureDocument parse(String body, List<String> lines, Template template) {
        Problems problems = new Problems();
        List<ParseProblem> warnings = new ArrayList<>();

        String departmentName = departmentName(template, lines, problems, warnings);
        NavigableMap<Integer, TableRegion> regions = regions(template, lines, problems);
        int fiscalYear = fiscalYear(lines, regions, problems);
        reportMissingTables(template, regions, lines.size(), problems);

        boolean[] narrativeLines = narrativeLines(lines, regions);
        List<String> organisationUnits = UnitNames.fromOrganisationText(lines, narrativeLines);
        Set<String> knownUnits = new HashSet<>();
        if (departmentName != null) {
            knownUnits.add(TableLayout.normalise(departmentName));
        }
        organisationUnits.forEach(name -> knownUnits.add(TableLayout.normalise(name)));

        // Table 11 names units before tables 12 and 13 need them to tell units from projects.
        Map<Integer, DisclosureTable> tables = new TreeMap<>();
        for (TableRegion region : regions.values()) {
            int problemsBefore = problems.size();
            DisclosureTable table = new TableReader(region, lines, departmentName, knownUnits, problems, warnings)
                    .read();
            // Sums over unreadable or cut-off cells would only repeat the problem already reported, louder.
            if (problems.size() == problemsBefore) {
                TableChecks.check(region.layout(), table, problems);
            }
            tables.put(table.number(), table);
            if (region.layout().kind() == TableLayout.Kind.UNITS) {
                levelOneNames(table).forEach(name -> knownUnits.add(TableLayout.normalise(name)));
            }
        }

        List<String> units = new ArrayList<>(organisationUnits);
        for (DisclosureTable table : tables.values()) {
            TableLayout.Kind kind = template.table(table.number()).kind();
            if (kind == TableLayout.Kind.UNITS || kind == TableLayout.Kind.PROJECTS) {
                units.addAll(levelOneNames(table));
            }
        }
        Narrative narrative = new NarrativeReader(lines, narrativeLines, warnings).read();
        if (template.isSeed()) {
            NarrativeChecks.compare(narrative, tables, warnings);
        } else {
            NarrativeFindings.check(lines, narrativeLines, fiscalYear, warnings);
            if (problems.isEmpty()) {
                for (TableLayout layout : template.tables()) {
                    if (layout.kind() == TableLayout.Kind.PROCUREMENT && tables.containsKey(layout.number())) {
                        NarrativeChecks.compareProcurement(narrative, layout, tables.get(layout.number()), warnings);
                    }
                }
            }
        }

        if (!problems.isEmpty()) {
            throw new DisclosureParseException(problems.list());
        }
        return new DisclosureDocument(template, departmentName, departmentCode(lines), fiscalYear,
                Collections.unmodifiableMap(tables), UnitNames.inOrderOfAppearance(body, units), narrative,
                List.copyOf(warnings));
    }

    private static String departmentName(Template template, List<String> lines, Problems problems,
                                         List<ParseProblem> warnings) {
        Pattern pattern = departmentName(template);
        String name = null;
        int firstLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = pattern.matcher(lines.get(i).replace('\t', ' ').strip());
            if (!m.matches()) {
                continue;
            }
            String found = m.group(1).strip();
            if (name == null) {
                name = found;
                firstLine = i + 1;
            } else if (!found.equals(name)) {
                warnings.add(new ParseProblem(i + 1, DOCUMENT,
                        "部门名称 “" + found + "” 与第 " + firstLine + " 行的 “" + name + "” 不同"));
            }
        }
        if (name == null) {
            problems.add(1, DOCUMENT, "未找到部门名称（表格上方应有“" + template.departmentLabels().get(0) + "：…”）");
        }
        return name;
    }

    private static String departmentCode(List<String> lines) {
        for (String line : lines) {
            Matcher m = DEPARTMENT_CODE.matcher(line);
            if (m.find()) {
                return m.group(1) != null ? m.group(1) : m.group(2);
            }
        }
        return null;
    }

    /** The year on the cover (2026年度部门预算公开); else the year before the first table title. */
    private static int fiscalYear(List<String> lines, NavigableMap<Integer, TableRegion> regions, Problems problems) {
        Integer year = null;
        for (String line : lines) {
            Matcher m = COVER_YEAR.matcher(TableLayout.normalise(line));
            if (line.indexOf('\t') < 0 && m.find()) {
                year = Integer.parseInt(m.group(1));
                break;
            }
        }
        if (year == null) {
            year = regions.values().stream().filter(r -> r.year() > 0).min((a, b) -> a.titleLine() - b.titleLine())
                    .map(TableRegion::year).orElse(null);
        }
        if (year == null) {
            problems.add(1, DOCUMENT, "未找到预算年度（如“2026年度部门预算公开”或表题前的年份）");
            return 0;
        }
        for (TableRegion region : regions.values()) {
            if (region.year() != 0 && region.year() != year) {
                problems.add(region.titleLine(), region.layout().displayName(),
                        "表题年份 " + region.year() + " 与预算年度 " + year + " 不一致");
            }
        }
        return year;
    }

    /**
     * The region of each table, by number. A title repeated while its table is being read is a page break; a title
     * met again later is a second copy of the table, which is a problem.
     */
    private static NavigableMap<Integer, TableRegion> regions(Template template, List<String> lines,
                                                              Problems problems) {
        NavigableMap<Integer, TableRegion> regions = new TreeMap<>();
        TableLayout.Title open = null;
        int titleLine = 0;
        int noDataLine = 0;
        int lastLine = 0;
        List<Integer> rowLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            // TABs are tested on the line as extracted: stripping would remove the leading TABs of blank cells.
            boolean furniture = isFurniture(lines.get(i));
            String line = lines.get(i).strip();
            // A total row whose cells are all blank has no TAB left once a workbook or a PDF drops empty cells.
            boolean row = (lines.get(i).indexOf('\t') >= 0 || open != null && isBlankTotalRow(line)) && !furniture;
            Optional<TableLayout.Title> title = row ? Optional.empty() : template.title(line);
            if (title.isPresent() && open != null && title.get().layout() == open.layout()) {
                lastLine = lineNo;
                continue;
            }
            boolean endsOpen = title.isPresent()
                    || (!line.isEmpty() && !row && !furniture);
            if (open != null && endsOpen) {
                add(regions, new TableRegion(open.layout(), titleLine, open.year(), List.copyOf(rowLines), noDataLine,
                        lastLine, false), problems);
                open = null;
            }
            if (title.isPresent()) {
                open = title.get();
                titleLine = lineNo;
                lastLine = lineNo;
                noDataLine = 0;
                rowLines.clear();
            } else if (open != null && !line.isEmpty()) {
                lastLine = lineNo;
                if (row) {
                    rowLines.add(lineNo);
                } else if (template.emptyNotes().stream().anyMatch(line::contains)) {
                    noDataLine = lineNo;
                } else {
                    checkUnit(line, lineNo, open.layout(), problems);
                }
            }
        }
        if (open != null) {
            add(regions, new TableRegion(open.layout(), titleLine, open.year(), List.copyOf(rowLines), noDataLine,
                    lastLine, true), problems);
        }
        return regions;
    }

    private static boolean isBlankTotalRow(String line) {
        return line.length() <= 8 && TableReader.isTotalLabel(line) && !line.contains("：") && !line.contains(":");
    }

    /** How many of the template's tables are named somewhere in the document, with or without a year. */
    private static int titlesMentioned(Template template, List<String> lines) {
        List<String> texts = lines.stream().filter(line -> line.indexOf('\t') < 0).map(TableLayout::normalise).toList();
        int mentioned = 0;
        for (TableLayout layout : template.tables()) {
            String title = TableLayout.normalise(layout.title());
            if (texts.stream().anyMatch(text -> text.contains(title)
                    || layout.variants().stream().anyMatch(v -> text.contains(TableLayout.normalise(v))))) {
                mentioned++;
            }
        }
        return mentioned;
    }

    private static void add(NavigableMap<Integer, TableRegion> regions, TableRegion region, Problems problems) {
        TableRegion first = regions.putIfAbsent(region.layout().number(), region);
        if (first != null) {
            problems.add(region.titleLine(), region.layout().displayName(),
                    "此表重复出现（第一次在第 " + first.titleLine() + " 行）");
        }
    }

    /**
     * True for a line of page furniture only, also when PDF extraction put its parts in cells
     * (部门名称：…⇥单位：万元).
     */
    private static boolean isFurniture(String line) {
        boolean any = false;
        for (String cell : line.split("\t")) {
            String text = cell.strip();
            if (!text.isEmpty()) {
                if (!FURNITURE.matcher(text).matches()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Amounts are read in the table's unit (万元, 元): a table in another unit would be off by ten thousand. */
    private static void checkUnit(String line, int lineNo, TableLayout layout, Problems problems) {
        Matcher m = UNIT.matcher(line);
        String unit = layout.unit();
        if (m.find() && !m.group(1).equals(unit)) {
            problems.add(lineNo, layout.displayName(), "金额单位是 “" + m.group(1) + "”，应为" + unit);
        }
    }

    /** A missing table is reported where it should have been: at the next table present, or at the end. */
    private static void reportMissingTables(Template template, NavigableMap<Integer, TableRegion> regions,
                                            int lineCount, Problems problems) {
        for (int number = 1; number <= template.count(); number++) {
            if (regions.containsKey(number)) {
                continue;
            }
            int expectedAt = lineCount;
            for (TableRegion later : regions.tailMap(number).values()) {
                expectedAt = later.titleLine();
                break;
            }
            TableLayout layout = template.table(number);
            problems.add(expectedAt, layout.displayName(), "未找到此表（按表题“" + layout.title() + "”查找）");
        }
    }

    /** Prose lines: outside tables, without TABs, outside the 绩效目标表 section (its figures are per project). */
    private static boolean[] narrativeLines(List<String> lines, NavigableMap<Integer, TableRegion> regions) {
        boolean[] narrative = new boolean[lines.size()];
        boolean performanceTargets = false;
        for (int i = 0; i < lines.size(); i++) {
            boolean row = lines.get(i).indexOf('\t') >= 0;
            String line = lines.get(i).strip();
            if (line.contains("绩效目标表") && !row) {
                performanceTargets = true;
            } else if (performanceTargets && SECTION_HEADING.matcher(line).matches()) {
                performanceTargets = false;
            }
            narrative[i] = !performanceTargets && !row;
        }
        for (TableRegion region : regions.values()) {
            for (int lineNo = region.titleLine(); lineNo <= region.lastLine(); lineNo++) {
                narrative[lineNo - 1] = false;
            }
        }
        return narrative;
    }

    private static List<String> levelOneNames(DisclosureTable table) {
        return table.rows().stream().filter(r -> r.level() == 1).map(r -> r.labels().get(0)).toList();
    }
}
