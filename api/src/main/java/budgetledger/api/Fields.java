package budgetledger.api;

import budgetledger.command.BudgetRuleException;
import budgetledger.model.Labelled;

import java.math.BigDecimal;

/** Reads request fields into domain values, naming the field when a value cannot be read. */
final class Fields {

    /** Compiled once (String.matches compiles its pattern on every call). */
    private static final java.util.regex.Pattern YUAN = java.util.regex.Pattern.compile("[+-]?\\d{1,20}(\\.\\d{1,20})?");

    private Fields() {
    }

    static <E extends Enum<E> & Labelled> E label(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            throw BudgetRuleException.invalid(field, "required", field + " 不能为空，可选：" + Labelled.labels(type));
        }
        return Labelled.parse(type, text).orElseThrow(() -> BudgetRuleException.invalid(field, "unknown-value",
                field + " 的值 “" + text + "” 无效，可选：" + Labelled.labels(type)));
    }

    /** An amount in 元 written as a decimal string ("1234.56"). */
    static BigDecimal yuan(String field, String text) {
        if (text == null || text.isBlank()) {
            throw BudgetRuleException.invalid(field, "required", field + " 不能为空");
        }
        String trimmed = text.strip();
        if (!YUAN.matcher(trimmed).matches()) {
            throw BudgetRuleException.invalid(field, "malformed-amount",
                    field + " 的值 “" + text + "” 不是以元为单位的十进制数，例如 1234.56");
        }
        return new BigDecimal(trimmed);
    }

    static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
