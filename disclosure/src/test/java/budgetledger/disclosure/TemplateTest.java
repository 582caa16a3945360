package budgetledger.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's template is a data file; what it says is what the parser and the writers use. */
class TemplateTest {

    @Test
    void the_seed_template_file_holds_the_thirteen_tables_in_wan_yuan() {
        Template seed = Template.seed();
        assertThat(seed.id()).isEqualTo("shanxi-13");
        assertThat(seed.unit()).isEqualTo("万元");
        assertThat(seed.emptyNotes()).containsExactly("本表无数据");
        assertThat(seed.tables()).hasSize(TableLayout.COUNT);
        assertThat(seed.tables()).extracting(TableLayout::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);

        TableLayout table9 = TableLayout.of(9);
        assertThat(table9.cells()).isEqualTo("LLALLAAA");
        assertThat(table9.totalColumn()).isEqualTo(1);
        assertThat(table9.partColumns()).containsExactly(2, 3);
        assertThat(table9.print().order()).containsExactly(0, 1, 4, 2, 3, 5, 6, 7);
        assertThat(table9.print().groups()).containsExactly(new TableLayout.Group("国有资本经营预算收入", 0, 2),
                new TableLayout.Group("国有资本经营预算支出", 3, 7));
        assertThat(TableLayout.of(7).totalColumn()).isEqualTo(-1);
        // A variant title from the file finds its table.
        assertThat(Template.seed().title("2026年一般公共预算支出预算表").orElseThrow().layout().number()).isEqualTo(5);
    }

    @Test
    void a_template_whose_cells_disagree_with_its_columns_is_refused_naming_its_line() {
        List<String> lines = List.of("template\tbad\t坏模板", "unit\t万元",
                "table\t1\t预算收支总表\tPAIRED", "labels\t收入项目", "amounts\t收入金额", "cells\tLAA", "print\t0:项目\t1:金额");
        assertThatThrownBy(() -> Template.parse("bad.template", lines))
                .hasMessageContaining("bad.template").hasMessageContaining("table 1");
        assertThatThrownBy(() -> Template.parse("bad.template", List.of("unit\t万元", "labels\t项目")))
                .hasMessage("bad.template:2: \"labels\" before any table");
    }
}
