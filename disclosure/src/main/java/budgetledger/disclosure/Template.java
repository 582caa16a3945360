package budgetledger.disclosure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 */
public record Template(String id, String name, String unit, List<String> emptyNotes, List<TableLayout> tables) {

    /** The seed's template (Shanxi, 13 tables in 万元), the one the parser, renderer and reconstruction implement. */
    public static Template seed() {
        return TableLayout.SEED;
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
                case "unit" -> unit = field(f, 1, where);
                case "empty" -> empty.addAll(f.subList(1, f.size()));
                case "table" -> {
                    if (table != null) {
                        tables.add(table.layout(where));
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
            tables.add(table.layout(resource));
        }
        if (id == null || unit == null || tables.isEmpty()) {
            throw new IllegalStateException(resource + ": a template needs its id, unit and tables");
        }
        return new Template(id, name, unit, List.copyOf(empty), List.copyOf(tables));
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
                case "group" -> groups.add(new TableLayout.Group(field(f, 1, where),
                        Integer.parseInt(field(f, 2, where)), Integer.parseInt(field(f, 3, where))));
                default -> throw new IllegalStateException(where + ": unknown line \"" + f.get(0) + "\"");
            }
        }

        TableLayout layout(String where) {
            long labelCells = cells.chars().filter(c -> c == 'L').count();
            long amountCells = cells.chars().filter(c -> c == 'A').count();
            if (labelCells != labels.size() || amountCells != amounts.size() || order.size() != cells.length()) {
                throw new IllegalStateException(where + ": table " + number + "'s cells, columns and print disagree");
            }
            return new TableLayout(number, title, kind, labels, amounts, cells, total, parts, List.copyOf(variants),
                    new TableLayout.Print(List.copyOf(order), List.copyOf(words), List.copyOf(groups)));
        }
    }
}
