package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.calibration.Ahp;
import cn.gov.panyu.points.engine.calibration.CalibrationException;
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

/** {@code points ahp}: AHP weights, λ_max, CI and CR of a pairwise comparison matrix. */
@Command(name = "ahp", mixinStandardHelpOptions = true,
        description = {"层次分析法：由判断矩阵计算权重（主特征向量）、λmax、CI 与 CR。CR < 0.10 时退出码 0；CR ≥ 0.10 时仍输出结果，"
                + "在标准错误中列出最不一致的判断，退出码 2。",
                "AHP weights (principal eigenvector), lambda_max, CI and CR. Exit 0 when CR < 0.10; exit 2 when CR >= 0.10 "
                        + "(figures still printed, the most inconsistent judgements on stderr) or for a matrix that is not "
                        + "square, positive and reciprocal.",
                "FILE: n lines of n comma-separated judgements (1-9 scale, e.g. 3 or 1/3), no header."})
final class AhpCommand implements Callable<Integer> {

    /** How many of the most inconsistent judgements a refusal names. */
    private static final int NAMED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--matrix", required = true, paramLabel = "FILE", description = "判断矩阵文件 (UTF-8 CSV, no header)")
    Path matrix;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        NumberTable table;
        try {
            table = NumberTable.withoutHeader(matrix, Ahp::parseJudgement, "正数或分数（如 3、1/3）", "a positive number or a fraction such as 1/3");
        } catch (NumberTable.Rejected e) {
            CliFiles.report(e.violations, e.dataRows, err);
            return PointsCli.INVALID_INPUT;
        }
        Ahp.Result r;
        try {
            r = Ahp.analyse(table.rows());
        } catch (CalibrationException e) {
            CliFiles.report(List.of(table.locate(e)), table.rows().length, err);
            return PointsCli.INVALID_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        double[] w = r.weights();
        for (int i = 0; i < w.length; i++) {
            out.printf(Locale.ROOT, "%d,%.10f%n", i + 1, w[i]);
        }
        out.printf(Locale.ROOT, "lambda_max,%.10f%n", r.lambdaMax());
        out.printf(Locale.ROOT, "CI,%.10f%n", r.ci());
        out.printf(Locale.ROOT, "CR,%.10f%n", r.cr());
        if (r.consistent()) {
            return PointsCli.OK;
        }
        err.printf(Locale.ROOT, "一致性比率 CR = %.4f ≥ %.2f，判断矩阵不够一致，请复核以下判断 (CR >= 0.10: the judgements are too inconsistent; review these):%n",
                r.cr(), Ahp.CR_LIMIT);
        for (Ahp.Judgement j : r.mostInconsistent().subList(0, Math.min(NAMED, r.mostInconsistent().size()))) {
            err.printf(Locale.ROOT, "  第 %d 行第 %d 列：判断值 %s，而由权重推算约为 %.2f (row %d, column %d: judged %s, the weights imply %.2f)%n",
                    j.row() + 1, j.column() + 1, judgement(j), j.implied(),
                    j.row() + 1, j.column() + 1, judgement(j), j.implied());
        }
        return PointsCli.INVALID_INPUT;
    }

    /** The judgement as a fraction when it is one (1/3 rather than 0.3333333333). */
    private static String judgement(Ahp.Judgement j) {
        double v = j.given();
        return v < 1 && Math.abs(1 / v - Math.rint(1 / v)) < Ahp.RECIPROCAL_TOLERANCE * 10
                ? "1/" + (long) Math.rint(1 / v) : NumberTable.plain(v);
    }
}
