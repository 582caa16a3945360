package budgetledger.query.narrative;

import java.util.List;

/**
 * One section of 第三部分: its number (一 …), title, generated text, and the flags on it (changes without a
 * recorded reason, subjects without last year's figure).
 */
public record Section(String number, String title, String text, List<String> flags) {
}
