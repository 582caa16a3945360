package budgetledger.disclosure.tables;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChineseNumeralsTest {

    @Test
    void writes_the_ordinals_of_the_summary_tables() {
        assertThat(ChineseNumerals.ordinal(1)).isEqualTo("一、");
        assertThat(ChineseNumerals.ordinal(10)).isEqualTo("十、");
        assertThat(ChineseNumerals.ordinal(11)).isEqualTo("十一、");
        assertThat(ChineseNumerals.ordinal(20)).isEqualTo("二十、");
        assertThat(ChineseNumerals.ordinal(29)).isEqualTo("二十九、");
        assertThat(ChineseNumerals.ordinal(30)).isEqualTo("三十、");
        assertThat(ChineseNumerals.ordinal(99)).isEqualTo("九十九、");
    }

    @Test
    void refuses_numbers_it_does_not_write() {
        assertThatThrownBy(() -> ChineseNumerals.ordinal(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChineseNumerals.ordinal(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
