package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.calibration.CalibrationException;
import cn.gov.panyu.points.engine.calibration.CriteriaMatrix;
import cn.gov.panyu.points.engine.calibration.CriticWeights;
import cn.gov.panyu.points.engine.calibration.EntropyWeights;
import cn.gov.panyu.points.engine.calibration.Normalisation;
import cn.gov.panyu.points.engine.calibration.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code points weights}: objective weights (entropy or CRITIC) of the criteria of a data file. */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = {"按熵权法或 CRITIC 法计算各指标的客观权重；每个指标输出一行「名称,权重」，按表头顺序。",
                "Objective criterion weights by the entropy or CRITIC method: one line name,weight per criterion, in header order.",
                "FILE: UTF-8 CSV, a header of criterion names, one row per alternative, plain decimal numbers."})
final class WeightsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--method", required = true, paramLabel = "entropy|critic", description = "熵权法 entropy 或 CRITIC 法 critic")
    String method;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "数据文件 (UTF-8 CSV with a header)")
    Path data;

    @Option(names = "--cost", split = ",", paramLabel = "NAME", description = "成本型指标（越小越好），逗号分隔；CRITIC 与熵权法的 minmax 标准化时反向 (cost criteria, reversed by min-max)")
    List<String> cost = new ArrayList<>();

    @Option(names = "--normalise", paramLabel = "sum|minmax", description = "熵权法的归一方式：sum（p = x/Σx，缺省）或 minmax（先极差标准化）; CRITIC 总是 minmax")
    String normalise;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean entropy = "entropy".equalsIgnoreCase(method);
        if (!entropy && !"critic".equalsIgnoreCase(method)) {
            err.println("--method 须为 entropy 或 critic，实际为「" + method + "」(method must be entropy or critic)");
            return PointsCli.INVALID_INPUT;
        }
        Normalisation normalisation = normalise == null ? Normalisation.SUM : Normalisation.parse(normalise);
        if (normalisation == null) {
            err.println("--normalise 须为 sum 或 minmax，实际为「" + normalise + "」(must be sum or minmax)");
            return PointsCli.INVALID_INPUT;
        }
        if (!entropy && normalisation == Normalisation.SUM && normalise != null) {
            err.println("CRITIC 法总是使用极差（minmax）标准化，--normalise sum 不适用 (CRITIC always normalises by min-max)");
            return PointsCli.INVALID_INPUT;
        }
        NumberTable table;
        try {
            table = NumberTable.withHeader(data);
        } catch (NumberTable.Rejected e) {
            CliFiles.report(e.violations, e.dataRows, err);
            return PointsCli.INVALID_INPUT;
        }
        Set<String> costs = new LinkedHashSet<>();
        cost.forEach(name -> costs.add(name.trim())); // "a, b" as typed
        try {
            double[][] columns = new double[table.header().size()][];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = table.column(j);
            }
            CriteriaMatrix m = CriteriaMatrix.ofColumns(table.header(), columns);
            Weights w = entropy ? EntropyWeights.compute(m, normalisation, costs) : CriticWeights.compute(m, costs);
            PrintWriter out = spec.commandLine().getOut();
            for (int j = 0; j < w.names().size(); j++) {
                out.printf(Locale.ROOT, "%s,%.10f%n", w.names().get(j), w.weight(j));
            }
            // notes on stderr: stdout stays exactly one line per criterion for scripts
            w.notes().forEach(note -> err.println("说明 (note): " + note));
            return PointsCli.OK;
        } catch (CalibrationException e) {
            CliFiles.report(List.of(table.locate(e)), table.rows().length, err);
            return PointsCli.INVALID_INPUT;
        }
    }
}
