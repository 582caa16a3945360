package budgetledger.model;

/** A 支出功能分类 code with its official name; its level follows from its length (类 3, 款 5, 项 7 digits). */
public record FunctionalCode(String code, String name) {

    public enum Level { CLASS, SECTION, ITEM }

    public Level level() {
        return switch (code.length()) {
            case 3 -> Level.CLASS;
            case 5 -> Level.SECTION;
            default -> Level.ITEM;
        };
    }

    public static boolean isWellFormedItem(String code) {
        // Not String.matches: it compiles its pattern on every call (a tenth of an import's checks in a profile).
        return code != null && code.length() == 7 && budgetledger.model.text.TextRules.isAsciiDigits(code);
    }
}
