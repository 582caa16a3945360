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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs of the app jar that are no web server: {@code import FILE} (a disclosure text, or a line-item workbook
 * or CSV with {@code --budget ID}) and {@code export BUDGET_ID [--table N] [--format csv|xlsx|text] [--out FILE]}.
 * Both start the ledger without its web server on the configured database (with the embedded PostgreSQL, stop the
 * app first: it serves one process). Progress goes to stderr, as a bar on a terminal and as plain lines otherwise;
 * an export without {@code --out} goes to stdout. Exit 0 when done, 1 when refused, 2 for a usage error.
 */
public final class LedgerCommand {

    public static final String USAGE = """
            用法：
              java -jar budget-ledger.jar [serve]                      启动服务（默认）
              java -jar budget-ledger.jar import FILE [--budget ID] [--department-code CODE]
                    FILE 为 .txt 或 .pdf：导入部门预算公开文档（文本或公开的 PDF）；为 .xlsx / .csv：把预算行文件导入预算 ID
              java -jar budget-ledger.jar export BUDGET_ID [--table N] [--format csv|xlsx|text] [--out FILE]
                    默认：全部 13 张表，xlsx；text 为部门预算公开文档；csv 需要 --table
              java -jar budget-ledger.jar verify | rebuild | users …""";

    private LedgerCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("import") || args[0].equals("export"));
    }

    /** Options after the command word: --name value; the rest are positional arguments. */
    record Arguments(List<String> positional, Map<String, String> options, List<String> springProperties) {

        static Arguments parse(String[] args, List<String> known) {
            List<String> positional = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            List<String> spring = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--") && known.contains(arg.substring(2))) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " 需要一个值");
                    }
                    options.put(arg.substring(2), args[++i]);
                } else if (arg.startsWith("--")) {
                    spring.add(arg); // --spring.datasource.url=… and the like
                } else {
                    positional.add(arg);
                }
            }
            return new Arguments(positional, options, spring);
        }
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, List.of("budget", "department-code", "table", "format", "out"));
            if (arguments.positional().size() != 1) {
                throw new IllegalArgumentException(args[0] + " 需要且只需要一个参数");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
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
            return args[0].equals("import")
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
