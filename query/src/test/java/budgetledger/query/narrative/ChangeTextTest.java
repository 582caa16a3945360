package budgetledger.query.narrative;

import budgetledger.model.BudgetSubject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A change in the narrative's words; a missing reason or last-year figure is said, never filled in. */
class ChangeTextTest {

    static final BigDecimal TEN = BigDecimal.TEN;

    static Change change(Long last, long now, String reason) {
        return new Change(BudgetSubject.AGENCY_OPERATING_COST, last, now, reason);
    }

    @Test
    void a_rise_is_increase_and_growth_with_the_recorded_reason() {
        assertThat(ChangeText.of(change(193_590_000L, 204_080_000L, "工资变动"), "2025年预算"))
                .isEqualTo("比2025年预算增加10.49万元，增长5.42%，主要原因是工资变动");
    }

    @Test
    void a_fall_is_decrease_and_decline() {
        assertThat(ChangeText.of(change(45_573_600_00L, 42_940_100_00L, "局机关预算总收入减少"), "上年"))
                .isEqualTo("比上年减少263.35万元，下降5.78%，主要原因是局机关预算总收入减少");
    }

    @Test
    void no_change_is_the_same_as_last_year_whatever_reason_was_recorded() {
        assertThat(ChangeText.of(change(4_950_000L, 4_950_000L, "局机关公务接待费减少1万元"), "上年"))
                .isEqualTo("与上年预算数相同");
    }

    @Test
    void a_change_without_reason_is_flagged_and_beyond_the_threshold_warned() {
        Notes notes = new Notes(TEN);
        assertThat(notes.change("机关运行经费", change(1_000_000_000L, 1_100_100_000L, null), "上年"))
                .isEqualTo("比上年增加100.10万元，增长10.01%（未记录变动原因）");
        assertThat(notes.takeFlags()).containsExactly("机关运行经费：比上年增加100.10万元，未记录变动原因");
        assertThat(notes.warnings()).containsExactly("机关运行经费：比上年增长10.01%，超过10%，未记录变动原因");
    }

    @Test
    void a_change_at_the_threshold_without_reason_is_flagged_but_no_warning() {
        Notes notes = new Notes(TEN);
        notes.change("机关运行经费", change(1_000_000_000L, 1_100_000_000L, " "), "上年");
        assertThat(notes.takeFlags()).hasSize(1);
        assertThat(notes.warnings()).isEmpty();
    }

    @Test
    void without_last_year_no_comparison_is_made() {
        assertThat(ChangeText.of(change(null, 100L, "原因"), "上年")).isEqualTo("上年数未记录，未作比较");
    }

    @Test
    void amounts_take_thousands_separators_where_the_seed_writes_them_and_zero_is_0() {
        assertThat(WanYuanText.grouped(4_294_010_000L)).isEqualTo("4,294.01");
        assertThat(WanYuanText.plain(4_294_010_000L)).isEqualTo("4294.01");
        assertThat(WanYuanText.grouped(0)).isEqualTo("0");
        assertThat(WanYuanText.grouped(3_600_000L)).isEqualTo("3.60");
        assertThat(WanYuanText.percent(null)).isEqualTo("0%");
    }
}
