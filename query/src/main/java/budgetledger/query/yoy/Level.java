package budgetledger.query.yoy;

import java.util.Arrays;
import java.util.Optional;

/**
 * How deep a classified dimension goes: functional 类 (3 digits) / 款 (5) / 项 (7); economic 类 (3) / item (5), where
 * 款 counts as item. Rows of every level down to the one asked for are listed, parents before their children.
 */
public enum Level {
    CLASS("class", 3),
    SECTION("section", 5),
    ITEM("item", 7);

    private final String parameter;
    private final int functionalDigits;

    Level(String parameter, int functionalDigits) {
        this.parameter = parameter;
        this.functionalDigits = functionalDigits;
    }

    public String parameter() {
        return parameter;
    }

    int functionalDigits() {
        return functionalDigits;
    }

    public static Optional<Level> ofParameter(String text) {
        return Arrays.stream(values()).filter(l -> l.parameter.equals(text)).findFirst();
    }
}
