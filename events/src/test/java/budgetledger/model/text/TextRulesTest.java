package budgetledger.model.text;

import budgetledger.model.text.TextRules.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    static String rule(String text, Shape shape) {
        return TextRules.problem(text, shape).map(TextRules.Problem::rule).orElse("ok");
    }

    @Test
    void ordinary_chinese_names_and_document_numbers_pass() {
        assertThat(rule("晋城市行政审批服务管理局（本级）", Shape.LINE)).isEqualTo("ok");
        assertThat(rule("晋财预〔2026〕15号", Shape.LINE)).isEqualTo("ok");
        assertThat(rule("𠀀 extension-B name", Shape.LINE)).isEqualTo("ok");
    }

    @Test
    void control_characters_are_refused_with_their_position() {
        assertThat(rule("办公\u0000费", Shape.LINE)).isEqualTo("control-character");
        assertThat(TextRules.problem("办公\u0000费", Shape.LINE).orElseThrow().description())
                .isEqualTo("含有控制字符（第 3 个字符 U+0000）");
        // Counted in characters as a reader counts them: a supplementary character (two UTF-16 units) is one.
        assertThat(TextRules.problem("𠀀名\u202E称", Shape.LINE).orElseThrow().description())
                .isEqualTo("含有双向文本控制字符（第 3 个字符 U+202E）");
        assertThat(rule("a\u001bb", Shape.MULTILINE)).isEqualTo("control-character");
        assertThat(rule("a\u0085b", Shape.LINE)).isEqualTo("control-character");
        assertThat(rule("a\u2028b", Shape.LINE)).isEqualTo("control-character");
    }

    @Test
    void line_breaks_only_where_the_shape_keeps_them_and_tab_only_in_documents() {
        assertThat(rule("第一行\n第二行", Shape.LINE)).isEqualTo("control-character");
        assertThat(rule("第一行\r\n第二行", Shape.MULTILINE)).isEqualTo("ok");
        assertThat(rule("a\tb", Shape.MULTILINE)).isEqualTo("control-character");
        assertThat(rule("\uFEFF合计\t4294.01\r\n", Shape.DOCUMENT)).isEqualTo("ok");
        assertThat(rule("合计\uFEFF\t4294.01", Shape.DOCUMENT)).isEqualTo("invisible-character");
    }

    @Test
    void bidirectional_controls_and_zero_width_characters_are_refused() {
        assertThat(rule("项目\u202Egnp.exe", Shape.LINE)).isEqualTo("bidi-control");
        assertThat(rule("a\u2066b", Shape.DOCUMENT)).isEqualTo("bidi-control");
        assertThat(rule("办\u200B公", Shape.LINE)).isEqualTo("invisible-character");
        assertThat(rule("\u00AD", Shape.LINE)).isEqualTo("invisible-character");
    }

    @Test
    void invisible_only_text_is_refused() {
        assertThat(rule("\u3000\u00A0 ", Shape.LINE)).isEqualTo("invisible-only");
        assertThat(rule("\u3164", Shape.LINE)).isEqualTo("invisible-only");
        assertThat(rule("\n\r\n", Shape.MULTILINE)).isEqualTo("invisible-only");
    }

    @Test
    void lone_surrogates_and_noncharacters_are_refused() {
        assertThat(rule("a\uD800b", Shape.LINE)).isEqualTo("invalid-character");
        assertThat(rule("a\uFFFFb", Shape.LINE)).isEqualTo("invalid-character");
    }

    @Test
    void codes_are_ascii_digits_only() {
        assertThat(TextRules.isAsciiDigits("062001")).isTrue();
        assertThat(TextRules.isAsciiDigits("０６２")).isFalse();
        assertThat(TextRules.isAsciiDigits("../../etc/passwd")).isFalse();
        assertThat(TextRules.isAsciiDigits("")).isFalse();
        assertThat(TextRules.isAsciiDigits("٠٦٢")).isFalse();
    }

    @Test
    void log_values_show_line_breaks_escaped_and_are_bounded() {
        assertThat(LogValues.of("a.csv\r\nINFO forged")).isEqualTo("a.csv\\u000D\\u000AINFO forged");
        assertThat(LogValues.of("x".repeat(150))).isEqualTo("x".repeat(100) + "…(150 chars)");
    }
}
