package budgetledger.model.text;

/**
 * A value from outside (a file name, a user name tried at sign-in) as it may go into a log line: control
 * characters and bidirectional controls shown as {@code \\uXXXX} (a CR/LF would forge a log line of its own), and
 * at most {@code maxLength} characters, so a client cannot fill the log.
 */
public final class LogValues {

    public static final int DEFAULT_MAX = 100;

    private LogValues() {
    }

    public static String of(String value) {
        return of(value, DEFAULT_MAX);
    }

    public static String of(String value, int maxLength) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < value.length() && shown < maxLength; i++, shown++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > maxLength) {
            out.append("…(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }
}
