package budgetledger.web;

import org.junit.jupiter.api.Test;

import static budgetledger.web.Money.Unit.WAN;
import static budgetledger.web.Money.Unit.YUAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amounts as the console reads them (万元 unless 元 is chosen) and shows them, exact to the 分. */
class MoneyTest {

    @Test
    void an_amount_in_wan_yuan_is_ten_thousand_yuan_and_exact_to_the_fen() {
        assertThat(Money.parseFen("5", WAN)).isEqualTo(5_000_000L);
        assertThat(Money.parseFen(" 1,234.5 ", WAN)).isEqualTo(1_234_500_000L);
        assertThat(Money.parseFen("0.000001", WAN)).isEqualTo(1L);
        assertThat(Money.parseFen("1,000.50", YUAN)).isEqualTo(100_050L);
        assertThat(Money.parseFen("5", YUAN)).isEqualTo(500L);
    }

    @Test
    void what_is_not_a_whole_number_of_fen_or_not_above_zero_is_refused_never_rounded() {
        assertThatThrownBy(() -> Money.parseFen("0.0000001", WAN)).hasMessage("以万元为单位至多六位小数（精确到分）");
        assertThatThrownBy(() -> Money.parseFen("1.001", YUAN)).hasMessage("以元为单位至多两位小数（精确到分）");
        assertThatThrownBy(() -> Money.parseFen("0.00", WAN)).hasMessage("金额必须大于零");
        assertThatThrownBy(() -> Money.parseFen("-5", WAN)).hasMessageStartingWith("金额应为正数");
        assertThatThrownBy(() -> Money.parseFen("5e3", YUAN)).hasMessageStartingWith("金额应为正数");
        assertThatThrownBy(() -> Money.parseFen("", WAN)).hasMessage("请填写金额");
        assertThatThrownBy(() -> Money.parseFen("5", null)).hasMessage("请选择金额单位（万元或元）");
        assertThatThrownBy(() -> Money.parseFen("1000000001", WAN)).hasMessageStartingWith("金额超过单行上限");
        assertThat(Money.parseFen("1000000000", WAN)).isEqualTo(Money.MAX_FEN);
    }

    @Test
    void wan_yuan_is_shown_with_separators_and_every_fen() {
        assertThat(Money.wan(4_294_010_000L)).isEqualTo("4,294.01");
        assertThat(Money.wan(4_999L)).isEqualTo("0.004999");
        assertThat(Money.wan(-1_000_000L)).isEqualTo("-1.00");
        assertThat(Money.wanRounded(4_999L)).isEqualTo("0.00");
        assertThat(Money.wanRounded(5_000L)).isEqualTo("0.01");
        assertThat(Money.both(5_000_000L)).isEqualTo("5.00 万元（50,000.00 元）");
        assertThat(Money.fenOfYuan("-1000.50")).isEqualTo(-100_050L);
    }
}
