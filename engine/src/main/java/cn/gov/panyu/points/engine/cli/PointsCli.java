package cn.gov.panyu.points.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of {@code bin/points}. Exit codes: 0 success, 2 invalid input or usage (every problem
 * listed), 1 internal error. Users never see a stack trace unless {@code POINTS_DEBUG} is set.
 */
@Command(name = "points", mixinStandardHelpOptions = true, versionProvider = PointsCli.Version.class,
        description = {"番禺区企业创新积分 — 命令行工具 (Panyu innovation points command line)"},
        subcommands = {EvaluateCommand.class, CultivationCommand.class, GenerateCommand.class, ValidateModelCommand.class,
                TemplateCommand.class, WeightsCommand.class, AhpCommand.class, CorrelateCommand.class,
                CommandLine.HelpCommand.class})
public final class PointsCli {

    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int INVALID_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command with the given output streams; what tests call. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PointsCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("内部错误 (internal error): " + e);
            if (System.getenv("POINTS_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("设置环境变量 POINTS_DEBUG=1 可查看详细堆栈 (set POINTS_DEBUG=1 for details)");
            }
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"points " + cn.gov.panyu.points.engine.scoring.EngineVersion.current()};
        }
    }
}
