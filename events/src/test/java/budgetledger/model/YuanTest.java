package budgetledger.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class YuanTest {

    @Test
    void yuan_convert_to_whole_fen_exactly() {
        assertThat(Yuan.toFen(new BigDecimal("1234.56"))).isEqualTo(123_456L);
        assertThat(Yuan.isWholeFen(new BigDecimal("1.230"))).isTrue();
        assertThat(Yuan.isWholeFen(new BigDecimal("1.235"))).isFalse();
        assertThat(Yuan.format(-5L)).isEqualTo("-0.05");
    }

    @Test
    void wan_yuan_are_rounded_half_up_per_cell() {
        assertThat(Yuan.toWanYuan(3_487_065_000L)).isEqualTo(new BigDecimal("3487.07"));
        assertThat(Yuan.toWanYuan(5_000L)).isEqualTo(new BigDecimal("0.01"));
        assertThat(Yuan.toWanYuan(4_999L)).isEqualTo(new BigDecimal("0.00"));
    }
}
