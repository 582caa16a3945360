package budgetledger.security;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import java.util.List;
import java.util.Optional;

/**
 * Which passwords are refused beyond the length rule: those that are common or trivial, as zxcvbn estimates them
 * (the Java port of Dropbox's estimator, with its frequency lists of leaked passwords, names and words, and its
 * patterns: repeats such as "aaaaaaaaaaaa", keyboard runs, sequences, dates, the user's own name). A password
 * needs a score of 3 of 4 (about 10^8 guesses or more), which zxcvbn's authors give as the bar for a
 * password that protects something of value.
 */
final class PasswordPolicy {

    static final int MIN_SCORE = 3;

    /** Loading the lists takes a moment: once, on first use; measuring is thread-safe. */
    private static final class Estimator {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }

    private PasswordPolicy() {
    }

    /** Why this password is refused for this user, in Chinese; empty when it is strong enough. */
    static Optional<String> problem(String userName, String password) {
        if (password.isBlank()) {
            return Optional.of("密码不能只有空白");
        }
        List<String> userInputs = userName == null ? List.of("budget", "ledger")
                : List.of(userName, "budget", "ledger");
        Strength strength = Estimator.ZXCVBN.measure(password, userInputs);
        if (strength.getScore() < MIN_SCORE) {
            return Optional.of("密码太常见或太简单（常用密码、重复字符、键盘或数字序列、用户名等），容易被猜中；"
                    + "请换一个更长、更不规则的密码，例如几个不相关的词");
        }
        return Optional.empty();
    }
}
