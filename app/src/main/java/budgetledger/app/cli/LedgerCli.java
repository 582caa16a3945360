package budgetledger.app.cli;

import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The one command line of the app jar: {@code serve} (the default), {@code import}, {@code export}, {@code verify},
 * {@code rebuild}, {@code users add|password|disable|enable|list} and {@code help}. Arguments of the form
 * {@code --key=value} that no command knows are Spring properties ({@code --budget-ledger.db.url=…}), as for the
 * server. Exit 0 done, 1 refused or failed, 2 a usage error (the word that was wrong, then the usage).
 */
@Command(name = "budget-ledger.jar", synopsisHeading = "用法：", customSynopsis = "java -jar budget-ledger.jar [命令] [选项]",
        commandListHeading = "%n命令：%n", optionListHeading = "%n选项：%n", usageHelpAutoWidth = true,
        description = "部门预算账本。不带命令时启动服务；--key=value 形式的参数为 Spring 配置项。",
        subcommands = {LedgerCli.Serve.class, LedgerCli.Import.class, LedgerCli.Export.class, LedgerCli.Verify.class,
                LedgerCli.Rebuild.class, LedgerCli.Users.class, CommandLine.HelpCommand.class})
public final class LedgerCli implements Callable<Integer> {

    private final Class<?> application;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private boolean serving;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本说明")
    boolean help;

    @Unmatched
    List<String> springProperties = new ArrayList<>();

    public LedgerCli(Class<?> application, InputStream in, PrintStream out, PrintStream err) {
        this.application = application;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs one command line; returns its exit status (for {@code serve}: 0 once the server has started). */
    public int run(String... args) {
        CommandLine commandLine = new CommandLine(this);
        commandLine.setExpandAtFiles(false); // "@file" is a file name here, not a file of arguments
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return commandLine.execute(args);
    }

    /** Whether the command line started the server, which then runs until it is stopped. */
    public boolean serving() {
        return serving;
    }

    /** No command: serve, with whatever Spring properties were given. */
    @Override
    public Integer call() {
        return serve(springProperties(spec, springProperties));
    }

    private int serve(List<String> properties) {
        SpringApplication.run(application, properties.toArray(String[]::new));
        serving = true;
        return 0;
    }

    /** The arguments no option took: {@code --key=value} Spring properties; any other word is a usage error. */
    static List<String> springProperties(CommandSpec spec, List<String> unmatched) {
        for (String word : unmatched) {
            if (!word.startsWith("--")) {
                throw new ParameterException(spec.commandLine(), "未知的命令或多余的参数：" + word);
            }
        }
        return unmatched;
    }

    /** What every subcommand has: the Spring properties given to it. */
    abstract static class Job {
        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> unmatched = new ArrayList<>();

        List<String> springProperties() {
            return LedgerCli.springProperties(spec, unmatched);
        }

        LedgerCli cli() {
            return (LedgerCli) spec.root().userObject();
        }

        /** import or export: one positional argument and the options given, by name. */
        int ledgerCommand(String command, String argument, Map<String, String> options) {
            LedgerCli cli = cli();
            return LedgerCommand.run(cli.application, command,
                    new LedgerCommand.Arguments(List.of(argument), options, springProperties()), cli.out, cli.err);
        }

        /** Name, value, name, value …: the options that were given (a null value was not). */
        static Map<String, String> options(String... namesAndValues) {
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i + 1] != null) {
                    options.put(namesAndValues[i], namesAndValues[i + 1]);
                }
            }
            return options;
        }
    }

    @Command(name = "serve", description = "启动服务（默认）")
    static final class Serve extends Job implements Callable<Integer> {
        @Override
        public Integer call() {
            return cli().serve(springProperties());
        }
    }

    @Command(name = "import", synopsisHeading = "用法：", description = {
            "FILE 为 .txt 或 .pdf：导入部门预算公开文档（文本或公开的 PDF）；为 .xlsx / .csv：把预算行文件导入预算 ID"})
    static final class Import extends Job implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "文档或预算行文件")
        String file;

        @Option(names = "--budget", paramLabel = "ID", description = "预算行文件导入的预算，例如 062-2026")
        String budget;

        @Option(names = "--department-code", paramLabel = "CODE", description = "文档未写明时的部门编码")
        String departmentCode;

        @Override
        public Integer call() {
            return ledgerCommand("import", file, options("budget", budget, "department-code", departmentCode));
        }
    }

    @Command(name = "export", synopsisHeading = "用法：",
            description = {"默认：全部 13 张表，xlsx；text 为部门预算公开文档；csv 需要 --table"})
    static final class Export extends Job implements Callable<Integer> {
        @Parameters(paramLabel = "BUDGET_ID", description = "预算编号，例如 062-2026")
        String budgetId;

        @Option(names = "--table", paramLabel = "N", description = "只导出第 N 张表（1–13）")
        String table;

        @Option(names = "--format", paramLabel = "csv|xlsx|text", description = "格式")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "写入文件（默认：标准输出）")
        String target;

        @Override
        public Integer call() {
            return ledgerCommand("export", budgetId, options("table", table, "format", format, "out", target));
        }
    }

    @Command(name = "verify", description = "核验事件的哈希链")
    static final class Verify extends Job implements Callable<Integer> {
        @Override
        public Integer call() {
            LedgerCli cli = cli();
            return AuditCommand.run(cli.application, "verify", springProperties(), cli.out, cli.err);
        }
    }

    @Command(name = "rebuild", description = "从零重建全部读模型并比较校验和")
    static final class Rebuild extends Job implements Callable<Integer> {
        @Override
        public Integer call() {
            LedgerCli cli = cli();
            return AuditCommand.run(cli.application, "rebuild", springProperties(), cli.out, cli.err);
        }
    }

    @Command(name = "users", synopsisHeading = "", customSynopsis = UsersCommand.USAGE, description = "管理用户",
            subcommands = {Users.Add.class, Users.Password.class, Users.Disable.class, Users.Enable.class,
                    Users.ListUsers.class})
    static final class Users implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> unmatched = new ArrayList<>();

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), (unmatched.isEmpty() ? "users 需要子命令"
                    : "未知的 users 子命令：" + unmatched.get(0) + "；子命令") + "为 add、password、disable、enable 或 list");
        }

        /** One user command: its words after "users", run by UsersCommand on the database. */
        abstract static class UserJob extends Job implements Callable<Integer> {
            abstract List<String> words();

            boolean passwordStdin() {
                return false;
            }

            @Override
            public Integer call() {
                LedgerCli cli = cli();
                return UsersCommand.run(words(), passwordStdin(), springProperties(), cli.in, cli.out, cli.err);
            }
        }

        /** --password-stdin: the password from standard input, else one made up and printed. */
        static final class PasswordFromStdin {
            @Option(names = "--password-stdin", description = "从标准输入读取密码")
            boolean given;
        }

        /** A command on one user, named after the command word: password, disable, enable. */
        abstract static class OneUser extends UserJob {
            @Parameters(paramLabel = "<name>")
            String name;

            @Override
            List<String> words() {
                return List.of(spec.name(), name);
            }
        }

        @Command(name = "add", description = "添加用户（不带 --password-stdin 时生成并打印随机密码）")
        static final class Add extends UserJob {
            @Parameters(index = "0", paramLabel = "<name>")
            String name;

            @Parameters(index = "1", paramLabel = "<FINANCE|AUDITOR|ANALYST|ADMIN>")
            String role;

            @Mixin
            PasswordFromStdin password;

            @Override
            List<String> words() {
                return List.of("add", name, role);
            }

            @Override
            boolean passwordStdin() {
                return password.given;
            }
        }

        @Command(name = "password", description = "修改用户密码")
        static final class Password extends OneUser {
            @Mixin
            PasswordFromStdin password;

            @Override
            boolean passwordStdin() {
                return password.given;
            }
        }

        @Command(name = "disable", description = "停用用户")
        static final class Disable extends OneUser {
        }

        @Command(name = "enable", description = "启用用户")
        static final class Enable extends OneUser {
        }

        @Command(name = "list", description = "列出用户")
        static final class ListUsers extends UserJob {
            @Override
            List<String> words() {
                return List.of("list");
            }
        }
    }
}
