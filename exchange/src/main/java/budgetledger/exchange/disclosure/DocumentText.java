package budgetledger.exchange.disclosure;

import budgetledger.command.BudgetRuleException;
import budgetledger.model.text.TextRules;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A document sent as bytes (the API's body, the console's upload), read as the text the parser takes. */
public final class DocumentText {

    private DocumentText() {
    }

    /** The body as UTF-8 under the ledger's text rules; bytes that are not UTF-8 are refused rather than guessed at. */
    public static String utf8(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw BudgetRuleException.invalid("body", "not-utf8", "文档不是 UTF-8 编码的文本");
        }
        TextRules.problem(text, TextRules.Shape.DOCUMENT).ifPresent(problem -> {
            throw BudgetRuleException.invalid("body", problem.rule(), "文档" + problem.description());
        });
        return text;
    }
}
