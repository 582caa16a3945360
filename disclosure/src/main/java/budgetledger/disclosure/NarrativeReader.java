package budgetledger.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures of the narrative (第三部分 情况说明): this year's amount, the change against last year and the
 * stated reason, for the total (收入总计 and 支出总计), 一般公共预算当年支出, "三公" and its categories and
 * 机关运行经费; and the 政府采购 figures. Each figure is the first sentence that states it; a sentence ends at 。 or ；.
 */
final class NarrativeReader {

    private static final String AMOUNT = "(" + Amounts.NUMBER + ")万元";
    /** Words that may stand between a subject and its amount: 机关运行经费财政拨款预算100.00万元. */
    private static final String FILLER = "(?:财政拨款|预算数?|支出|总额|为|共计|合计|安排的?)*";

    private static final Pattern TOTAL = Pattern.compile("(?:收入|收支)总计" + FILLER + AMOUNT);
    private static final Pattern EXPENDITURE_TOTAL = Pattern.compile("支出总计" + FILLER + AMOUNT);
    private static final Pattern GENERAL_PUBLIC = Pattern.compile("一般公共预算当年支出" + FILLER + AMOUNT);
    private static final Pattern THREE_PUBLIC = Pattern.compile("三公[”\"’']?经费" + FILLER + AMOUNT);
    private static final Pattern AGENCY = Pattern.compile("机关运行经费" + FILLER + AMOUNT);
    private static final Pattern PROCUREMENT = Pattern.compile("政府采购" + FILLER + AMOUNT);
    private static final Pattern GOODS = Pattern.compile("采购货物类?" + FILLER + AMOUNT);
    private static final Pattern WORKS = Pattern.compile("采购工程类?" + FILLER + AMOUNT);
    private static final Pattern SERVICES = Pattern.compile("采购服务类?" + FILLER + AMOUNT);
    /** Looser forms (其中：货物类25.00万元), looked for only on the lines of the 政府采购 total. */
    private static final Pattern GOODS_NEAR = Pattern.compile("货物类?(?:采购)?" + FILLER + AMOUNT);
    private static final Pattern WORKS_NEAR = Pattern.compile("工程类?(?:采购)?" + FILLER + AMOUNT);
    private static final Pattern SERVICES_NEAR = Pattern.compile("服务类?(?:采购)?" + FILLER + AMOUNT);

    private static final Pattern CHANGE = Pattern.compile(
            "(?:比|较|与)(?:上年|上一年|\\d{4}年)(?:度)?(?:相比)?(?:预算数?)?(?:相比)?(增加|增长|减少|下降)了?" + AMOUNT);
    private static final Pattern UNCHANGED = Pattern.compile(
            "与(?:上年|上一年|\\d{4}年)(?:度)?(?:预算数?)?(?:相同|持平|一致)|(?:比|较)(?:上年|上一年|\\d{4}年)(?:预算数?)?(?:持平|无变化)");
    private static final Pattern REASON = Pattern.compile("(?:主要)?原因(?:是|为|：|:)(.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;]");

    private record Sentence(int line, String text) {
    }

    private final List<Sentence> sentences = new ArrayList<>();
    private final List<ParseProblem> warnings;

    /**
     * @param narrativeLines for each line (index = line − 1), whether it is narrative text: outside tables, without
     *                       TABs, outside the 绩效目标表 section
     */
    NarrativeReader(List<String> lines, boolean[] narrativeLines, List<ParseProblem> warnings) {
        this.warnings = warnings;
        for (int i = 0; i < lines.size(); i++) {
            if (narrativeLines[i]) {
                // Only length-preserving changes, so that reasons keep the author's words.
                String line = lines.get(i).replace('(', '（').replace(')', '）');
                for (String text : SENTENCE_END.split(line)) {
                    if (!text.isBlank()) {
                        sentences.add(new Sentence(i + 1, text.strip()));
                    }
                }
            }
        }
    }

    Narrative read() {
        NarrativeFigure procurement = figure(PROCUREMENT, false);
        return new Narrative(
                figure(TOTAL, true),
                figure(EXPENDITURE_TOTAL, true),
                figure(GENERAL_PUBLIC, true),
                figure(THREE_PUBLIC, true),
                category("因公出国（境）费用?"),
                category("公务接待费"),
                category("公务用车购置及运行费"),
                category("公务用车运行维护费"),
                category("公务用车购置费"),
                figure(AGENCY, true),
                procurement,
                procurementPart(GOODS, GOODS_NEAR, procurement),
                procurementPart(WORKS, WORKS_NEAR, procurement),
                procurementPart(SERVICES, SERVICES_NEAR, procurement));
    }

    /** A "三公" category: its name directly followed by its amount, so that 公务接待费减少2万元 in a reason is no match. */
    private NarrativeFigure category(String name) {
        return figure(Pattern.compile(name + FILLER + AMOUNT), true);
    }

    private NarrativeFigure procurementPart(Pattern strict, Pattern near, NarrativeFigure total) {
        NarrativeFigure found = figure(strict, false);
        if (found.isPresent() || !total.isPresent()) {
            return found;
        }
        for (Sentence s : sentences) {
            if (s.line >= total.line() && s.line <= total.line() + 2) {
                Matcher m = near.matcher(s.text);
                if (m.find()) {
                    return new NarrativeFigure(amount(m.group(1), s.line), null, null, null, s.line);
                }
            }
        }
        return NarrativeFigure.ABSENT;
    }

    private NarrativeFigure figure(Pattern subject, boolean withChange) {
        for (Sentence s : sentences) {
            Matcher m = subject.matcher(s.text);
            if (!m.find()) {
                continue;
            }
            BigDecimal amount = amount(m.group(1), s.line);
            if (!withChange) {
                return new NarrativeFigure(amount, null, null, null, s.line);
            }
            String rest = s.text.substring(m.end());
            BigDecimal change = null;
            Matcher c = CHANGE.matcher(rest);
            if (c.find()) {
                BigDecimal size = amount(c.group(2), s.line);
                change = c.group(1).equals("增加") || c.group(1).equals("增长") ? size : size.negate();
            } else if (UNCHANGED.matcher(rest).find()) {
                change = Amounts.ZERO;
            }
            Matcher r = REASON.matcher(rest);
            String reason = r.find() ? clean(r.group(1)) : null;
            BigDecimal prior = change == null ? null : amount.subtract(change);
            return new NarrativeFigure(amount, change, prior, reason, s.line);
        }
        return NarrativeFigure.ABSENT;
    }

    private BigDecimal amount(String text, int line) {
        if (Amounts.hasFractionOfFen(text)) {
            warnings.add(new ParseProblem(line, "情况说明", "数字 “" + text + "” 超过两位小数，已四舍五入到分"));
        }
        return Amounts.wanYuan(text);
    }

    private static String clean(String reason) {
        String r = reason.replaceAll("^[，,：:\\s]+|[，,。\\s]+$", "");
        return r.isEmpty() ? null : r;
    }
}
