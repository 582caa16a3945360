package budgetledger.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classification codes of one edition of 政府收支分类科目, read from the resource files under
 * {@code classification/<edition>/} (data, not code: see the README there).
 */
public final class ClassificationCatalogue {

    private static final String ROOT = "classification/";
    private static final Map<Integer, ClassificationCatalogue> EDITIONS = new ConcurrentHashMap<>();

    private final int edition;
    private final Map<String, FunctionalCode> functional;
    private final List<FunctionalCode> sortedFunctional;
    private final Map<String, EconomicItem> deptEconomic;
    private final Map<String, String> deptEconomicClasses;
    private final Map<String, String> govEconomic;
    /** "{deptCode}|{administrative, institution or blank}" → functional 项 where such money usually sits. */
    private final Map<String, List<String>> functionalHints;

    private ClassificationCatalogue(int edition) {
        this.edition = edition;
        String folder = ROOT + edition + "/";
        this.functional = new LinkedHashMap<>();
        for (String[] row : readCsv(folder + "functional.csv", 2)) {
            functional.put(row[0], new FunctionalCode(row[0], row[1]));
        }
        this.sortedFunctional = List.copyOf(new TreeMap<>(functional).values());
        this.deptEconomic = new LinkedHashMap<>();
        this.deptEconomicClasses = new LinkedHashMap<>();
        for (String[] row : readCsv(folder + "economic-dept.csv", 5)) {
            if (row[0].length() == 3) {
                deptEconomicClasses.put(row[0], row[1]);
            } else {
                ThreePublicExpense threePublic = row[4].isEmpty() ? null : ThreePublicExpense.valueOf(row[4]);
                deptEconomic.put(row[0], new EconomicItem(row[0], row[1], row[2].isEmpty() ? null : row[2],
                        row[3].isEmpty() ? null : row[3], threePublic));
            }
        }
        this.govEconomic = new LinkedHashMap<>();
        for (String[] row : readCsv(folder + "economic-gov.csv", 2)) {
            govEconomic.put(row[0], row[1]);
        }
        this.functionalHints = new LinkedHashMap<>();
        for (String[] row : readCsv(folder + "economic-functional-hints.csv", 3)) {
            functionalHints.put(row[0] + "|" + row[1], List.of(row[2].split(";")));
        }
    }

    /** The catalogue that applies to a fiscal year: the edition with the latest first year not after it. */
    public static ClassificationCatalogue forYear(int fiscalYear) {
        int chosen = editions().entrySet().stream().filter(e -> e.getValue() <= fiscalYear)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no classification catalogue for " + fiscalYear + "; editions: " + editions()));
        return EDITIONS.computeIfAbsent(chosen, ClassificationCatalogue::new);
    }

    /** True when some edition applies to the year. */
    public static boolean covers(int fiscalYear) {
        return editions().values().stream().anyMatch(first -> first <= fiscalYear);
    }

    /** Each edition (its folder) and the first budget year it serves. */
    public static Map<Integer, Integer> editions() {
        return Editions.ALL;
    }

    /** editions.txt, read once: every table rendered asks which edition applies to its year. */
    private static final class Editions {
        static final Map<Integer, Integer> ALL = Collections.unmodifiableMap(readEditions());
    }

    private static Map<Integer, Integer> readEditions() {
        Map<Integer, Integer> editions = new TreeMap<>();
        for (String line : readLines(ROOT + "editions.txt")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.strip().split("\\s+");
                editions.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        }
        return editions;
    }

    public int edition() {
        return edition;
    }

    public Optional<FunctionalCode> functional(String code) {
        return Optional.ofNullable(functional.get(code));
    }

    /** Every functional code of the edition, in code order (类 before its 款 before its 项). */
    public Collection<FunctionalCode> functionalCodes() {
        return sortedFunctional;
    }

    public Optional<EconomicItem> deptEconomic(String code) {
        return Optional.ofNullable(deptEconomic.get(code));
    }

    /** The name of a 部门预算支出经济分类 类 (301 工资福利支出 …). */
    public Optional<String> deptEconomicClassName(String classCode) {
        return Optional.ofNullable(deptEconomicClasses.get(classCode));
    }

    /** The 部门预算支出经济分类 类 code of a class name (工资福利支出 → 301). */
    public Optional<String> deptEconomicClassCode(String name) {
        return deptEconomicClasses.entrySet().stream().filter(e -> e.getValue().equals(name))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The item of a class with this name (names repeat across classes: 房屋建筑物购建 is in 309 and 310). */
    public Optional<EconomicItem> deptEconomicByName(String classCode, String name) {
        return deptEconomic.values().stream()
                .filter(item -> item.code().startsWith(classCode) && item.name().equals(name)).findFirst();
    }

    /**
     * The functional 项 where money of a department economic item usually sits, for a unit of administrative
     * (行政, 参公) or institution (事业) kind, in order of preference; empty when there is no convention.
     */
    public List<String> functionalHints(String deptCode, boolean institution) {
        List<String> specific = functionalHints.get(deptCode + "|" + (institution ? "institution" : "administrative"));
        return specific != null ? specific : functionalHints.getOrDefault(deptCode + "|", List.of());
    }

    /** The item with this name in whichever class holds it first (a document that printed no class row). */
    public Optional<EconomicItem> deptEconomicByAnyName(String name) {
        return new TreeMap<>(deptEconomic).values().stream().filter(item -> item.name().equals(name)).findFirst();
    }

    /**
     * The 部门预算支出经济分类 item of a "三公" category (30217 公务接待费 …); of two (30913 and 31013 公务用车购置),
     * the one outside 基本建设 (the higher code).
     */
    public Optional<EconomicItem> threePublicItem(ThreePublicExpense expense) {
        return new TreeMap<>(deptEconomic).descendingMap().values().stream()
                .filter(item -> item.threePublic() == expense).findFirst();
    }

    /** True when some economic item usually sits on this 项 (2080505 for 养老保险缴费 …). */
    public boolean isHintedItem(String functionalCode) {
        return functionalHints.values().stream().anyMatch(codes -> codes.contains(functionalCode));
    }

    /** The 政府预算支出经济分类 item (款) of a name; the lowest code when names repeat (房屋建筑物购建 …). */
    public Optional<String> govEconomicCode(String name) {
        return new TreeMap<>(govEconomic).entrySet().stream()
                .filter(e -> e.getKey().length() == 5 && e.getValue().equals(name)).map(Map.Entry::getKey)
                .findFirst();
    }

    public Optional<String> govEconomicName(String code) {
        return Optional.ofNullable(govEconomic.get(code));
    }

    private static List<String[]> readCsv(String resource, int columns) {
        List<String> lines = readLines(resource);
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) { // line 0 is the header
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != columns) {
                throw new IllegalStateException(resource + " line " + (i + 1) + ": expected " + columns
                        + " columns, found " + cells.length);
            }
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> readLines(String resource) {
        InputStream in = ClassificationCatalogue.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classification resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
