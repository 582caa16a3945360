package budgetledger.disclosure;

import budgetledger.disclosure.Candidates.Candidate;
import budgetledger.disclosure.tables.DisclosureTables;
import budgetledger.disclosure.tables.RowKeys;
import budgetledger.model.ClassificationCatalogue;
import budgetledger.model.ProcurementItem;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rebuilds the opening lines of a budget from its published tables, solved as one model (docs/RECONSTRUCTION.md).
 * The tables are marginals of the line ledger; the unknowns are the amounts in 分 of the candidate lines
 * ({@link Candidates}); every published cell is one linear constraint: the lines it counts sum to an amount that
 * rounds to the published value ({@link PublishedCell}). Which lines a cell counts is not written here a second
 * time: each candidate is rendered alone by {@link DisclosureTables}, and the cells it shows are the cells it counts.
 * CP-SAT finds amounts that satisfy every cell, with few lines, none below 0.01 万元 unless the tables force it,
 * and the conventions as preferences. A document no ledger can reproduce is refused with the fewest cells that,
 * left out, make all the others hold; or, when findings are accepted, imported with those cells as findings.
 */
public final class Reconstruction {

    /** A reconstructed opening line and how it came about (the tables that let it exist). */
    public record SolvedLine(BudgetLine line, String provenance) {
    }

    /** A published cell the ledger cannot reproduce together with the others, and what the ledger gives there. */
    public record Finding(PublishedCell cell, long ledgerFen) {

        /** What the ledger gives in the cell, in the cell's unit (two decimals). */
        public BigDecimal ledgerInUnit() {
            return cell.inUnit(ledgerFen);
        }

        /** The sentence users read. */
        public String text() {
            return cell.place() + "：公布 " + (cell.published() == null ? "空白" : cell.published().toPlainString())
                    + "，与其余单元格不能同时成立（其余单元格得出 " + ledgerInUnit().toPlainString() + "）";
        }
    }

    /** The lines, the cells left out (empty unless findings were accepted) and what solving took. */
    public record Result(List<SolvedLine> lines, List<Finding> findings, int candidates, int cells,
                         List<ProcurementItem> procurement) {

        public Result {
            procurement = procurement == null ? List.of() : List.copyOf(procurement);
        }
    }

    /** The document cannot be reconstructed: its problems, and the cells that cannot hold together if that is why. */
    public static final class ReconstructionException extends RuntimeException {

        private final List<ParseProblem> problems;
        private final List<Finding> conflicts;

        ReconstructionException(List<ParseProblem> problems, List<Finding> conflicts) {
            super(problems.size() + " problems");
            this.problems = List.copyOf(problems);
            this.conflicts = List.copyOf(conflicts);
        }

        public List<ParseProblem> problems() {
            return problems;
        }

        public List<Finding> conflicts() {
            return conflicts;
        }
    }

    /** 1 万元 in 分, and how many candidates are rendered together (their sum stays below 2^42 万元 in a long). */
    private static final long WAN_FEN = 1_000_000;
    private static final int PROBE_BATCH = 42;
    /** 0.01 万元: lines are at least this much unless the tables force smaller ones. */
    private static final long MIN_LINE_FEN = 10_000;
    private static final int LINE_WEIGHT = 10;
    /** Per 万元 that a cell's sum lies away from its published value (at most 0.005 万元 a cell). */
    private static final double DEVIATION_WEIGHT = 100;
    private static final int SUPPORT_ROUNDS = 4;
    /** Bounds on the solver's work, in its deterministic time (about seconds, the same on every machine). */
    private static final double SOLVE_LIMIT = 4.0;
    private static final double WALL_LIMIT_SECONDS = 20.0;
    /** LP variables are in 万元, so that the solver's tolerances stay far below a 分. */
    private static final double WAN = 1_000_000.0;
    private static final int SEED = 20_261_201;

    static {
        Loader.loadNativeLibraries();
    }

    private final BudgetHeader header;
    private final Map<Integer, DisclosureTable> published;
    private final List<PublishedCell> cells = new ArrayList<>();
    /** Per table, row key → row index. */
    private final Map<Integer, Map<String, Integer>> rowIndex = new HashMap<>();
    /** Per table, row index → first cell id of the row. */
    private final Map<Integer, int[]> firstCell = new HashMap<>();

    private Reconstruction(BudgetHeader header, Map<Integer, DisclosureTable> published) {
        this.header = header;
        this.published = published;
        Template template = header.template();
        for (DisclosureTable table : published.values()) {
            TableLayout layout = template.table(table.number());
            if (layout.kind() == TableLayout.Kind.PROCUREMENT) {
                continue; // its cells count procurement items, not lines: see procurement()
            }
            List<String> keys = RowKeys.of(layout, table);
            Map<String, Integer> index = new HashMap<>();
            int[] first = new int[table.rows().size()];
            for (int i = 0; i < table.rows().size(); i++) {
                TableRow row = table.rows().get(i);
                index.put(keys.get(i), i);
                first[i] = cells.size();
                for (int c = 0; c < table.amountColumns().size(); c++) {
                    cells.add(new PublishedCell(table.number(), table.title(), i, keys.get(i), label(row), c,
                            table.amountColumns().get(c), row.sourceLine(),
                            c < row.amounts().size() ? row.amounts().get(c) : null, layout.fenPerUnit()));
                }
            }
            rowIndex.put(table.number(), index);
            firstCell.put(table.number(), first);
        }
    }

    /**
     * @param acceptFindings import a document that cannot be reproduced whole, with the fewest cells left out
     * @throws ReconstructionException when no ledger reproduces the document (and findings are not accepted), or a
     *                                 row names something the catalogue or the units do not know
     */
    public static Result reconstruct(BudgetHeader header, Map<Integer, DisclosureTable> published,
                                     boolean acceptFindings) {
        return new Reconstruction(header, published).solve(acceptFindings);
    }

    /** A document's reconstruction and the header it was made under. */
    public record Reconstructed(BudgetHeader header, Result result) {
    }

    /**
     * The document's lines under its header. Where the document names its units but not their types
     * ({@link DisclosureDocument#unitTypesOpen}), the units after the first are taken as 事业 and, if the tables do
     * not hold together so (机关运行经费 counts only 行政 and 参公 units' 公用经费), as 参公: the reading with fewer
     * cells left out wins, 事业 on a tie; where neither holds, the refusal naming fewer cells is thrown.
     */
    public static Reconstructed reconstruct(DisclosureDocument document, String departmentCode,
                                            boolean acceptFindings) {
        BudgetHeader first = document.header(departmentCode);
        boolean open = document.unitTypesOpen(departmentCode);
        Result result = null;
        ReconstructionException refused = null;
        try {
            result = reconstruct(first, document.tables(), acceptFindings);
            if (!open || result.findings().isEmpty()) {
                return new Reconstructed(first, result);
            }
        } catch (ReconstructionException e) {
            if (!open) {
                throw e;
            }
            refused = e;
        }
        BudgetHeader civilService = document.header(departmentCode, budgetledger.model.UnitType.CIVIL_SERVICE_MANAGED);
        try {
            Result other = reconstruct(civilService, document.tables(), acceptFindings);
            if (result == null || other.findings().size() < result.findings().size()) {
                return new Reconstructed(civilService, other);
            }
            return new Reconstructed(first, result);
        } catch (ReconstructionException e) {
            if (refused == null) {
                return new Reconstructed(first, result);
            }
            // neither reading holds: the one that names fewer cells tells the author what to fix
            boolean namesFewer = !e.conflicts().isEmpty() && (refused.conflicts().isEmpty()
                    || e.conflicts().size() < refused.conflicts().size());
            throw namesFewer ? e : refused;
        }
    }

    private Result solve(boolean acceptFindings) {
        ClassificationCatalogue catalogue = ClassificationCatalogue.forYear(header.fiscalYear());
        for (PublishedCell cell : cells) {
            if (cell.published() != null && cell.published().signum() < 0) {
                throw new ReconstructionException(List.of(new ParseProblem(cell.sourceLine(),
                        "表" + cell.table() + " " + cell.title(), cell.place() + "：金额不能为负数")), List.of());
            }
        }
        List<Finding> procurementFindings = new ArrayList<>();
        List<ProcurementItem> procurement = procurement(procurementFindings);
        if (!procurementFindings.isEmpty() && !acceptFindings) {
            throw new ReconstructionException(procurementFindings.stream().map(f -> new ParseProblem(
                    f.cell().sourceLine(), "表" + f.cell().table() + " " + f.cell().title(), f.text())).toList(),
                    procurementFindings);
        }
        List<ParseProblem> problems = new ArrayList<>();
        List<Candidate> strict = Candidates.of(header.template(), catalogue, header.units(), published, false,
                problems);
        if (!problems.isEmpty()) {
            throw new ReconstructionException(problems, List.of());
        }

        Incidence incidence = incidence(strict, true);

        long[] amounts = solveLines(incidence, Set.of());
        if (amounts != null) {
            return new Result(lines(incidence, amounts), procurementFindings, incidence.candidates.size(),
                    cells.size(), procurement);
        }
        Incidence wide = incidence(Candidates.of(header.template(), catalogue, header.units(), published, true,
                new ArrayList<>()),
                false);
        Set<Integer> leftOut = leastCellsLeftOut(wide);
        long[] rest = leftOut == null ? null : solveLines(wide, leftOut);
        if (rest == null) {
            throw new ReconstructionException(List.of(new ParseProblem(1, "",
                    "未能确定哪些单元格与其余单元格不能同时成立（计算量超过限度）")), List.of());
        }
        if (leftOut.isEmpty()) {
            // every cell holds once blank cells no longer rule candidates out
            return new Result(lines(wide, rest), procurementFindings, wide.candidates.size(), cells.size(),
                    procurement);
        }
        long[] sums = sums(wide, rest);
        List<Finding> findings = new ArrayList<>(leftOut.stream().sorted()
                .map(k -> new Finding(cells.get(k), sums[k])).toList());
        if (!acceptFindings) {
            List<ParseProblem> named = findings.stream().map(f -> new ParseProblem(f.cell().sourceLine(),
                    "表" + f.cell().table() + " " + f.cell().title(), f.text())).toList();
            throw new ReconstructionException(named, findings);
        }
        findings.addAll(procurementFindings);
        return new Result(lines(wide, rest), findings, wide.candidates.size(), cells.size(), procurement);
    }

    /**
     * Amounts satisfying every cell but those left out, or null when there are none. The linear relaxation (GLOP)
     * is solved with every interval narrowed by half a 分 per line it counts, so that amounts rounded to the 分 still
     * hold; its optimum is a vertex, so few lines carry money, and it prefers the conventions (the objective is the
     * weighted count of lines, relaxed). Lines below 0.01 万元 are then left out if the others can do without them. Where the narrowed
     * relaxation has no solution but the exact one may, CP-SAT decides on integers.
     */
    private long[] solveLines(Incidence incidence, Set<Integer> leftOut) {
        boolean[] none = new boolean[incidence.candidates.size()];
        long[] amounts = relaxed(incidence, leftOut, Rounding.CHECKED, none);
        if (amounts == null) {
            amounts = relaxed(incidence, leftOut, Rounding.NARROWED, none);
        }
        if (amounts != null) {
                long[] clean = withoutTinyLines(incidence, leftOut, amounts);
                return clean != null ? clean : amounts;
        }
        long[] hint = relaxed(incidence, leftOut, Rounding.FEASIBILITY, none);
        if (hint == null) {
            return null; // not even the relaxation holds: no ledger does
        }
        Model model = new Model(incidence, 1);
        for (int k = 0; k < cells.size(); k++) {
            if (!leftOut.contains(k)) {
                model.cell(k);
            }
        }
        for (int c = 0; c < hint.length; c++) {
            model.cp.addHint(model.amount[c], Math.min(hint[c], incidence.upperFen[c]));
        }
        model.minimizeLines();
        return model.solve(SOLVE_LIMIT);
    }

    /**
     * How the relaxation's amounts become 分: {@code CHECKED} rounds them and keeps them only if every cell still
     * holds (a vertex of these 0/1 sums is mostly whole already); {@code NARROWED} first narrows every interval by
     * half a 分 per line the cell counts, so that rounding cannot leave it; {@code FEASIBILITY} only asks whether
     * the relaxation has a solution at all (and returns it rounded, as a hint).
     */
    private enum Rounding { CHECKED, NARROWED, FEASIBILITY }

    /**
     * A vertex of the relaxation uses the rounding slack, sometimes with lines of a few 分: amounts on the vertex's
     * other lines that hold every cell without them; null when there were none to remove or none could be.
     */
    private long[] withoutTinyLines(Incidence incidence, Set<Integer> leftOut, long[] amounts) {
        // The relaxation again, on the vertex's own lines without the small ones (a few rounds: a new vertex may
        // have small lines of its own). When that cannot do without them, the tables keep them: a preference, not a
        // search (CP-SAT here took seconds on large departments and found nothing the relaxation did not).
        boolean[] excluded = new boolean[amounts.length];
        long[] current = amounts;
        for (int round = 0; round < SUPPORT_ROUNDS; round++) {
            boolean tiny = false;
            for (int c = 0; c < current.length; c++) {
                excluded[c] |= current[c] < MIN_LINE_FEN;
                tiny |= current[c] > 0 && current[c] < MIN_LINE_FEN;
            }
            if (!tiny) {
                return current == amounts ? null : current;
            }
            long[] next = relaxed(incidence, leftOut, Rounding.CHECKED, excluded);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current == amounts ? null : current;
    }

    /**
     * The linear relaxation: amounts in 分 that hold every cell but those left out, rounded as {@code rounding} says;
     * null when there are none (for {@code FEASIBILITY}: exactly when the relaxation has no solution).
     */
    private long[] relaxed(Incidence incidence, Set<Integer> leftOut, Rounding rounding, boolean[] excluded) {
        int n = incidence.candidates.size();
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            MPVariable[] v = new MPVariable[n];
            MPObjective objective = lp.objective();
            for (int c = 0; c < n; c++) {
                v[c] = lp.makeNumVar(0, excluded[c] ? 0 : incidence.upperFen[c] / WAN, "x" + c);
                // The relaxation of the count of lines (a line's weight spread over its largest amount), and the
                // conventions broken, per 万元, so that money keeps to its usual place wherever the tables allow.
                objective.setCoefficient(v[c], LINE_WEIGHT / Math.max(1.0, incidence.upperFen[c] / WAN)
                        + incidence.candidates.get(c).penalty());
            }
            objective.setMinimization();
            List<List<Integer>> countedBy = countedBy(incidence);
            for (int k = 0; k < cells.size(); k++) {
                if (leftOut.contains(k)) {
                    continue;
                }
                PublishedCell cell = cells.get(k);
                List<Integer> lines = countedBy.get(k);
                if (lines.isEmpty()) {
                    if (!cell.holds(0)) {
                        return null;
                    }
                    continue;
                }
                long low = cell.lowFen();
                long high = cell.highFen();
                if (rounding == Rounding.NARROWED && high > 0) {
                    long margin = lines.size() / 2 + 1;
                    long mid = low + (high - low) / 2;
                    // a sum of amounts rounded to the 分 is never below 0: a bound at 0 needs no margin
                    low = low == 0 ? 0 : Math.min(low + margin, mid);
                    high = Math.max(high - margin, mid);
                }
                // The sum sits at the published value where it can: deviations inside the interval cost a little,
                // so that a line holds 1.95 万元 when the tables allow it, not 1.9450 (last year's 1.95 compares).
                long centre = cell.isBlank() ? 0 : Math.min(Math.max(cell.centreFen(), low), high);
                MPConstraint constraint = lp.makeConstraint(centre / WAN, centre / WAN);
                for (int c : lines) {
                    constraint.setCoefficient(v[c], 1);
                }
                MPVariable above = lp.makeNumVar(0, (high - centre) / WAN, "above" + k);
                MPVariable below = lp.makeNumVar(0, (centre - low) / WAN, "below" + k);
                constraint.setCoefficient(above, -1);
                constraint.setCoefficient(below, 1);
                objective.setCoefficient(above, DEVIATION_WEIGHT);
                objective.setCoefficient(below, DEVIATION_WEIGHT);
            }
            if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return null;
            }
            long[] amounts = new long[n];
            for (int c = 0; c < n; c++) {
                amounts[c] = Math.max(0, Math.round(v[c].solutionValue() * WAN));
            }
            if (rounding == Rounding.FEASIBILITY) {
                return amounts;
            }
            long[] sums = sums(incidence, amounts);
            for (int k = 0; k < cells.size(); k++) {
                if (!leftOut.contains(k) && !cells.get(k).holds(sums[k])) {
                    return null;
                }
            }
            return amounts;
        } finally {
            lp.delete();
        }
    }

    /**
     * The fewest cells that, left out, let the others hold: first the cells an elastic relaxation moves (the least
     * total movement), then each of them put back while the rest still holds without it. Null when even that fails.
     */
    private Set<Integer> leastCellsLeftOut(Incidence incidence) {
        int n = incidence.candidates.size();
        MPSolver lp = MPSolver.createSolver("GLOP");
        Set<Integer> moved = new TreeSet<>();
        try {
            MPVariable[] v = new MPVariable[n];
            for (int c = 0; c < n; c++) {
                v[c] = lp.makeNumVar(0, incidence.upperFen[c] / WAN, "x" + c);
            }
            MPObjective objective = lp.objective();
            objective.setMinimization();
            List<List<Integer>> countedBy = countedBy(incidence);
            MPVariable[] over = new MPVariable[cells.size()];
            MPVariable[] under = new MPVariable[cells.size()];
            for (int k = 0; k < cells.size(); k++) {
                PublishedCell cell = cells.get(k);
                MPConstraint constraint = lp.makeConstraint(cell.lowFen() / WAN, cell.highFen() / WAN);
                for (int c : countedBy.get(k)) {
                    constraint.setCoefficient(v[c], 1);
                }
                over[k] = lp.makeNumVar(0, MPSolver.infinity(), "over" + k);
                under[k] = lp.makeNumVar(0, MPSolver.infinity(), "under" + k);
                constraint.setCoefficient(over[k], -1);
                constraint.setCoefficient(under[k], 1);
                objective.setCoefficient(over[k], 1);
                objective.setCoefficient(under[k], 1);
            }
            if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return null;
            }
            for (int k = 0; k < cells.size(); k++) {
                if (over[k].solutionValue() + under[k].solutionValue() > 1e-6) {
                    moved.add(k);
                }
            }
        } finally {
            lp.delete();
        }
        Set<Integer> leftOut = new TreeSet<>(moved);
        for (int k : moved) {
            leftOut.remove(k);
            if (relaxed(incidence, leftOut, Rounding.FEASIBILITY, new boolean[n]) == null) {
                leftOut.add(k);
            }
        }
        return leftOut;
    }

    private List<List<Integer>> countedBy(Incidence incidence) {
        List<List<Integer>> countedBy = new ArrayList<>(cells.size());
        for (int k = 0; k < cells.size(); k++) {
            countedBy.add(new ArrayList<>());
        }
        for (int c = 0; c < incidence.candidates.size(); c++) {
            for (int id : incidence.cellsOf.get(c)) {
                countedBy.get(id).add(c);
            }
        }
        return countedBy;
    }

    private long[] sums(Incidence incidence, long[] amounts) {
        long[] sums = new long[cells.size()];
        for (int c = 0; c < amounts.length; c++) {
            for (int id : incidence.cellsOf.get(c)) {
                sums[id] = Math.addExact(sums[id], amounts[c]);
            }
        }
        return sums;
    }

    /** The candidates that can exist and, for each, the published cells it counts. */
    private record Incidence(List<Candidate> candidates, List<int[]> cellsOf, long[] upperFen) {
    }

    private Incidence incidence(List<Candidate> candidates, boolean pruneBlank) {
        List<int[]> touched = touchedCells(candidates);
        List<Candidate> kept = new ArrayList<>();
        List<int[]> cellsOf = new ArrayList<>();
        List<Long> upper = new ArrayList<>();
        long largest = cells.stream().mapToLong(PublishedCell::highFen).max().orElse(0);
        for (int i = 0; i < candidates.size(); i++) {
            int[] ids = touched.get(i);
            if (ids == null || ids.length == 0) {
                continue;
            }
            long bound = pruneBlank ? Long.MAX_VALUE : largest;
            for (int id : ids) {
                if (pruneBlank) {
                    bound = Math.min(bound, cells.get(id).highFen());
                }
            }
            if (bound <= 0) {
                continue;
            }
            kept.add(candidates.get(i));
            cellsOf.add(ids);
            upper.add(bound);
        }
        return new Incidence(kept, cellsOf, upper.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * The published cells each candidate counts in, found by rendering: a batch of candidates is rendered together,
     * the i-th with 2^i 万元, so that every cell's amount spells in binary which of them it counts. Null for a
     * candidate that shows a row the document lacks.
     */
    private List<int[]> touchedCells(List<Candidate> candidates) {
        List<int[]> result = new ArrayList<>(candidates.size());
        for (int from = 0; from < candidates.size(); from += PROBE_BATCH) {
            int size = Math.min(PROBE_BATCH, candidates.size() - from);
            List<BudgetLine> probes = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                probes.add(candidates.get(from + i).line().withId("probe" + i).withAmount(WAN_FEN << i));
            }
            List<List<Integer>> touched = new ArrayList<>(size);
            boolean[] absentRow = new boolean[size];
            for (int i = 0; i < size; i++) {
                touched.add(new ArrayList<>());
            }
            for (DisclosureTable table : DisclosureTables.renderAll(header, probes)) {
                Map<String, Integer> index = rowIndex.get(table.number());
                if (index == null) {
                    continue;
                }
                TableLayout layout = header.template().table(table.number());
                List<String> keys = RowKeys.of(layout, table);
                for (int r = 0; r < table.rows().size(); r++) {
                    TableRow row = table.rows().get(r);
                    Integer published = index.get(keys.get(r));
                    for (int c = 0; c < row.amounts().size(); c++) {
                        BigDecimal amount = row.amounts().get(c);
                        // the probes' sum in 万元, whatever the unit the table prints it in
                        long bits = amount == null ? 0
                                : amount.multiply(BigDecimal.valueOf(layout.fenPerUnit())).longValueExact() / WAN_FEN;
                        for (int i = 0; i < size; i++) {
                            if ((bits >>> i & 1) == 0) {
                                continue;
                            }
                            if (published == null) {
                                absentRow[i] = true;
                            } else {
                                touched.get(i).add(firstCell.get(table.number())[published] + c);
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < size; i++) {
                result.add(absentRow[i] ? null : touched.get(i).stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return result;
    }

    /** The CP-SAT model over one incidence: amounts, whether each line is used, and the cell constraints. */
    private final class Model {

        final CpModel cp = new CpModel();
        final CpSolver solver = new CpSolver();
        final Incidence incidence;
        final IntVar[] amount;
        final BoolVar[] used;
        final List<List<Integer>> countedBy = new ArrayList<>();
        final List<IntVar> deviations = new ArrayList<>();

        Model(Incidence incidence, long minLine) {
            this.incidence = incidence;
            int n = incidence.candidates.size();
            amount = new IntVar[n];
            used = new BoolVar[n];
            for (int k = 0; k < cells.size(); k++) {
                countedBy.add(new ArrayList<>());
            }
            for (int c = 0; c < n; c++) {
                long upper = incidence.upperFen[c];
                amount[c] = cp.newIntVar(0, upper, "x" + c);
                used[c] = cp.newBoolVar("u" + c);
                cp.addLessOrEqual(LinearExpr.weightedSum(new LinearArgument[] {amount[c], used[c]},
                        new long[] {1, -upper}), 0);
                cp.addGreaterOrEqual(LinearExpr.weightedSum(new LinearArgument[] {amount[c], used[c]},
                        new long[] {1, -Math.min(minLine, upper)}), 0);
                for (int id : incidence.cellsOf.get(c)) {
                    countedBy.get(id).add(c);
                }
            }
        }

        /** Cell k's lines sum inside its interval, as near its published value as they can. */
        void cell(int k) {
            PublishedCell cell = cells.get(k);
            List<Integer> lines = countedBy.get(k);
            IntVar[] vars = new IntVar[lines.size()];
            for (int i = 0; i < vars.length; i++) {
                vars[i] = amount[lines.get(i)];
            }
            if (vars.length == 0) {
                if (!cell.holds(0)) {
                    cp.addBoolOr(new BoolVar[0]); // nothing can fill the cell: the model has no solution
                }
                return;
            }
            cp.addLinearConstraint(LinearExpr.sum(vars), cell.lowFen(), cell.highFen());
            if (!cell.isBlank()) {
                long centre = Math.min(Math.max(cell.centreFen(), cell.lowFen()),
                        cell.highFen());
                IntVar deviation = cp.newIntVar(0, Math.max(cell.highFen() - centre, centre - cell.lowFen()), "d" + k);
                cp.addLessOrEqual(LinearExpr.newBuilder().addSum(vars).add(-centre).addTerm(deviation, -1), 0);
                cp.addGreaterOrEqual(LinearExpr.newBuilder().addSum(vars).add(-centre).addTerm(deviation, 1), 0);
                deviations.add(deviation);
            }
        }

        void minimizeLines() {
            int n = used.length;
            int d = deviations.size();
            LinearArgument[] terms = new LinearArgument[n + d];
            long[] weights = new long[n + d];
            for (int c = 0; c < n; c++) {
                terms[c] = used[c];
                // a line outweighs any deviation (at most 5,000 分 a cell) on the cells it could save
                weights[c] = (LINE_WEIGHT + incidence.candidates.get(c).penalty()) * 10_000_000L;
            }
            for (int i = 0; i < d; i++) {
                terms[n + i] = deviations.get(i);
                weights[n + i] = 1;
            }
            cp.minimize(LinearExpr.weightedSum(terms, weights));
        }

        long[] solve(double limit) {
            // One worker and a deterministic limit: the same document gives the same lines; the wall-clock cap
            // only guards a loaded machine.
            solver.getParameters().setNumWorkers(1).setRandomSeed(SEED).setMaxDeterministicTime(limit)
                    .setMaxTimeInSeconds(WALL_LIMIT_SECONDS).setLogSearchProgress(false)
                    // probing large 分 domains in presolve costs seconds and finds nothing these sums do not say
                    .setCpModelProbingLevel(0).setSymmetryLevel(0);
            CpSolverStatus status = solver.solve(cp);
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
                return null;
            }
            long[] values = new long[amount.length];
            for (int c = 0; c < amount.length; c++) {
                values[c] = solver.value(amount[c]);
            }
            return values;
        }
    }

    private static List<SolvedLine> lines(Incidence incidence, long[] amounts) {
        List<SolvedLine> lines = new ArrayList<>();
        for (int c = 0; c < amounts.length; c++) {
            if (amounts[c] > 0) {
                Candidate candidate = incidence.candidates.get(c);
                lines.add(new SolvedLine(candidate.line().withId("L" + (lines.size() + 1)).withAmount(amounts[c]),
                        candidate.provenance()));
            }
        }
        return lines;
    }

    /**
     * The 政府采购 items of the published procurement tables. A cell that breaks their sums is a finding (what
     * the other cells give there is what the ledger keeps); the items are read with such cells mended.
     */
    private List<ProcurementItem> procurement(List<Finding> findings) {
        List<ProcurementItem> items = new ArrayList<>();
        for (DisclosureTable table : published.values()) {
            TableLayout layout = header.template().table(table.number());
            if (layout.kind() != TableLayout.Kind.PROCUREMENT) {
                continue;
            }
            List<String> keys = RowKeys.of(layout, table);
            List<TableRow> rows = new ArrayList<>(table.rows());
            for (ProcurementTable.Culprit culprit : ProcurementTable.culprits(layout, table)) {
                TableRow row = rows.get(culprit.row());
                PublishedCell cell = new PublishedCell(table.number(), table.title(), culprit.row(),
                        keys.get(culprit.row()), label(row), culprit.column(),
                        table.amountColumns().get(culprit.column()), row.sourceLine(),
                        row.amounts().get(culprit.column()), layout.fenPerUnit());
                findings.add(new Finding(cell, culprit.mended().multiply(BigDecimal.valueOf(layout.fenPerUnit()))
                        .longValueExact()));
                List<BigDecimal> amounts = new ArrayList<>(row.amounts());
                amounts.set(culprit.column(), culprit.mended().signum() == 0 ? null : culprit.mended());
                rows.set(culprit.row(), new TableRow(row.level(), row.labels(), amounts, row.sourceLine()));
            }
            items.addAll(ProcurementTable.items(layout, new DisclosureTable(table.number(), table.title(),
                    table.labelColumns(), table.amountColumns(), rows)));
        }
        return items;
    }

    private static String label(TableRow row) {
        return String.join(" ", row.labels().stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
}
