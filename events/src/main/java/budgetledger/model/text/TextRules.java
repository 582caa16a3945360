package budgetledger.model.text;

import java.util.Optional;

/**
 * What text the ledger accepts, one definition for every text field and code, whichever way it comes in (API,
 * console, line-item file, imported document). Refused anywhere: control characters (a NUL stops PostgreSQL's
 * text columns, others hide in logs and exports), bidirectional controls (a right-to-left override makes a name
 * read differently from what is stored), zero-width and other invisible format characters, lone surrogates and
 * noncharacters, and text that is only invisible. A reason may keep line breaks; a document also TAB (its cell
 * separator) and a leading byte-order mark.
 */
public final class TextRules {

    /** Where the text is used, which decides the few characters it may keep beyond the printable ones. */
    public enum Shape {
        /** A name, 文号, project, code or command id: one line, no control character at all. */
        LINE,
        /** A reason: may run over several lines (CR, LF). */
        MULTILINE,
        /** A document read by a parser: TAB between cells, CR/LF between lines, a byte-order mark first. */
        DOCUMENT
    }

    /** Why a text is refused: the rule (for problem details) and a description in Chinese. */
    public record Problem(String rule, String description) {
    }

    private TextRules() {
    }

    /** The first problem of the text, empty when it is acceptable (null and empty text are for the caller). */
    public static Optional<Problem> problem(String text, Shape shape) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\t' && shape == Shape.DOCUMENT || (c == '\n' || c == '\r') && shape != Shape.LINE) {
                // kept: cell and line separators
            } else if (c == 0xFEFF && i == 0 && shape == Shape.DOCUMENT) {
                // kept: the byte-order mark some editors put first
            } else if (isBidiControl(c)) {
                return Optional.of(new Problem("bidi-control", "含有双向文本控制字符（" + at(text, i) + "）"));
            } else if (Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029) {
                return Optional.of(new Problem("control-character", "含有控制字符（" + at(text, i) + "）"));
            } else if (Character.getType(c) == Character.FORMAT) {
                return Optional.of(new Problem("invisible-character", "含有零宽或不可见的格式字符（" + at(text, i) + "）"));
            } else if (Character.getType(c) == Character.SURROGATE || isNoncharacter(c)) {
                return Optional.of(new Problem("invalid-character", "含有无效字符（" + at(text, i) + "）"));
            } else if (!isBlankLooking(c)) {
                visible = true;
            }
            i += Character.charCount(c);
        }
        if (!visible) {
            return Optional.of(new Problem("invisible-only", "只有空白或不可见字符"));
        }
        return Optional.empty();
    }

    /** A code of the classifications, a department or a unit: ASCII digits 0–9 only (not full-width ０–９). */
    public static boolean isAsciiDigits(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** U+061C, U+200E/F, the embeddings and overrides U+202A–E, the isolates U+2066–9. */
    static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    /** Whitespace of any kind (ideographic and no-break spaces too) and the fillers that render as nothing. */
    private static boolean isBlankLooking(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x3164 || c == 0x115F || c == 0x1160
                || c == 0xFFA0 || c == 0x2800 || c == 0x034F;
    }

    /**
     * Where a refused character is: "第 n 个字符 U+XXXX". Built only for the character refused: built for every
     * character read, it was half of a line-item import's time (a formatted string and a count from the text's start
     * per character).
     */
    private static String at(String text, int index) {
        int c = text.codePointAt(index);
        return "第 " + (text.codePointCount(0, index) + 1) + " 个字符 " + String.format("U+%04X", c);
    }
}
