package budgetledger.disclosure;

import budgetledger.model.FundingSource;
import budgetledger.model.ProcurementFunds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template of 部门预算公开 as data: which tables a province publishes, their titles and variants, columns, the order
 * of their published cells, which column sums which, how they are printed, the unit of their amounts and the words by
 * which an empty table says so. One file per template under {@code templates/} (the format is described at the top of
 * {@code templates/shanxi-13.template}); the code that reads and renders a table knows only its {@link TableLayout.Kind}.
 *
 * @param id         the file's name without extension, e.g. shanxi-13
 * @param name       the name users read
 * @param unit       the unit every amount is printed in (万元)
 * @param emptyNotes the words of a table that holds nothing (本表无数据)
 * @param tables     the tables in number order, numbered from 1
 * @param departmentLabels the words before the department's name above the tables (部门名称, 编制部门 …)
 * @param sources    the funding sources the template publishes, in the order its tables list them
 * @param bareTitles whether its table titles are printed without the year (the year is then the cover's)
 */
public record Template(String id, String name, String unit, List<String> emptyNotes, List<TableLayout> tables,
                       List<String> departmentLabels, List<FundingSource> sources, boolean bareTitles) {

    /** The seed's template (Shanxi, 13 tables in 万元). */
    public static Template seed() {
        return TableLayout.SEED;
    }

    /** Every template the ledger reads, the seed's first. */
    public static List<Template> all() {
        return Registry.ALL;
    }

    /** The template of that id; empty for an id no file defines. */
    public static Optional<Template> byId(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The template of a budget that names none (budgets opened before templates were recorded): the seed's. */
    public static Template of(String id) {
        return id == null ? seed() : byId(id).orElseThrow(() -> new IllegalArgumentException("no template " + id));
    }

    /**
     * The template a table of that number and title belongs to (titles differ between templates: 预算收支总表,
     * 部门财务收支预算总表, 收支总表); the seed's when none names it so.
     */
    public static Template forTable(int number, String title) {
        for (Template template : all()) {
            if (number >= 1 && number <= template.count() && template.table(number).title().equals(title)) {
                return template;
            }
        }
        return seed();
    }

    public boolean isSeed() {
        return this == seed();
    }

    public int count() {
        return tables.size();
    }

    /** The table of that number (from 1). */
    public TableLayout table(int number) {
        if (number < 1 || number > tables.size()) {
            throw new IllegalArgumentException("tables of " + id + " are numbered 1 to " + tables.size() + ", not "
                    + number);
        }
        return tables.get(number - 1);
    }

    /** Where templates are registered: one file each. */
    private static final class Registry {
        static final List<Template> ALL = List.of(seed(), load("templates/shanghai-district-9.template"),
                load("templates/jiangsu-city-13.template"));
    }

    /**
     * A title line: a year, then the title; optionally preceded by a table label (表一, 表1, 1., 公开01表, 部门公开表1)
     * and by the body's name (无锡市信访局2025年…), and followed by a label in brackets (（公开01表）). Table of contents
     * lines carry dot leaders and a page number after a TAB; they are not titles.
     */
    private static final Pattern TITLE_LINE =
            Pattern.compile("^(?:[^\\d]{2,40}?)??(\\d{4})年度?(.+)$");
    private static final Pattern LEADING_LABEL =
            Pattern.compile("^(?:表[一二三四五六七八九十\\d]+|\\d+[.．、]|(?:部门|单位)?(?:预算)?公开(?:表)?\\d+(?:-\\d+)?表?)");
    private static final Pattern TRAILING_LABEL = Pattern.compile("（(?:[^（）]*表[^（）]*|\\d+)）$");

    /** The table a line is the title of, with the year it names. */
    Optional<TableLayout.Title> title(String line) {
        return title(line, true);
    }

    /**
     * @param loosely also a title worded apart from the template's in ways documents of other years and bodies word
     *                it (部门 / 单位 before it, 预算 in it or not: 国有资本经营预算支出表 for 国有资本经营预算支出预算表), when
     *                exactly one of the template's tables is then named
     */
    private Optional<TableLayout.Title> title(String line, boolean loosely) {
        if (line.indexOf('\t') >= 0 || line.contains("..") || line.contains("…")) {
            return Optional.empty();
        }
        String normalised = TRAILING_LABEL.matcher(LEADING_LABEL.matcher(TableLayout.normalise(line)).replaceFirst(""))
                .replaceFirst("");
        Matcher m = TITLE_LINE.matcher(normalised);
        int year;
        String rest;
        if (m.matches()) {
            year = Integer.parseInt(m.group(1));
            rest = m.group(2);
        } else if (bareTitles) {
            year = 0;
            rest = normalised;
        } else {
            return Optional.empty();
        }
        for (TableLayout layout : tables) {
            boolean named = rest.equals(TableLayout.normalise(layout.title()))
                    || layout.variants().stream().anyMatch(v -> rest.equals(TableLayout.normalise(v)));
            if (named) {
                return Optional.of(new TableLayout.Title(layout, year));
            }
        }
        if (!loosely) {
            return Optional.empty();
        }
        String loose = loose(rest);
        List<TableLayout> named = tables.stream().filter(layout -> loose(layout.title()).equals(loose)
                || layout.variants().stream().anyMatch(v -> loose(v).equals(loose))).toList();
        return named.size() == 1 ? Optional.of(new TableLayout.Title(named.get(0), year)) : Optional.empty();
    }

    private static final Pattern LOOSE_PREFIX = Pattern.compile("^(?:部门|单位)");

    private static String loose(String title) {
        return LOOSE_PREFIX.matcher(TableLayout.normalise(title)).replaceFirst("").replace("预算", "");
    }

    /** Whether the line is a table title of any template. */
    static boolean anyTitle(String line) {
        return all().stream().anyMatch(t -> t.title(line).isPresent());
    }

    /**
     * The template whose table titles the document carries most of (each title counted once); empty when no
     * template has a single title in it.
     */
    public static Optional<Template> recognise(List<String> lines) {
        // Titles as the template words them count first; loosely worded ones only between templates equal on those.
        return all().stream().map(t -> new Recognised(t, found(t, lines, false), found(t, lines, true)))
                .filter(r -> r.loose() > 0)
                .max(Comparator.comparingLong(Recognised::exact).thenComparingLong(Recognised::loose))
                .map(Recognised::template);
    }

    private record Recognised(Template template, long exact, long loose) {
    }

    /** How many of the template's tables the lines hold a title of, each counted once. */
    private static long found(Template template, List<String> lines, boolean loosely) {
        return lines.stream().map(String::strip).map(line -> template.title(line, loosely)).flatMap(Optional::stream)
                .map(title -> title.layout().number()).distinct().count();
    }

    /** Reads a template file from the class path; a malformed file is a bug of the build, not of a document. */
    static Template load(String resource) {
        try (InputStream in = Template.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no template " + resource + " on the class path");
            }
            return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Template parse(String resource, List<String> lines) {
        String id = null;
        String name = null;
        String unit = null;
        List<String> empty = new ArrayList<>();
        List<String> departmentLabels = new ArrayList<>(List.of("部门名称"));
        boolean bareTitles = false;
        List<FundingSource> sources = new ArrayList<>(List.of(FundingSource.GENERAL_PUBLIC,
                FundingSource.GOVERNMENT_FUND, FundingSource.STATE_CAPITAL, FundingSource.FISCAL_SPECIAL_ACCOUNT,
                FundingSource.UNIT_OWN));
        List<TableLayout> tables = new ArrayList<>();
        Table table = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = Arrays.asList(line.split("\t", -1));
            String where = resource + ":" + (i + 1);
            switch (f.get(0)) {
                case "template" -> {
                    id = field(f, 1, where);
                    name = field(f, 2, where);
                }
                case "unit" -> {
                    if (table == null) {
                        unit = field(f, 1, where);
                    } else {
                        table.unit = field(f, 1, where);
                    }
                }
                case "empty" -> empty.addAll(f.subList(1, f.size()));
                case "department" -> departmentLabels = new ArrayList<>(f.subList(1, f.size()));
                case "titles" -> bareTitles = field(f, 1, where).equals("bare");
                case "sources" -> sources = f.subList(1, f.size()).stream().map(FundingSource::valueOf).toList();
                case "table" -> {
                    if (table != null) {
                        tables.add(table.layout(where, unit));
                    }
                    int number = Integer.parseInt(field(f, 1, where));
                    if (number != tables.size() + 1) {
                        throw new IllegalStateException(where + ": table " + number + " out of order");
                    }
                    table = new Table(number, field(f, 2, where), TableLayout.Kind.valueOf(field(f, 3, where)));
                }
                default -> {
                    if (table == null) {
                        throw new IllegalStateException(where + ": \"" + f.get(0) + "\" before any table");
                    }
                    table.add(f, where);
                }
            }
        }
        if (table != null) {
            tables.add(table.layout(resource, unit));
        }
        if (id == null || unit == null || tables.isEmpty()) {
            throw new IllegalStateException(resource + ": a template needs its id, unit and tables");
        }
        return new Template(id, name, unit, List.copyOf(empty), List.copyOf(tables), List.copyOf(departmentLabels),
                List.copyOf(sources), bareTitles);
    }

    private static String field(List<String> f, int index, String where) {
        if (index >= f.size() || f.get(index).isBlank()) {
            throw new IllegalStateException(where + ": field " + index + " missing");
        }
        return f.get(index);
    }

    /** A table's lines as they are read. */
    private static final class Table {
        final int number;
        final String title;
        final TableLayout.Kind kind;
        final List<String> variants = new ArrayList<>();
        List<String> labels = List.of();
        List<String> amounts = List.of();
        String cells = "";
        int total = -1;
        List<Integer> parts = List.of();
        final List<Integer> order = new ArrayList<>();
        final List<String> words = new ArrayList<>();
        final List<TableLayout.Group> groups = new ArrayList<>();
        String unit;
        int codeCells = -1;
        boolean totalAtBottom;
        LineFilter select;
        final List<LineFilter> columnFilters = new ArrayList<>();
        final List<TableLayout.IncomeRow> incomeRows = new ArrayList<>();
        final List<String> nothingWords = new ArrayList<>();
        final List<String> headerWords = new ArrayList<>();
        final List<TableLayout.IncomeRow> outgoRows = new ArrayList<>();
        int classLevel = 1;
        final List<TableLayout.TotalRow> totalRows = new ArrayList<>();
        final List<String> skipWords = new ArrayList<>();
        final List<List<ProcurementFunds>> funds = new ArrayList<>();

        Table(int number, String title, TableLayout.Kind kind) {
            this.number = number;
            this.title = title;
            this.kind = kind;
        }

        void add(List<String> f, String where) {
            List<String> rest = f.subList(1, f.size());
            switch (f.get(0)) {
                case "variant" -> variants.addAll(rest);
                case "labels" -> labels = List.copyOf(rest);
                case "amounts" -> amounts = List.copyOf(rest);
                case "cells" -> cells = field(f, 1, where);
                case "sum" -> {
                    total = Integer.parseInt(field(f, 1, where));
                    parts = rest.subList(1, rest.size()).stream().map(Integer::parseInt).toList();
                }
                case "print" -> {
                    for (String column : rest) {
                        int colon = column.indexOf(':');
                        order.add(Integer.parseInt(column.substring(0, colon)));
                        words.add(column.substring(colon + 1));
                    }
                }
                case "codes" -> codeCells = Integer.parseInt(field(f, 1, where));
                case "total" -> totalAtBottom = field(f, 1, where).equals("bottom");
                case "select" -> select = filter(field(f, 1, where), where);
                case "column" -> columnFilters.add(filter(field(f, 1, where), where));
                case "income" -> incomeRows.add(new TableLayout.IncomeRow(Integer.parseInt(field(f, 1, where)),
                        field(f, 2, where), filter(field(f, 3, where), where)));
                case "nothing" -> nothingWords.addAll(rest);
                case "header" -> headerWords.addAll(rest);
                case "outgo" -> outgoRows.add(new TableLayout.IncomeRow(Integer.parseInt(field(f, 1, where)),
                        field(f, 2, where), filter(field(f, 3, where), where)));
                case "classlevel" -> classLevel = Integer.parseInt(field(f, 1, where));
                case "totalrow" -> totalRows.add(new TableLayout.TotalRow(field(f, 1, where), field(f, 2, where),
                        filter(f.size() > 3 ? f.get(3) : "*", where)));
                case "skip" -> skipWords.addAll(rest);
                case "funds" -> funds.add(field(f, 1, where).equals("*") ? List.of()
                        : rest.stream().map(ProcurementFunds::valueOf).toList());
                case "group" -> groups.add(new TableLayout.Group(field(f, 1, where),
                        Integer.parseInt(field(f, 2, where)), Integer.parseInt(field(f, 3, where))));
                default -> throw new IllegalStateException(where + ": unknown line \"" + f.get(0) + "\"");
            }
        }

        private static LineFilter filter(String text, String where) {
            try {
                return LineFilter.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }

        TableLayout layout(String where, String templateUnit) {
            long labelCells = cells.chars().filter(c -> c == 'L').count();
            long amountCells = cells.chars().filter(c -> c == 'A').count();
            if (labelCells != labels.size() || amountCells != amounts.size() || order.size() != cells.length()) {
                throw new IllegalStateException(where + ": table " + number + "'s cells, columns and print disagree");
            }
            if (kind == TableLayout.Kind.PROCUREMENT && (select == null || funds.size() != amounts.size())) {
                throw new IllegalStateException(where + ": procurement table " + number
                        + " needs select * and one funds line per amount");
            }
            if (select != null && kind != TableLayout.Kind.PAIRED && kind != TableLayout.Kind.PROCUREMENT
                    && columnFilters.size() != amounts.size()) {
                throw new IllegalStateException(where + ": table " + number + " needs one column filter per amount");
            }
            if (select != null && kind == TableLayout.Kind.PAIRED && columnFilters.size() != amounts.size() - 1) {
                throw new IllegalStateException(where + ": table " + number
                        + " needs one column filter per expenditure amount");
            }
            for (int g = 0; g < groups.size(); g++) {
                for (int h = g + 1; h < groups.size(); h++) {
                    if (groups.get(g).first() <= groups.get(h).last() && groups.get(h).first() <= groups.get(g).last()) {
                        throw new IllegalStateException(where + ": table " + number + "'s header groups "
                                + groups.get(g).text() + " and " + groups.get(h).text() + " overlap (one header row)");
                    }
                }
            }
            int codes = codeCells >= 0 ? codeCells : kind == TableLayout.Kind.FUNCTIONAL ? 1 : 0;
            return new TableLayout(number, title, kind, labels, amounts, cells, total, parts, List.copyOf(variants),
                    new TableLayout.Print(List.copyOf(order), List.copyOf(words), List.copyOf(groups)),
                    unit != null ? unit : templateUnit, codes, totalAtBottom, select, List.copyOf(columnFilters),
                    List.copyOf(incomeRows), List.copyOf(nothingWords), List.copyOf(headerWords),
                    List.copyOf(outgoRows), classLevel, totalRows.isEmpty() && kind == TableLayout.Kind.PAIRED
                            ? List.of(new TableLayout.TotalRow("收入总计", "支出总计", LineFilter.ALL))
                            : List.copyOf(totalRows), List.copyOf(skipWords), List.copyOf(funds));
        }
    }
}
