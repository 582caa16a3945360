package budgetledger.api;

import budgetledger.model.Yuan;
import budgetledger.query.narrative.Change;
import budgetledger.query.narrative.Explanation;
import budgetledger.query.narrative.Section;
import budgetledger.query.narrative.ThreePublicComparison;
import budgetledger.query.yoy.DeltaRow;
import budgetledger.query.yoy.Presence;
import budgetledger.query.yoy.YearOverYear;

import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON answers of the year-over-year endpoints: amounts in 万元 as two-decimal strings (each rounded half-up
 * from exact 分 on its own), percentages as two-decimal strings, null where there is no figure.
 */
final class YearOverYearViews {

    private YearOverYearViews() {
    }

    record DeltaRowView(int level, String code, String name, String lastYear, String thisYear, String delta,
                        String percent, String presence, String note) {
        static DeltaRowView of(DeltaRow row) {
            return new DeltaRowView(row.level(), row.code(), row.name(), text(row.lastYearWanYuan()),
                    text(row.thisYearWanYuan()), text(row.deltaWanYuan()), text(row.percent()), row.presence().name(),
                    row.presence() == Presence.BOTH ? null : row.presence().label());
        }
    }

    record YearOverYearView(String budgetId, String against, int fiscalYear, Integer lastFiscalYear, String by,
                            String byLabel, String level, String unit, List<DeltaRowView> rows) {
        static YearOverYearView of(YearOverYear.Report report) {
            return new YearOverYearView(report.budgetId(), report.against(), report.fiscalYear(),
                    report.lastFiscalYear(), report.dimension().parameter(), report.dimension().label(),
                    report.level() == null ? null : report.level().parameter(), "万元",
                    report.rows().stream().map(DeltaRowView::of).toList());
        }
    }

    /** {@code change}: 增加, 减少, 持平, or 无上年数; the reason only for a change, flagged when none is recorded. */
    record ThreePublicRowView(String subject, String lastYear, String thisYear, String delta, String percent,
                              String change, String reason, boolean reasonMissing) {
        static ThreePublicRowView of(Change change) {
            String direction = switch (change.direction()) {
                case UP -> "增加";
                case DOWN -> "减少";
                case SAME -> "持平";
                case UNKNOWN -> "无上年数";
            };
            boolean changed = change.direction() == Change.Direction.UP || change.direction() == Change.Direction.DOWN;
            return new ThreePublicRowView(change.subject().label(),
                    change.lastYearFen() == null ? null : Yuan.toWanYuan(change.lastYearFen()).toPlainString(),
                    Yuan.toWanYuan(change.thisYearFen()).toPlainString(),
                    change.deltaFen() == null ? null : Yuan.toWanYuan(change.deltaFen()).toPlainString(),
                    text(change.percent()), direction, changed && !change.reasonMissing() ? change.reason() : null,
                    change.reasonMissing());
        }
    }

    record ThreePublicView(String budgetId, int fiscalYear, String lastYearBudgetId, String unit,
                           List<ThreePublicRowView> rows) {
        static ThreePublicView of(ThreePublicComparison.Report report) {
            return new ThreePublicView(report.budgetId(), report.fiscalYear(), report.lastYearBudgetId(), "万元",
                    report.rows().stream().map(ThreePublicRowView::of).toList());
        }
    }

    record ExplanationView(String budgetId, int fiscalYear, String department, String lastYearBudgetId,
                           String warningThresholdPercent, List<Section> sections, List<String> warnings) {
        static ExplanationView of(Explanation explanation) {
            return new ExplanationView(explanation.budgetId(), explanation.fiscalYear(), explanation.departmentName(),
                    explanation.lastYearBudgetId(), explanation.thresholdPercent().toPlainString(),
                    explanation.sections(), explanation.warnings());
        }
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
