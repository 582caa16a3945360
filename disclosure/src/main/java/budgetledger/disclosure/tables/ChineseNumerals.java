package budgetledger.disclosure.tables;

/** Chinese ordinals as the 收支总表 number their rows: 一、 二、 … 十、 十一、 … 二十、 二十一、 … 三十、. */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final int LIMIT = 99;

    private ChineseNumerals() {
    }

    /** The row prefix for {@code n}: 1 → 一、, 21 → 二十一、. */
    static String ordinal(int n) {
        return numeral(n) + "、";
    }

    /** 1 to 99 in Chinese: 十 for 10, 十一 for 11, 二十 for 20, 二十一 for 21. */
    static String numeral(int n) {
        if (n < 1 || n > LIMIT) {
            throw new IllegalArgumentException("Chinese numerals are written here for 1 to " + LIMIT + ", not " + n);
        }
        int tens = n / 10;
        int units = n % 10;
        StringBuilder text = new StringBuilder();
        if (tens > 1) {
            text.append(DIGITS.charAt(tens));
        }
        if (tens > 0) {
            text.append('十');
        }
        if (units > 0) {
            text.append(DIGITS.charAt(units));
        }
        return text.toString();
    }
}
