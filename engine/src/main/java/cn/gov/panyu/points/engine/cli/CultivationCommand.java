package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.cultivation.Hte;
import cn.gov.panyu.points.engine.cultivation.PreAssessment;
import cn.gov.panyu.points.engine.cultivation.Tsme;
import cn.gov.panyu.points.engine.input.CultivationReader;
import cn.gov.panyu.points.engine.input.ReadResult;
import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.RecordReader;
import cn.gov.panyu.points.engine.input.Violation;
import cn.gov.panyu.points.engine.model.ModelException;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.output.PreAssessmentCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code points cultivation}: the 高企/科小 pre-assessment of every enterprise of an input file — the
 * scoring input plus the optional cultivation columns — one result row per enterprise.
 */
@Command(name = "cultivation", mixinStandardHelpOptions = true,
        description = {"高企/科小预评估：读取企业数据文件（评价输入 + 可选的培育数据列），逐家判断科技型中小企业和高新技术企业条件。",
                "High-tech (高企) and tech-SME (科小) pre-assessment of an input file (CSV/XLSX). Any invalid row: no output, exit 2."})
final class CultivationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "企业数据文件 (input file, CSV or XLSX)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "预评估结果 CSV (result file)")
    Path out;

    @Option(names = "--year", paramLabel = "Y", description = "评价年度，缺省为上一年 (evaluation year; default: last year)")
    Integer year;

    @Option(names = "--explain", paramLabel = "FILE",
            description = "逐条说明 CSV：每个条件的企业数值、要求、数据来源和差距 (optional: one row per condition with figure, threshold, source, gap)")
    Path explain;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        if (!Files.isRegularFile(data)) {
            err.println("找不到数据文件 (input file not found): " + data);
            return PointsCli.INVALID_INPUT;
        }
        ReadRules rules;
        int y = year == null ? Year.now().getValue() - 1 : year;
        try {
            rules = new ReadRules(y, new HashSet<>(ModelLoader.defaultModel().towns())).withCultivationColumns();
        } catch (ModelException e) {
            err.println(e.getMessage());
            return PointsCli.INVALID_INPUT;
        }
        byte[] content = Files.readAllBytes(data);
        ReadResult read = RecordReader.read(content, rules, null);
        CultivationReader.Result extra = CultivationReader.read(content);
        if (!read.valid() || !extra.valid()) {
            CliFiles.report(merged(read, extra), read.dataRows(), err);
            return PointsCli.INVALID_INPUT;
        }
        Counts counts = new Counts();
        CliFiles.writeAtomically(out, os -> {
            Writer results = PreAssessmentCsvWriter.results(os);
            if (explain == null) {
                PreAssessment.forEach(read.records(), extra, y, p -> {
                    counts.add(p);
                    PreAssessmentCsvWriter.write(p, results);
                });
            } else {
                // both files in one pass, so that no result is kept; the explanation is moved in first
                CliFiles.writeAtomically(explain, es -> {
                    Writer explanations = PreAssessmentCsvWriter.explanations(es);
                    PreAssessment.forEach(read.records(), extra, y, p -> {
                        counts.add(p);
                        PreAssessmentCsvWriter.write(p, results);
                        PreAssessmentCsvWriter.explain(p, explanations);
                    });
                    explanations.flush();
                });
            }
            results.flush();
        });
        summary(counts, y, (System.nanoTime() - started) / 1e9);
        return PointsCli.OK;
    }

    /** Both readers' problems in row order; a file-level problem both report is listed once. */
    private static List<Violation> merged(ReadResult read, CultivationReader.Result extra) {
        List<Violation> all = new ArrayList<>(read.violations());
        for (Violation v : extra.violations()) {
            if (v.row() > 0 || !all.contains(v)) {
                all.add(v);
            }
        }
        all.sort(Comparator.comparingInt(Violation::row)); // stable: within a row, columns as found
        return all;
    }

    /** How many enterprises got each outcome, for the summary line. */
    private static final class Counts {
        final Map<Tsme.Outcome, Integer> tsme = new EnumMap<>(Tsme.Outcome.class);
        final Map<Hte.Outcome, Integer> hte = new EnumMap<>(Hte.Outcome.class);
        int all;

        void add(PreAssessment p) {
            tsme.merge(p.tsme().outcome(), 1, Integer::sum);
            hte.merge(p.hte().outcome(), 1, Integer::sum);
            all++;
        }
    }

    private void summary(Counts c, int y, double seconds) {
        Map<Tsme.Outcome, Integer> tsme = c.tsme;
        Map<Hte.Outcome, Integer> hte = c.hte;
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "已预评估 %,d 家企业（年度 %d）→ %s%n", c.all, y, out);
        o.printf(Locale.ROOT, "科小 TSME: 通过 %d · 直通 %d · 未通过 %d · 不符合基本条件 %d · 数据缺失 %d%n",
                tsme.getOrDefault(Tsme.Outcome.PASS, 0), tsme.getOrDefault(Tsme.Outcome.DIRECT_PASS, 0),
                tsme.getOrDefault(Tsme.Outcome.FAIL, 0), tsme.getOrDefault(Tsme.Outcome.NOT_ELIGIBLE, 0),
                tsme.getOrDefault(Tsme.Outcome.MISSING_DATA, 0));
        o.printf(Locale.ROOT, "高企 HTE: 确定通过 %d · 确定不通过 %d · 待专家评审 %d · 数据缺失 %d%n",
                hte.getOrDefault(Hte.Outcome.PASS, 0), hte.getOrDefault(Hte.Outcome.FAIL, 0),
                hte.getOrDefault(Hte.Outcome.UNDECIDED, 0), hte.getOrDefault(Hte.Outcome.MISSING_DATA, 0));
        o.printf(Locale.ROOT, "Pre-assessed %,d enterprises in %.1f s.%n", c.all, seconds);
    }
}
