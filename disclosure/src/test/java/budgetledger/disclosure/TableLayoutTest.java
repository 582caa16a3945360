package budgetledger.disclosure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables are found by title lines, not by table-of-contents lines or labels. */
class TableLayoutTest {

    @Test
    void aTitleLineIsAYearAndATitle() {
        assertThat(Template.seed().title("2026年预算收支总表")).hasValueSatisfying(t -> {
            assertThat(t.layout().number()).isEqualTo(1);
            assertThat(t.year()).isEqualTo(2026);
        });
        assertThat(Template.seed().title("2026年财政拨款收支总表").orElseThrow().layout().number()).isEqualTo(4);
        assertThat(Template.seed().title("2026年财政拨款安排\"三公\"经费支出预算表").orElseThrow().layout().number())
                .isEqualTo(10);
        assertThat(Template.seed().title("2026年国有资本经营预算收支预算表(不含上年结转)").orElseThrow().layout().number())
                .isEqualTo(9);
        assertThat(Template.seed().title("2026年项目支出预算表（上年结转）").orElseThrow().layout().number()).isEqualTo(13);
    }

    @Test
    void tableOfContentsLinesAndLabelsAreNoTitles() {
        assertThat(Template.seed().title("表一2026年预算收支总表.....\t2")).isEmpty();
        assertThat(Template.seed().title("表一2026年预算收支总表.....")).isEmpty();
        assertThat(Template.seed().title("预算公开表1")).isEmpty();
        assertThat(Template.seed().title("预算收支总表")).isEmpty();
        assertThat(Template.seed().title("2026年项目支出预算表")).isEmpty();
    }
}
