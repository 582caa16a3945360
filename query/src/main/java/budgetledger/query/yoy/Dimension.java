package budgetledger.query.yoy;

import java.util.Arrays;
import java.util.Optional;

/** What the lines are grouped by for a year-over-year comparison; {@code parameter} is its name in the API. */
public enum Dimension {
    SUBJECT("subject", "预算科目"),
    FUNCTIONAL("functional", "支出功能分类"),
    ECONOMIC("economic", "部门预算支出经济分类"),
    GOV_ECONOMIC("gov-economic", "政府预算支出经济分类"),
    UNIT("unit", "预算单位"),
    KIND("kind", "支出类型"),
    SOURCE("source", "资金来源"),
    PROJECT("project", "项目"),
    THREE_PUBLIC("three-public", "“三公”经费"),
    AGENCY_OPERATING_COST("agency-operating-cost", "机关运行经费");

    private final String parameter;
    private final String label;

    Dimension(String parameter, String label) {
        this.parameter = parameter;
        this.label = label;
    }

    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    public static Optional<Dimension> ofParameter(String text) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(text)).findFirst();
    }

    public static String parameters() {
        return String.join(", ", Arrays.stream(values()).map(Dimension::parameter).toList());
    }
}
