package budgetledger.exchange.lineimport;

import budgetledger.command.BudgetRuleException;
import budgetledger.command.api.AppropriateBudgetLine;
import budgetledger.command.api.CommandReceipt;
import budgetledger.command.api.ImportLineItems;
import budgetledger.model.ExpenditureKind;
import budgetledger.model.FundingSource;
import budgetledger.model.Labelled;
import budgetledger.model.Origin;
import budgetledger.model.text.LogValues;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static budgetledger.exchange.lineimport.LineItemColumns.*;

/**
 * Imports a line-item file (XLSX or CSV, see {@link LineItemColumns}) into an open budget: every cell is read and
 * every problem collected with its sheet, row and column; only a file without problems becomes one
 * {@link ImportLineItems} command, which the budget checks against its rules and records whole or not at all.
 */
@Service
public class LineItemImportService {

    /** Compiled once (String.matches compiles its pattern on every call). */
    private static final java.util.regex.Pattern LINE_ID = java.util.regex.Pattern.compile("L\\d{1,9}");

    private static final Logger log = LoggerFactory.getLogger(LineItemImportService.class);
    /** Rows between two progress reports of a long file. */
    private static final int PROGRESS_EVERY = 1000;

    /** What an import recorded. */
    public record Result(String budgetId, String fileSha256, int lines, int adjustments, int transfers,
                         List<String> lineIds) {
    }

    /** Long imports report their progress; the API passes a consumer that does nothing. */
    public interface Progress extends Consumer<String> {
    }

    private final CommandGateway commands;

    public LineItemImportService(CommandGateway commands) {
        this.commands = commands;
    }

    public Result importFile(String budgetId, String fileName, byte[] bytes, Progress progress) {
        String sha256 = sha256(bytes);
        progress.accept("读取文件 " + fileName + "（" + bytes.length + " 字节）");
        Map<String, LineItemFile.Rows> sheets = LineItemFile.read(bytes);
        List<LineItemProblem> problems = new ArrayList<>();
        if (sheets.isEmpty()) {
            problems.add(LineItemProblem.of(LINES, 0, -1, null, "文件中没有“预算行”“追加追减”或“调剂”工作表"));
        }
        Parsed parsed = new Parsed();
        String commandId = "lines-" + sha256.substring(0, 32);
        for (String name : SHEET_ORDER) {
            LineItemFile.Rows rows = sheets.get(name);
            if (rows == null) {
                continue;
            }
            Map<String, Integer> columns = columns(rows, problems);
            if (columns == null) {
                continue;
            }
            progress.accept("检查工作表“" + name + "”：" + rows.rows().size() + " 行");
            int checked = 0;
            for (LineItemFile.RawRow row : rows.rows()) {
                if (++checked % PROGRESS_EVERY == 0) {
                    progress.accept("工作表“" + name + "”：已检查 " + checked + " / " + rows.rows().size() + " 行");
                }
                Cells cells = new Cells(name, row, columns, problems);
                switch (name) {
                    case LINES -> parsed.line(budgetId, cells, commandId);
                    case ADJUSTMENTS -> parsed.adjustment(cells);
                    default -> parsed.transfer(cells);
                }
            }
        }
        parsed.resolveReferences(problems);
        if (!problems.isEmpty()) {
            throw new LineImportRejectedException("unreadable-file", "文件无法导入：" + problems.size() + " 个问题",
                    problems);
        }
        ImportLineItems command = new ImportLineItems(budgetId, fileName, sha256, parsed.lines, parsed.adjustments,
                parsed.transfers, commandId);
        progress.accept("记录 " + parsed.lines.size() + " 个预算行、" + parsed.adjustments.size() + " 笔追加追减、"
                + parsed.transfers.size() + " 笔调剂");
        CommandReceipt receipt;
        try {
            receipt = commands.sendAndWait(command);
        } catch (RuntimeException e) {
            BudgetRuleException rule = ruleOf(e);
            if (rule == null) {
                throw e;
            }
            throw parsed.located(rule);
        }
        log.info("Imported line-item file {} ({}) into {}: {} lines, {} adjustments, {} transfers",
                sha256.substring(0, 12), LogValues.of(fileName), budgetId, parsed.lines.size(), parsed.adjustments.size(),
                parsed.transfers.size());
        return new Result(budgetId, sha256, parsed.lines.size(), parsed.adjustments.size(), parsed.transfers.size(),
                receipt.lines().stream().map(CommandReceipt.LineBalance::lineId).toList());
    }

    /** The column index of each expected header; a missing column is a problem (and the sheet is not read). */
    private static Map<String, Integer> columns(LineItemFile.Rows rows, List<LineItemProblem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < rows.header().size(); c++) {
            columns.putIfAbsent(rows.header().get(c), c);
        }
        boolean complete = true;
        for (String expected : SHEETS.get(rows.sheet())) {
            if (!columns.containsKey(expected)) {
                problems.add(LineItemProblem.of(rows.sheet(), 1, -1, expected, "缺少列“" + expected + "”（表头应为："
                        + String.join("、", SHEETS.get(rows.sheet())) + "）"));
                complete = false;
            }
        }
        return complete ? columns : null;
    }

    private static BudgetRuleException ruleOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BudgetRuleException rule) {
                return rule;
            }
            if (t instanceof CommandExecutionException wrapped && wrapped.getDetails().orElse(null)
                    instanceof BudgetRuleException rule) {
                return rule;
            }
        }
        return null;
    }

    /** The cells of one row, read by column name; a cell that cannot be read adds a problem and gives null. */
    private record Cells(String sheet, LineItemFile.RawRow row, Map<String, Integer> columns,
                         List<LineItemProblem> problems) {

        Object raw(String column) {
            int index = columns.get(column);
            return index < row.cells().size() ? row.cells().get(index) : null;
        }

        String text(String column) {
            Object value = raw(column);
            if (value instanceof BigDecimal number) {
                return number.stripTrailingZeros().toPlainString();
            }
            return (String) value;
        }

        String required(String column) {
            String value = text(column);
            if (value == null && !OPTIONAL.contains(column)) {
                problem(column, "不能为空");
            }
            return value;
        }

        BigDecimal amount(String column) {
            Object value = raw(column);
            if (value == null) {
                problem(column, "金额不能为空");
                return null;
            }
            BigDecimal amount;
            if (value instanceof BigDecimal number) {
                amount = number;
            } else {
                try {
                    amount = new BigDecimal(((String) value).replace(",", ""));
                } catch (NumberFormatException e) {
                    problem(column, "“" + value + "”不是金额（元，最多两位小数）");
                    return null;
                }
            }
            if (amount.stripTrailingZeros().scale() > 2) {
                problem(column, "金额 " + amount.toPlainString() + " 超过两位小数（到分为止）");
                return null;
            }
            return amount.setScale(2);
        }

        <E extends Enum<E> & Labelled> E label(String column, Class<E> type) {
            String value = required(column);
            if (value == null) {
                return null;
            }
            E parsed = Labelled.parse(type, value).orElse(null);
            if (parsed == null) {
                problem(column, "“" + value + "”不是可用的值：" + Labelled.labels(type));
            }
            return parsed;
        }

        void problem(String column, String message) {
            problems.add(LineItemProblem.of(sheet, row.number(), columns.get(column), column, message));
        }
    }

    /** What the file's rows become, and where each came from, to name the cell of a refusal. */
    private static final class Parsed {
        final List<AppropriateBudgetLine> lines = new ArrayList<>();
        final List<ImportLineItems.Adjustment> adjustments = new ArrayList<>();
        final List<ImportLineItems.Transfer> transfers = new ArrayList<>();
        final List<Cells> lineRows = new ArrayList<>();
        final List<Cells> adjustmentRows = new ArrayList<>();
        final List<Cells> transferRows = new ArrayList<>();
        /** 序号 → position (1-based) among the file's lines. */
        final Map<String, Integer> numbers = new HashMap<>();

        void line(String budgetId, Cells cells, String commandId) {
            String no = cells.text(NO);
            int position = lines.size() + 1;
            if (no != null && numbers.putIfAbsent(no, position) != null) {
                cells.problem(NO, "序号 " + no + " 重复");
            }
            lines.add(new AppropriateBudgetLine(budgetId, cells.required(UNIT), cells.required(FUNCTIONAL),
                    cells.label(KIND, ExpenditureKind.class), cells.text(DEPT_ECONOMIC), cells.text(GOV_ECONOMIC),
                    cells.label(SOURCE, FundingSource.class), cells.label(ORIGIN, Origin.class), cells.text(PROJECT),
                    cells.amount(AMOUNT), cells.required(DOCUMENT_NO), cells.required(REASON),
                    commandId + "#L" + position));
            lineRows.add(cells);
        }

        void adjustment(Cells cells) {
            adjustments.add(new ImportLineItems.Adjustment(cells.required(LINE), cells.amount(AMOUNT),
                    cells.required(DOCUMENT_NO), cells.required(REASON)));
            adjustmentRows.add(cells);
        }

        void transfer(Cells cells) {
            transfers.add(new ImportLineItems.Transfer(cells.required(FROM), cells.required(TO), cells.amount(AMOUNT),
                    cells.required(DOCUMENT_NO), cells.required(REASON)));
            transferRows.add(cells);
        }

        /** 序号 of 预算行 become #position; L… stays a line id of the budget; anything else is a problem. */
        void resolveReferences(List<LineItemProblem> problems) {
            for (int i = 0; i < adjustments.size(); i++) {
                ImportLineItems.Adjustment a = adjustments.get(i);
                adjustments.set(i, new ImportLineItems.Adjustment(ref(adjustmentRows.get(i), LINE, a.lineRef()),
                        a.amountYuan(), a.documentNo(), a.reason()));
            }
            for (int i = 0; i < transfers.size(); i++) {
                ImportLineItems.Transfer t = transfers.get(i);
                transfers.set(i, new ImportLineItems.Transfer(ref(transferRows.get(i), FROM, t.fromLineRef()),
                        ref(transferRows.get(i), TO, t.toLineRef()), t.amountYuan(), t.documentNo(), t.reason()));
            }
        }

        private String ref(Cells cells, String column, String value) {
            if (value == null || LINE_ID.matcher(value).matches()) {
                return value;
            }
            Integer position = numbers.get(value);
            if (position == null) {
                cells.problem(column, "“" + value + "”既不是“预算行”工作表中的序号，也不是已有的行号（L…）");
                return value;
            }
            return "#" + position;
        }

        /** A refusal of the budget's rules, located: lines[3].functionalCode → 预算行, its row, 功能分类编码. */
        RuntimeException located(BudgetRuleException rule) {
            String field = rule.field() == null ? "" : rule.field();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(lines|adjustments|transfers)\\[(\\d+)]\\.(.*)$")
                    .matcher(field);
            String ruleName = rule.rule();
            if (!m.matches()) {
                return rule; // not about a cell: the file was imported before, the budget is unknown …
            }
            List<Cells> rows = switch (m.group(1)) {
                case "lines" -> lineRows;
                case "adjustments" -> adjustmentRows;
                default -> transferRows;
            };
            Cells cells = rows.get(Integer.parseInt(m.group(2)));
            String column = LineItemColumns.OF_FIELD.get(m.group(3));
            if (column == null && m.group(3).startsWith("deptEconomic")) {
                column = DEPT_ECONOMIC;
            }
            Integer index = column == null ? null : cells.columns().get(column);
            LineItemProblem problem = LineItemProblem.of(cells.sheet(), cells.row().number(),
                    index == null ? -1 : index, column, rule.getMessage());
            return new LineImportRejectedException(ruleName, problem.text(), List.of(problem));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
