package budgetledger.disclosure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Defects of a narrative that real documents have, reported as findings (the import goes on; nothing is corrected):
 * a comparison against last year's executed figures (预算执行数) where the budget should be compared with last
 * year's budget; a comparison with the document's own year ("比2026年预算" in a 2026 document); a percentage that
 * contradicts the amounts of its own sentence; an item's amount stated twice, differently, in one sentence.
 *
 * <p>Amounts and percentages are checked as intervals: a figure printed with d decimals stands for anything within
 * half a unit of its last decimal, so only a percentage that no such amounts give is a contradiction.
 */
final class NarrativeFindings {

    /** An amount as printed, with or without thousands separators (2,723.94). */
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final Pattern EXECUTED = Pattern.compile("(?:比|与)?(\\d{4}年|上年)(?:当年)?预算执行数");
    private static final Pattern OWN_YEAR = Pattern.compile("(?:比|与)(\\d{4})年(?:年初)?预算(?!执行)");
    private static final Pattern EXECUTED_CHANGE = Pattern.compile("预算执行数为" + NUMBER + "万元[^。]*?预算安排" + NUMBER
            + "万元[^。]*?(增加|减少|增长|下降)" + NUMBER + "%");
    private static final Pattern YEAR_CHANGE = Pattern.compile(NUMBER + "万元[，,]?(?:比|与)上年(?:预算)?(?:相比)?[，,]?"
            + "(增加|减少)" + NUMBER + "万元[，,]?(增长|下降)" + NUMBER + "%");
    private static final Pattern ITEM_AMOUNT = Pattern.compile("（\\d{2}项）" + NUMBER + "万元");
    private static final Pattern PLANNED = Pattern.compile("预算安排" + NUMBER + "万元");
    private static final Pattern SENTENCES = Pattern.compile("(?<=。)");

    /** Words of the findings about a comparison of the wrong kind (a notice, not a contradiction). */
    static final String EXECUTED_WORDS = "预算执行数比较，而不是与上年预算比较";
    static final String OWN_YEAR_WORDS = "预算比较，应为上年";

    private NarrativeFindings() {
    }

    /** 提示 for a comparison of the wrong kind, 警告 for a document that contradicts itself or its tables. */
    static String severity(ParseProblem finding) {
        return finding.message().contains(EXECUTED_WORDS) || finding.message().contains(OWN_YEAR_WORDS) ? "提示" : "警告";
    }

    static void check(List<String> lines, boolean[] narrativeLines, int fiscalYear, List<ParseProblem> findings) {
        for (int i = 0; i < lines.size(); i++) {
            if (!narrativeLines[i]) {
                continue;
            }
            String paragraph = TableLayout.normalise(lines.get(i));
            for (String sentence : SENTENCES.split(paragraph)) {
                check(sentence, i + 1, fiscalYear, findings);
            }
            statedTwice(paragraph, i + 1, findings);
        }
    }

    private static void check(String sentence, int line, int fiscalYear, List<ParseProblem> findings) {
        String where = "说明";
        Matcher executed = EXECUTED.matcher(sentence);
        if (executed.find()) {
            findings.add(new ParseProblem(line, where, "与" + executed.group(1) + "预算执行数比较，而不是与上年预算比较：“"
                    + abbreviate(sentence) + "”"));
        }
        Matcher own = OWN_YEAR.matcher(sentence);
        while (own.find()) {
            if (Integer.parseInt(own.group(1)) == fiscalYear) {
                findings.add(new ParseProblem(line, where, "“" + own.group() + "”与本年（" + fiscalYear + "年）预算比较，"
                        + "应为上年（" + (fiscalYear - 1) + "年）：“" + abbreviate(sentence) + "”"));
                break;
            }
        }
        Matcher change = EXECUTED_CHANGE.matcher(sentence);
        if (change.find()) {
            boolean up = change.group(3).equals("增加") || change.group(3).equals("增长");
            percentage(sentence, line, change.group(1), change.group(2), up, change.group(4), findings);
        }
        Matcher yearChange = YEAR_CHANGE.matcher(sentence);
        while (yearChange.find()) {
            BigDecimal now = number(yearChange.group(1));
            BigDecimal delta = number(yearChange.group(3));
            boolean up = yearChange.group(2).equals("增加");
            BigDecimal before = up ? now.subtract(delta) : now.add(delta);
            boolean stated = yearChange.group(4).equals("增长");
            if (stated != up) {
                findings.add(new ParseProblem(line, where, "先说" + yearChange.group(2) + "，后说" + yearChange.group(4)
                        + "：“" + abbreviate(sentence) + "”"));
            } else {
                percentage(sentence, line, before.toPlainString(), yearChange.group(1), up, yearChange.group(5),
                        findings);
            }
        }
    }

    /** An item's paragraph that states its amount (（01项）208.8万元) and then plans another (预算安排201.50万元). */
    private static void statedTwice(String paragraph, int line, List<ParseProblem> findings) {
        Matcher item = ITEM_AMOUNT.matcher(paragraph);
        Matcher planned = PLANNED.matcher(paragraph);
        if (item.find() && planned.find()
                && number(item.group(1)).compareTo(number(planned.group(1))) != 0) {
            findings.add(new ParseProblem(line, "说明", "同一科目先写" + item.group(1) + "万元，又写预算安排"
                    + planned.group(1) + "万元：“" + abbreviate(paragraph) + "”"));
        }
    }

    /**
     * A percentage change from {@code before} to {@code after} stated as {@code percent} (up or down): a finding when
     * no amounts within the rounding of the printed ones give a percentage within the rounding of the printed one.
     */
    private static void percentage(String sentence, int line, String before, String after, boolean up, String percent,
                                   List<ParseProblem> findings) {
        BigDecimal b = number(before);
        BigDecimal a = number(after);
        BigDecimal p = number(percent);
        before = b.toPlainString();
        after = a.toPlainString();
        if (b.signum() <= 0) {
            return;
        }
        BigDecimal hb = half(before);
        BigDecimal ha = half(after);
        BigDecimal hp = half(percent);
        MathContext mc = MathContext.DECIMAL64;
        // The change in percent is monotonic in both amounts: its extremes are at the corners.
        BigDecimal lowest = a.subtract(ha).subtract(b.add(hb)).multiply(BigDecimal.valueOf(100))
                .divide(b.add(hb), mc);
        BigDecimal highest = a.add(ha).subtract(b.subtract(hb).max(number("0.000001")))
                .multiply(BigDecimal.valueOf(100)).divide(b.subtract(hb).max(number("0.000001")), mc);
        BigDecimal signed = up ? p : p.negate();
        boolean possible = signed.add(hp).compareTo(lowest) >= 0 && signed.subtract(hp).compareTo(highest) <= 0;
        if (!possible) {
            BigDecimal actual = a.subtract(b).multiply(BigDecimal.valueOf(100)).divide(b, 2, RoundingMode.HALF_UP);
            findings.add(new ParseProblem(line, "说明", "百分比与本句金额不符：由" + before + "万元到" + after + "万元应为"
                    + (actual.signum() >= 0 ? "增加" : "减少") + actual.abs().toPlainString() + "%，文中为"
                    + (up ? "增加" : "减少") + percent + "%：“" + abbreviate(sentence) + "”"));
        }
    }

    /** Half a unit of the last printed decimal: 1690.69 → 0.005, 686 → 0.5. */
    private static BigDecimal half(String number) {
        return BigDecimal.ONE.movePointLeft(Math.max(0, number(number).scale())).divide(BigDecimal.valueOf(2));
    }

    private static BigDecimal number(String printed) {
        return new BigDecimal(printed.replace(",", ""));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
