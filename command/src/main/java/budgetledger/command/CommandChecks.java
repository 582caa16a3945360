package budgetledger.command;

import budgetledger.command.api.ChangeCommand;
import budgetledger.model.Yuan;
import budgetledger.model.text.TextRules;
import budgetledger.model.text.TextRules.Shape;

import java.math.BigDecimal;

import static budgetledger.command.BudgetRuleException.invalid;

/**
 * Field checks that every command shares: required text with a length limit and the ledger's text rules
 * ({@link TextRules}: no control, bidirectional or invisible characters), exact amounts.
 */
final class CommandChecks {

    static final int MAX_DOCUMENT_NO = 100;
    static final int MAX_REASON = 2000;
    static final int MAX_COMMAND_ID = 100;
    static final int MAX_NAME = 200;
    static final int MAX_FILE_NAME = 255;

    /** Amounts the ledger accepts: 10^13 元 is far above any budget and far below long overflow in 分. */
    static final BigDecimal MAX_YUAN = new BigDecimal("10000000000000");

    enum Sign { POSITIVE, NOT_NEGATIVE, NOT_ZERO }

    private CommandChecks() {
    }

    /** 文号, reason and command id are present on every change. */
    static void change(ChangeCommand command) {
        text("documentNo", command.documentNo(), MAX_DOCUMENT_NO);
        reason("reason", command.reason());
    }

    static void commandId(String commandId) {
        text("commandId", commandId, MAX_COMMAND_ID);
    }

    /** One line of text: a name, 文号, project, code or command id. */
    static String text(String field, String value, int maxLength) {
        return text(field, value, maxLength, Shape.LINE);
    }

    /** A reason, which may run over several lines. */
    static String reason(String field, String value) {
        return text(field, value, MAX_REASON, Shape.MULTILINE);
    }

    private static String text(String field, String value, int maxLength, Shape shape) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "required", field + " 不能为空");
        }
        if (value.length() > maxLength) {
            throw invalid(field, "too-long", field + " 超过 " + maxLength + " 个字符");
        }
        TextRules.problem(value, shape).ifPresent(problem -> {
            throw invalid(field, problem.rule(), field + " " + problem.description());
        });
        return value;
    }

    /** A unit's code: ASCII digits (a code is never a path, a full-width number or a name). */
    static String code(String field, String value, int maxLength) {
        text(field, value, maxLength);
        if (!TextRules.isAsciiDigits(value)) {
            throw invalid(field, "malformed-code", field + " 应为 1–" + maxLength + " 位数字（0–9）");
        }
        return value;
    }

    /** The amount in 分: exact (at most two decimals of 元), within bounds and of the sign the command needs. */
    static long amountFen(String field, BigDecimal yuan, Sign sign) {
        if (yuan == null) {
            throw invalid(field, "required", field + " 不能为空");
        }
        if (!Yuan.isWholeFen(yuan)) {
            throw invalid(field, "fraction-of-fen", "金额 " + yuan.toPlainString() + " 元超过两位小数（不足 1 分）");
        }
        if (yuan.abs().compareTo(MAX_YUAN) > 0) {
            throw invalid(field, "too-large", "金额 " + yuan.toPlainString() + " 元超出上限");
        }
        long fen = Yuan.toFen(yuan);
        boolean fits = switch (sign) {
            case POSITIVE -> fen > 0;
            case NOT_NEGATIVE -> fen >= 0;
            case NOT_ZERO -> fen != 0;
        };
        if (!fits) {
            String wanted = switch (sign) {
                case POSITIVE -> "必须大于零";
                case NOT_NEGATIVE -> "不能为负数";
                case NOT_ZERO -> "不能为零";
            };
            throw invalid(field, "amount-sign", "金额 " + yuan.toPlainString() + " 元" + wanted);
        }
        return fen;
    }
}
