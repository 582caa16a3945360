package budgetledger.query.narrative;

import java.math.BigDecimal;
import java.util.List;

/**
 * The narrative of 第三部分 generated from the ledger: sections 一 to 九, and the warnings (changes beyond
 * {@code thresholdPercent} without a recorded reason).
 */
public record Explanation(String budgetId, int fiscalYear, String departmentName, String lastYearBudgetId,
                          BigDecimal thresholdPercent, List<Section> sections, List<String> warnings) {

    /** The narrative as plain text: the part's heading, then each section's title and text. */
    public String text() {
        StringBuilder text = new StringBuilder("第三部分 ").append(fiscalYear).append("年度部门预算情况说明\n");
        for (Section section : sections) {
            text.append('\n').append(section.number()).append('、').append(section.title()).append("\n\n")
                    .append(section.text()).append('\n');
        }
        return text.toString();
    }
}
