package budgetledger.exchange.opendata;

import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.EconomicItem;
import budgetledger.model.FunctionalCode;
import budgetledger.model.Yuan;
import budgetledger.model.text.CsvCells;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A budget as an open-data Fiscal Data Package: a zip holding {@code datapackage.json} (the descriptor: name,
 * title, fiscal period, the resource with its table schema, and the model mapping the CSV's columns to the
 * measure {@code amount} in CNY and to the administrative, functional and economic classifications) and
 * {@code budget-lines.csv}, one row per budget line with every dimension. Phase {@code approved} gives the
 * opening amounts (年初预算), {@code revised} the current ones (after 追加, 追减 and 调剂); the descriptor states
 * the latter with the specification's word, {@code adjusted}. Amounts are 元 with two decimals, exact.
 */
public final class FiscalDataPackage {

    public static final String DESCRIPTOR = "datapackage.json";
    public static final String DATA = "budget-lines.csv";
    private static final String RESOURCE = "budget-lines";

    /** Which amount of each line the package carries. */
    public enum Phase {
        APPROVED("approved", "approved", "年初预算"), REVISED("revised", "adjusted", "调整后预算");

        final String word;
        final String specWord;
        final String chinese;

        Phase(String word, String specWord, String chinese) {
            this.word = word;
            this.specWord = specWord;
            this.chinese = chinese;
        }

        public static Phase of(String word) {
            for (Phase phase : values()) {
                if (phase.word.equals(word)) {
                    return phase;
                }
            }
            return null;
        }
    }

    /** The columns of the CSV: name, table-schema type, title. */
    private static final List<String[]> FIELDS = List.of(
            new String[]{"line_id", "string", "预算行"},
            new String[]{"unit_code", "string", "预算单位编码"},
            new String[]{"unit_name", "string", "预算单位名称"},
            new String[]{"unit_type", "string", "单位类型"},
            new String[]{"functional_class_code", "string", "支出功能分类 类"},
            new String[]{"functional_class_name", "string", "类名称"},
            new String[]{"functional_section_code", "string", "支出功能分类 款"},
            new String[]{"functional_section_name", "string", "款名称"},
            new String[]{"functional_code", "string", "支出功能分类 项"},
            new String[]{"functional_name", "string", "项名称"},
            new String[]{"dept_economic_code", "string", "部门预算支出经济分类"},
            new String[]{"dept_economic_name", "string", "部门经济分类名称"},
            new String[]{"gov_economic_code", "string", "政府预算支出经济分类"},
            new String[]{"gov_economic_name", "string", "政府经济分类名称"},
            new String[]{"kind", "string", "支出类型"},
            new String[]{"funding_source", "string", "资金来源"},
            new String[]{"origin", "string", "当年 / 上年结转"},
            new String[]{"project", "string", "项目"},
            new String[]{"phase", "string", "预算阶段"},
            new String[]{"amount", "number", "金额（元）"},
            new String[]{"currency", "string", "币种"});

    private FiscalDataPackage() {
    }

    public static byte[] write(BudgetRow budget, List<BudgetLineRow> lines, Phase phase) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(DESCRIPTOR));
            zip.write(descriptor(budget, phase).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(DATA));
            zip.write(csv(budget, lines, phase).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a zip in memory failed", e);
        }
    }

    static String descriptor(BudgetRow budget, Phase phase) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("profile", "fiscal-data-package");
        root.put("name", ("budget-" + budget.budgetId() + "-" + phase.word).toLowerCase());
        root.put("title", budget.departmentName() + " " + budget.fiscalYear() + "年部门预算（" + phase.chinese + "）");
        root.put("description", "部门预算的预算行，每行带预算单位、支出功能分类、经济分类、资金来源；金额为元。");
        root.put("countryCode", "CN");
        root.put("granularity", "aggregated");
        root.put("fiscalPeriod", Map.of("start", budget.fiscalYear() + "-01-01", "end", budget.fiscalYear() + "-12-31"));

        List<Map<String, Object>> fields = new ArrayList<>();
        for (String[] field : FIELDS) {
            fields.add(Map.of("name", field[0], "type", field[1], "title", field[2]));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields);
        schema.put("primaryKey", "line_id");
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", RESOURCE);
        resource.put("path", DATA);
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("schema", schema);
        root.put("resources", List.of(resource));

        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("source", "amount");
        measure.put("resource", RESOURCE);
        measure.put("currency", "CNY");
        measure.put("direction", "expenditure");
        measure.put("phase", phase.specWord);
        Map<String, Object> dimensions = new LinkedHashMap<>();
        dimensions.put("administrative", classification("administrative", "unit_code",
                attribute("unit_code", null, null), attribute("unit_name", null, "unit_code"),
                attribute("unit_type", null, null)));
        dimensions.put("functional", classification("functional", "functional_code",
                attribute("functional_class_code", null, null),
                attribute("functional_class_name", null, "functional_class_code"),
                attribute("functional_section_code", "functional_class_code", null),
                attribute("functional_section_name", null, "functional_section_code"),
                attribute("functional_code", "functional_section_code", null),
                attribute("functional_name", null, "functional_code")));
        dimensions.put("economic", classification("economic", "dept_economic_code",
                attribute("dept_economic_code", null, null),
                attribute("dept_economic_name", null, "dept_economic_code"),
                attribute("gov_economic_code", null, null),
                attribute("gov_economic_name", null, "gov_economic_code")));
        dimensions.put("expenditure_kind", other("kind"));
        dimensions.put("funding_source", other("funding_source"));
        dimensions.put("origin", other("origin"));
        Map<String, Object> project = other("project");
        project.put("dimensionType", "activity");
        dimensions.put("project", project);
        dimensions.put("line", other("line_id"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("measures", Map.of("amount", measure));
        model.put("dimensions", dimensions);
        root.put("model", model);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a descriptor of strings and maps always serialises", e);
        }
    }

    @SafeVarargs
    private static Map<String, Object> classification(String type, String primaryKey,
                                                      Map.Entry<String, Map<String, Object>>... attributes) {
        Map<String, Object> attributeMap = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> attribute : attributes) {
            attributeMap.put(attribute.getKey(), attribute.getValue());
        }
        Map<String, Object> dimension = new LinkedHashMap<>();
        dimension.put("dimensionType", "classification");
        dimension.put("classificationType", type);
        dimension.put("attributes", attributeMap);
        dimension.put("primaryKey", primaryKey);
        return dimension;
    }

    private static Map.Entry<String, Map<String, Object>> attribute(String source, String parent, String labelFor) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("source", source);
        if (parent != null) {
            attribute.put("parent", parent);
        }
        if (labelFor != null) {
            attribute.put("labelfor", labelFor);
        }
        return Map.entry(source, attribute);
    }

    private static Map<String, Object> other(String source) {
        Map<String, Object> dimension = new LinkedHashMap<>();
        dimension.put("dimensionType", "other");
        dimension.put("attributes", Map.of(source, Map.of("source", source)));
        dimension.put("primaryKey", source);
        return dimension;
    }

    static String csv(BudgetRow budget, List<BudgetLineRow> lines, Phase phase) {
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(budget.fiscalYear());
        StringBuilder out = new StringBuilder();
        appendLine(out, FIELDS.stream().map(f -> f[0]).toList());
        for (BudgetLineRow line : lines) {
            BudgetUnit unit = budget.units().stream().filter(u -> u.code().equals(line.unitCode())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("line " + line.lineId() + " names unit "
                            + line.unitCode() + ", which the budget does not hold"));
            String item = line.functionalCode();
            EconomicItem economic = line.deptEconomicCode() == null ? null
                    : catalogue.deptEconomic(line.deptEconomicCode()).orElse(null);
            List<String> cells = new ArrayList<>();
            cells.add(line.lineId());
            cells.add(unit.code());
            cells.add(unit.name());
            cells.add(unit.type().label());
            cells.add(item.substring(0, 3));
            cells.add(functionalName(catalogue, item.substring(0, 3)));
            cells.add(item.substring(0, 5));
            cells.add(functionalName(catalogue, item.substring(0, 5)));
            cells.add(item);
            cells.add(functionalName(catalogue, item));
            cells.add(nullToEmpty(line.deptEconomicCode()));
            cells.add(economic == null ? "" : economic.name());
            cells.add(nullToEmpty(line.govEconomicCode()));
            cells.add(line.govEconomicCode() == null ? ""
                    : catalogue.govEconomicName(line.govEconomicCode()).orElse(""));
            cells.add(line.kind().label());
            cells.add(line.fundingSource().label());
            cells.add(line.origin().label());
            cells.add(nullToEmpty(line.project()));
            cells.add(phase.word);
            cells.add(Yuan.format(phase == Phase.APPROVED ? line.appropriatedFen() : line.amountFen()));
            cells.add("CNY");
            appendLine(out, cells);
        }
        return out.toString();
    }

    private static String functionalName(ClassificationCatalogue catalogue, String code) {
        return catalogue.functional(code).map(FunctionalCode::name).orElse("");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static void appendLine(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(CsvCells.field(cells.get(i)));
        }
        out.append("\r\n");
    }
}
