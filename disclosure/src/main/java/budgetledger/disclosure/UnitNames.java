package budgetledger.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names of 预算单位 a document mentions, and the order they are reported in. */
final class UnitNames {

    /** 下属机构：甲中心、乙中心。 / 所属单位包括：… / 下设事业单位：… */
    private static final Pattern SUBORDINATES = Pattern.compile(
            "(?:下属|所属|下设)的?(?:二级)?(?:预算)?(?:机构|单位|事业单位)(?:有|包括|为)?[：:]([^。；;]+)");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("[、，,]");
    /** A name, not a count or a phrase: no digits, no 共…个. */
    private static final Pattern NAME = Pattern.compile("[^\\d\\s]{3,60}");

    private UnitNames() {
    }

    /** Units the 机构设置 text lists as 下属, from narrative lines. */
    static List<String> fromOrganisationText(List<String> lines, boolean[] narrativeLines) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!narrativeLines[i]) {
                continue;
            }
            Matcher m = SUBORDINATES.matcher(lines.get(i));
            while (m.find()) {
                for (String part : NAME_SEPARATOR.split(m.group(1))) {
                    String name = part.strip().replaceAll("等$", "");
                    if (NAME.matcher(name).matches() && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    /**
     * Distinct names in order of first appearance anywhere in the document. The department's own unit (its 本级)
     * thus comes first: its name is on the cover.
     */
    static List<String> inOrderOfAppearance(String text, Collection<String> names) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            if (!name.isBlank()) {
                distinct.add(name);
            }
        }
        List<String> ordered = new ArrayList<>(distinct);
        ordered.sort(Comparator.comparingInt(name -> {
            int at = text.indexOf(name);
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return List.copyOf(ordered);
    }
}
