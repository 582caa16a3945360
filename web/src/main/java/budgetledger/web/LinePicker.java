package budgetledger.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a form's picker, grouped by unit and 科目 as a person looks for them (a select's option groups), units
 * in the budget's order and 科目 by code; within a group the larger balances first, so that a residue of a few 元
 * sits at the end rather than among the lines money is usually moved between.
 */
final class LinePicker {

    record Group(String label, List<LineChoice> lines) {
    }

    private LinePicker() {
    }

    static List<Group> groups(Collection<LineChoice> lines) {
        Map<String, Integer> unitOrder = new LinkedHashMap<>();
        lines.forEach(l -> unitOrder.putIfAbsent(l.unitCode(), unitOrder.size()));
        Map<String, List<LineChoice>> grouped = new LinkedHashMap<>();
        lines.stream().sorted(Comparator.<LineChoice>comparingInt(l -> unitOrder.get(l.unitCode()))
                        .thenComparing(LineChoice::functionalCode)
                        .thenComparing(Comparator.comparingLong(LineChoice::amountFen).reversed()))
                .forEach(l -> grouped.computeIfAbsent(l.group(), k -> new ArrayList<>()).add(l));
        List<Group> groups = new ArrayList<>();
        grouped.forEach((label, members) -> groups.add(new Group(label, members)));
        return groups;
    }
}
