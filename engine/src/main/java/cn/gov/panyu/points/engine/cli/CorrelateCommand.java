package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.calibration.CalibrationException;
import cn.gov.panyu.points.engine.calibration.RankCorrelation;
import cn.gov.panyu.points.engine.input.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code points correlate}: Spearman's ρ and Kendall's τ-b of paired observations. */
@Command(name = "correlate", mixinStandardHelpOptions = true,
        description = {"计算成对数据的 Spearman 等级相关系数（并列取平均秩）和 Kendall τ-b。",
                "Spearman's rho (average ranks for ties) and Kendall's tau-b of pairs.",
                "FILE: UTF-8 CSV with the header x,y, then one pair per row."})
final class CorrelateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "数据文件，表头为 x,y (UTF-8 CSV, header x,y)")
    Path data;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        NumberTable table;
        try {
            table = NumberTable.withHeader(data);
        } catch (NumberTable.Rejected e) {
            CliFiles.report(e.violations, e.dataRows, err);
            return PointsCli.INVALID_INPUT;
        }
        if (!table.header().equals(List.of("x", "y"))) {
            CliFiles.report(List.of(new Violation(1, "", String.join(",", table.header()), "表头应为 x,y", "the header must be x,y")),
                    table.rows().length, err);
            return PointsCli.INVALID_INPUT;
        }
        double[] x = table.column(0);
        double[] y = table.column(1);
        try {
            double rho = RankCorrelation.spearman(x, y);
            double tau = RankCorrelation.kendallTauB(x, y);
            if (Double.isNaN(rho) || Double.isNaN(tau)) {
                String constant = isConstant(x) ? "x" : "y";
                CliFiles.report(List.of(new Violation(0, constant, null, "该列的值全部相同，相关系数无定义",
                        "every value of this column is the same; the correlation is undefined")), x.length, err);
                return PointsCli.INVALID_INPUT;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "spearman,%.10f%n", rho);
            out.printf(Locale.ROOT, "kendall_tau_b,%.10f%n", tau);
            return PointsCli.OK;
        } catch (CalibrationException e) {
            CliFiles.report(List.of(table.locate(e)), table.rows().length, err);
            return PointsCli.INVALID_INPUT;
        }
    }

    private static boolean isConstant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }
}
