package budgetledger.model.text;

/**
 * CSV cells made safe for spreadsheets (OWASP, CSV injection): a cell beginning with = + - @, TAB or CR would be
 * read by Excel or LibreOffice as a formula, e.g. a project named {@code =HYPERLINK(…)}; such a cell gets a single
 * quote in front, which the spreadsheet shows as text. A plain number (a negative amount such as {@code -263.35})
 * stays as it is: it is no formula, and an amount column must stay numbers.
 */
public final class CsvCells {

    /** Compiled once (String.matches compiles its pattern on every call). */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    /** The cell as it should be written (before any CSV quoting). */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formulaLeading = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        if (!formulaLeading || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** One CSV field: neutralised, then quoted when it holds a comma, a quote or a line break. */
    public static String field(String cell) {
        String safe = neutralise(cell == null ? "" : cell);
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
