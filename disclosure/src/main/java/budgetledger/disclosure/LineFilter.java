package budgetledger.disclosure;

import budgetledger.model.Figures;
import budgetledger.model.BudgetUnit;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Origin;
import budgetledger.model.ThreePublicExpense;
import budgetledger.model.UnitType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which ledger lines a table or one of its columns counts, as a template file writes it: terms separated by spaces,
 * all of which must hold. A term is {@code *} (every line), {@code fiscal} / {@code nonfiscal} (财政拨款 or not), or
 * {@code key=value,value}: {@code source} (a {@link FundingSource} name), {@code kind} ({@code basic},
 * {@code personnel}, {@code publicuse}, {@code project}), {@code origin} ({@code current}, {@code carried}),
 * {@code threepublic} (a {@link ThreePublicExpense} name: the line's 部门经济分类 item is that "三公" expense),
 * {@code econ} (the line's 部门经济分类 code starts with one of the values) and {@code unittype} (a {@link UnitType} of
 * the line's unit); {@code none} selects nothing (a column of an expenditure kind the ledger does not hold). Example: {@code fiscal origin=current threepublic=RECEPTION}.
 *
 * <p>This is where a template says what a cell counts; the renderer sums what the filters select and the
 * reconstruction learns the same by rendering, so the rule is written once, in the template.
 */
public final class LineFilter {

    /** What a filter needs besides the line: the year's catalogue and the types of the budget's units. */
    public record Context(ClassificationCatalogue catalogue, Map<String, UnitType> unitTypes) {

        public static Context of(ClassificationCatalogue catalogue, List<BudgetUnit> units) {
            Map<String, UnitType> types = new java.util.HashMap<>();
            units.forEach(unit -> types.put(unit.code(), unit.type()));
            return new Context(catalogue, Map.copyOf(types));
        }
    }

    private interface Term {
        boolean test(BudgetLine line, Context context);
    }

    private final String text;
    private final List<Term> terms;
    private final Set<FundingSource> sources;
    private final Set<Origin> origins;

    private LineFilter(String text, List<Term> terms, Set<FundingSource> sources, Set<Origin> origins) {
        this.text = text;
        this.terms = terms;
        this.sources = sources;
        this.origins = origins;
    }

    public static final LineFilter ALL = parse("*");

    /** @throws IllegalArgumentException naming the term that is not understood */
    public static LineFilter parse(String text) {
        List<Term> terms = new ArrayList<>();
        Set<FundingSource> sources = EnumSet.allOf(FundingSource.class);
        Set<Origin> origins = EnumSet.allOf(Origin.class);
        for (String word : text.strip().split("\\s+")) {
            if (word.equals("*")) {
                continue;
            }
            if (word.equals("none")) {
                // a column the ledger has no lines for (事业单位经营支出, 上缴上级支出 …): always blank
                terms.add((line, context) -> false);
                sources.clear();
                continue;
            }
            if (word.equals("fiscal") || word.equals("nonfiscal")) {
                boolean fiscal = word.equals("fiscal");
                terms.add((line, context) -> Figures.isFiscal(line) == fiscal);
                sources.removeIf(source -> source.isFiscal() != fiscal);
                continue;
            }
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("filter term \"" + word + "\" not understood");
            }
            String key = word.substring(0, eq);
            List<String> values = List.of(word.substring(eq + 1).split(","));
            switch (key) {
                case "source" -> {
                    Set<FundingSource> allowed = EnumSet.noneOf(FundingSource.class);
                    values.forEach(v -> allowed.add(FundingSource.valueOf(v)));
                    terms.add((line, context) -> allowed.contains(line.fundingSource()));
                    sources.retainAll(allowed);
                }
                case "kind" -> {
                    Set<ExpenditureKind> allowed = EnumSet.noneOf(ExpenditureKind.class);
                    for (String v : values) {
                        switch (v) {
                            case "basic" -> allowed.addAll(List.of(ExpenditureKind.BASIC_PERSONNEL,
                                    ExpenditureKind.BASIC_PUBLIC_USE));
                            case "personnel" -> allowed.add(ExpenditureKind.BASIC_PERSONNEL);
                            case "publicuse" -> allowed.add(ExpenditureKind.BASIC_PUBLIC_USE);
                            case "project" -> allowed.add(ExpenditureKind.PROJECT);
                            default -> throw new IllegalArgumentException("kind \"" + v + "\" not understood");
                        }
                    }
                    terms.add((line, context) -> allowed.contains(line.kind()));
                }
                case "origin" -> {
                    Set<Origin> allowed = EnumSet.noneOf(Origin.class);
                    for (String v : values) {
                        allowed.add(switch (v) {
                            case "current" -> Origin.CURRENT_YEAR;
                            case "carried" -> Origin.CARRIED_OVER;
                            default -> throw new IllegalArgumentException("origin \"" + v + "\" not understood");
                        });
                    }
                    terms.add((line, context) -> allowed.contains(line.origin()));
                    origins.retainAll(allowed);
                }
                case "threepublic" -> {
                    Set<ThreePublicExpense> allowed = EnumSet.noneOf(ThreePublicExpense.class);
                    values.forEach(v -> allowed.add(ThreePublicExpense.valueOf(v)));
                    terms.add((line, context) -> {
                        ThreePublicExpense expense = Figures.threePublicItem(line, context.catalogue());
                        return expense != null && allowed.contains(expense);
                    });
                }
                case "econ" -> terms.add((line, context) -> line.deptEconomicCode() != null
                        && values.stream().anyMatch(line.deptEconomicCode()::startsWith));
                case "unittype" -> {
                    Set<UnitType> allowed = EnumSet.noneOf(UnitType.class);
                    values.forEach(v -> allowed.add(UnitType.valueOf(v)));
                    terms.add((line, context) -> allowed.contains(context.unitTypes().get(line.unitCode())));
                }
                default -> throw new IllegalArgumentException("filter key \"" + key + "\" not understood");
            }
        }
        return new LineFilter(text.strip(), List.copyOf(terms), Set.copyOf(sources), Set.copyOf(origins));
    }

    public boolean test(BudgetLine line, Context context) {
        for (Term term : terms) {
            if (!term.test(line, context)) {
                return false;
            }
        }
        return true;
    }

    public Predicate<BudgetLine> in(Context context) {
        return line -> test(line, context);
    }

    /** The 部门经济分类 codes an {@code econ=} term names (会议费 30215 …); empty when none does. */
    public List<String> economicCodes() {
        List<String> codes = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            if (word.startsWith("econ=")) {
                codes.addAll(List.of(word.substring(5).split(",")));
            }
        }
        return codes;
    }

    /** The sources a line this filter selects may have (all sources unless a term narrows them). */
    public Set<FundingSource> sources() {
        return sources;
    }

    /** The origins a line this filter selects may have. */
    public Set<Origin> origins() {
        return origins;
    }

    @Override
    public String toString() {
        return text;
    }
}
