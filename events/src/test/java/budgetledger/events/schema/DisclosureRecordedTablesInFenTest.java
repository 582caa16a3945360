package budgetledger.events.schema;

import budgetledger.events.DisclosureRecorded;
import budgetledger.events.PublishedRow;
import budgetledger.events.PublishedTable;
import budgetledger.model.table.TableRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DisclosureRecorded revision 1 (the parser's view model: printed decimals, line numbers) read as revision 2
 * (published tables in 分), on the golden file of revision 1: the stored JSON of a real import (上海市普陀区司法局 2026,
 * its table 1 in 元 and its table 9 in 万元, a few rows each).
 */
class DisclosureRecordedTablesInFenTest {

    private final DisclosureRecorded upcast = (DisclosureRecorded) EventSchemaTest.read("DisclosureRecorded", "1",
            EventSchemaTest.golden("DisclosureRecorded", "1"));

    @Test
    void a_table_printed_in_yuan_reads_in_fen_with_its_unit() {
        PublishedTable table = upcast.tables().get(0);
        assertThat(table.number()).isEqualTo(1);
        assertThat(table.title()).isEqualTo("部门财务收支预算总表");
        assertThat(table.unit()).isEqualTo("元");
        assertThat(table.amountColumns()).containsExactly("收入预算数", "支出预算数");
        assertThat(table.rows()).extracting(PublishedRow::amountsFen).containsExactly(
                Arrays.asList(9_628_221_344L, null), Arrays.asList(9_628_221_344L, null), Arrays.asList(0L, null));
        assertThat(table.rows().get(1).labels()).containsExactly("1. 一般公共预算", "");
        assertThat(table.rows().get(1).level()).isEqualTo(2);
    }

    @Test
    void a_table_printed_in_wan_yuan_reads_in_fen_with_its_unit() {
        PublishedTable table = upcast.tables().get(1);
        assertThat(table.unit()).isEqualTo("万元");
        // 10.81 | 0.00 | 0.83 | 9.98 | 0.00 | 9.98 | 217.83 万元
        assertThat(table.rows().get(0).amountsFen()).containsExactly(10_810_000L, 0L, 830_000L, 9_980_000L, 0L,
                9_980_000L, 217_830_000L);
    }

    @Test
    void the_upcast_tables_print_as_they_were_stored_without_line_numbers() {
        TableRow total = upcast.tables().get(0).view().rows().get(0);
        assertThat(total.amounts()).containsExactly(new BigDecimal("96282213.44"), null);
        assertThat(total.sourceLine()).isZero();
        assertThat(upcast.tables().get(1).view().rows().get(0).amounts().get(6)).isEqualTo(new BigDecimal("217.83"));
    }

    @Test
    void the_other_fields_are_kept() {
        assertThat(upcast.budgetId()).isEqualTo("SH-PT-SFJ-2026");
        assertThat(upcast.documentNo()).isEqualTo("2026年度部门预算公开");
        assertThat(upcast.findings()).extracting(f -> f.unit()).containsExactly("元", null);
        assertThat(upcast.findings().get(1)).satisfies(f -> {
            assertThat(f.sourceLine()).isEqualTo(241);
            assertThat(f.publishedWanYuan()).isEqualTo(new BigDecimal("217.84"));
            assertThat(f.ledgerFen()).isEqualTo(217_832_444L);
        });
        assertThat(upcast.documentFindings()).singleElement().satisfies(f -> assertThat(f.place()).isEqualTo("说明"));
    }

    @Test
    void a_stored_amount_that_is_not_a_whole_number_of_fen_is_refused_not_rounded() {
        String golden = new String(EventSchemaTest.golden("DisclosureRecorded", "1"), StandardCharsets.UTF_8);
        byte[] broken = golden.replace("96282213.44, null", "96282213.445, null").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventSchemaTest.read("DisclosureRecorded", "1", broken))
                .hasStackTraceContaining("is not a whole number of 分");
    }
}
