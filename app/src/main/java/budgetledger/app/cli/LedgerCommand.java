package budgetledger.app.cli;

import budgetledger.exchange.disclosure.DisclosureImportService;
import budgetledger.exchange.disclosure.DisclosureRejectedException;
import budgetledger.exchange.disclosure.ImportResult;
import budgetledger.exchange.lineimport.LineImportRejectedException;
import budgetledger.exchange.lineimport.LineItemImportService;
import budgetledger.exchange.lineimport.LineItemProblem;
import budgetledger.command.BudgetRuleException;
import budgetledger.disclosure.ParseProblem;
import budgetledger.disclosure.PdfText;
import budgetledger.model.table.DisclosureTable;
import budgetledger.query.DisclosureTablesView;
import budgetledger.query.FindDisclosureDocumentQuery;
import budgetledger.query.FindDisclosureTablesQuery;
import budgetledger.disclosure.tables.TableCsv;
import budgetledger.disclosure.tables.TableXlsx;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The jobs of the app jar that are no web server, as LedgerCli reads them: {@code import FILE} (a disclosure text,
 * or a line-item workbook or CSV with {@code --budget ID}) and {@code export BUDGET_ID [--table N] [--format csv|xlsx|text] [--out FILE]}.
 * Both start the ledger without its web server on the configured database (with the embedded PostgreSQL, stop the
 * app first: it serves one process). Progress goes to stderr, as a bar on a terminal and as plain lines otherwise;
 * an export without {@code --out} goes to stdout. Exit 0 when done, 1 when refused, 2 for a usage error.
 */
public final class LedgerCommand {

    private LedgerCommand() {
    }

    /** What the command line gave: the one positional argument, the options by name, the Spring properties. */
    record Arguments(List<String> positional, Map<String, String> options, List<String> springProperties) {
    }

    /** Runs {@code command} (import or export); returns the exit status: 0 done, 1 refused, 2 a usage error. */
    static int run(Class<?> application, String command, Arguments arguments, PrintStream out, PrintStream err) {
        Progress progress = new Progress(err, System.console() != null);
        progress.step("启动账本（不启动网络服务）");
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("budget-ledger.load-sample=false", "logging.level.root=warn")
                    .run(arguments.springProperties().toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            progress.done();
            err.println("无法启动账本：" + cause.getMessage());
            err.println("（使用内置 PostgreSQL 时它只服务一个进程：请先停止服务）");
            return 1;
        }
        try (context) {
            // Events record who sent them: here the operating-system user, marked as a command-line user.
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "cli:" + System.getProperty("user.name", "unknown"), null, List.of()));
            return command.equals("import")
                    ? importFile(context, arguments, progress, out, err)
                    : export(context, arguments, progress, out, err);
        } catch (BudgetRuleException e) {
            progress.done();
            err.println("拒绝：" + e.getMessage());
            return 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static int importFile(ConfigurableApplicationContext context, Arguments arguments, Progress progress,
                                  PrintStream out, PrintStream err) {
        Path file = Path.of(arguments.positional().get(0));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            progress.done();
            err.println("无法读取 " + file + "：" + e.getMessage());
            return 1;
        }
        String name = file.getFileName().toString();
        boolean pdf = name.toLowerCase().endsWith(".pdf") && PdfText.isPdf(bytes);
        if (name.toLowerCase().endsWith(".txt") || pdf) {
            progress.step("解析文档、重建预算行、核对表格：" + name);
            try {
                DisclosureImportService imports = context.getBean(DisclosureImportService.class);
                String departmentCode = arguments.options().get("department-code");
                ImportResult result = pdf ? imports.importPdf(bytes, departmentCode, false)
                        : imports.importDocument(new String(bytes, StandardCharsets.UTF_8), departmentCode);
                progress.done();
                out.println("已导入预算 " + result.budgetId() + "：" + result.lines() + " 个预算行，" + result.events()
                        + " 个事件；单元格一致 " + result.reconciliation().exact() + "，尾差 "
                        + result.reconciliation().rounding());
                return 0;
            } catch (DisclosureRejectedException e) {
                progress.done();
                err.println(e.getMessage());
                e.problems().stream().map(ParseProblem::text).forEach(err::println);
                return 1;
            }
        }
        String budgetId = arguments.options().get("budget");
        if (budgetId == null) {
            progress.done();
            err.println("导入预算行文件（.xlsx / .csv）需要 --budget 预算编号，例如 --budget 062-2026");
            return 2;
        }
        try {
            LineItemImportService.Result result = context.getBean(LineItemImportService.class)
                    .importFile(budgetId, name, bytes, progress::step);
            progress.done();
            out.println("已导入 " + name + " 到预算 " + budgetId + "：" + result.lines() + " 个预算行，"
                    + result.adjustments() + " 笔追加追减，" + result.transfers() + " 笔调剂");
            return 0;
        } catch (LineImportRejectedException e) {
            progress.done();
            err.println(e.getMessage());
            e.problems().stream().map(LineItemProblem::text).forEach(err::println);
            return 1;
        }
    }

    private static int export(ConfigurableApplicationContext context, Arguments arguments, Progress progress,
                              PrintStream out, PrintStream err) {
        String budgetId = arguments.positional().get(0);
        String format = arguments.options().getOrDefault("format", "xlsx");
        String table = arguments.options().get("table");
        if (!List.of("csv", "xlsx", "text").contains(format) || (format.equals("csv") && table == null)
                || (table != null && !table.matches("\\d{1,2}"))
                || (table != null && (Integer.parseInt(table) < 1 || Integer.parseInt(table) > 13))) {
            progress.done();
            err.println("format 为 csv、xlsx 或 text；csv 需要 --table 1–13");
            return 2;
        }
        progress.step("生成 " + budgetId + " 的表格");
        DisclosureTablesView view = context.getBean(QueryGateway.class).query(new FindDisclosureTablesQuery(budgetId),
                        ResponseTypes.optionalInstanceOf(DisclosureTablesView.class)).join()
                .orElseThrow(() -> BudgetRuleException.notFound("budgetId", "unknown-budget", "预算 " + budgetId + " 不存在"));
        List<DisclosureTable> tables = table == null ? view.tables() : List.of(view.tables().get(Integer.parseInt(table) - 1));
        byte[] bytes = switch (format) {
            case "csv" -> TableCsv.write(tables.get(0)).getBytes(StandardCharsets.UTF_8);
            case "text" -> context.getBean(QueryGateway.class).query(new FindDisclosureDocumentQuery(budgetId),
                    ResponseTypes.optionalInstanceOf(String.class)).join().orElseThrow().getBytes(StandardCharsets.UTF_8);
            default -> TableXlsx.write(tables, view.budget().fiscalYear(), view.budget().departmentName());
        };
        String target = arguments.options().get("out");
        try {
            if (target == null) {
                progress.done();
                out.write(bytes);
                out.flush();
            } else {
                progress.step("写入 " + target);
                Files.write(Path.of(target), bytes);
                progress.done();
                out.println("已写入 " + target + "（" + bytes.length + " 字节）");
            }
        } catch (IOException e) {
            progress.done();
            err.println("无法写入 " + target + "：" + e.getMessage());
            return 1;
        }
        return 0;
    }
}
