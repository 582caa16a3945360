package budgetledger.model.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @Test
    void formula_leading_cells_get_a_single_quote() {
        assertThat(CsvCells.neutralise("=HYPERLINK(\"http://x\",\"点击\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"点击\")");
        assertThat(CsvCells.neutralise("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralise("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void numbers_and_ordinary_text_stay_as_they_are() {
        assertThat(CsvCells.neutralise("-263.35")).isEqualTo("-263.35");
        assertThat(CsvCells.neutralise("4294.01")).isEqualTo("4294.01");
        assertThat(CsvCells.neutralise("云桌面服务费")).isEqualTo("云桌面服务费");
        assertThat(CsvCells.neutralise("")).isEqualTo("");
    }

    @Test
    void a_field_is_quoted_after_neutralising() {
        assertThat(CsvCells.field("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvCells.field("说\"明\"")).isEqualTo("\"说\"\"明\"\"\"");
        assertThat(CsvCells.field(null)).isEqualTo("");
    }
}
