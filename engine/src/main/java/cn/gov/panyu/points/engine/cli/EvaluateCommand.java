package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.input.ReadResult;
import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.RecordReader;
import cn.gov.panyu.points.engine.model.ModelException;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.output.CsvResultWriter;
import cn.gov.panyu.points.engine.output.Provenance;
import cn.gov.panyu.points.engine.output.XlsxResultWriter;
import cn.gov.panyu.points.engine.scoring.EngineVersion;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code points evaluate}: scores an input file and writes the results in spec §7's columns. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"读取企业数据文件（CSV/XLSX），按积分模型评价，输出积分结果。",
                "Scores an input file (CSV/XLSX) and writes results (CSV/XLSX). Any invalid row: no output, exit 2."})
final class EvaluateCommand implements Callable<Integer> {

    /** Inputs above this size get progress lines on stderr. */
    private static final long PROGRESS_FROM_BYTES = 20L << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "企业数据文件 (input file, CSV or XLSX)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "结果文件 (output file)")
    Path out;

    @Option(names = "--model", paramLabel = "FILE", description = "积分模型文件，缺省为内置 panyu-2025 (model file; default: built-in panyu-2025)")
    Path modelFile;

    @Option(names = "--format", paramLabel = "csv|xlsx", description = "输出格式，缺省按结果文件扩展名 (default: from --out's extension)")
    String format;

    @Option(names = "--year", paramLabel = "Y", description = "评价年度，缺省为上一年 (evaluation year; default: last year)")
    Integer year;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        String fmt = outputFormat();
        if (fmt == null) {
            err.println("不支持的输出格式「" + format + "」，应为 csv 或 xlsx (format must be csv or xlsx)");
            return PointsCli.INVALID_INPUT;
        }
        if (!Files.isRegularFile(data)) {
            err.println("找不到数据文件 (input file not found): " + data);
            return PointsCli.INVALID_INPUT;
        }
        RecordReader.Prefetch content = RecordReader.prefetch(data); // loads while the model does
        ScoreModel model;
        try {
            model = modelFile == null ? ModelLoader.defaultModel() : ModelLoader.load(modelFile);
        } catch (ModelException e) {
            err.println(e.getMessage());
            return PointsCli.INVALID_INPUT;
        }
        int y = year == null ? Year.now().getValue() - 1 : year;

        Progress progress = new Progress(err, Files.size(data) >= PROGRESS_FROM_BYTES);
        ReadResult read = RecordReader.read(content, new ReadRules(y, new HashSet<>(model.towns())), progress::reading);
        if (!read.valid()) {
            CliFiles.report(read.violations(), read.dataRows(), err);
            return PointsCli.INVALID_INPUT;
        }
        progress.step("评分中 (scoring) …");
        Evaluation evaluation = Scorer.score(model, read.columns());
        progress.step("写出结果 (writing) …");
        Provenance provenance = new Provenance(model.reference(), read.sha256(), EngineVersion.current(), y);
        writeAtomically(evaluation, provenance, fmt);

        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "已评价 %,d 家企业：初创期 %,d · 成长期 %,d · 稳定期 %,d（一票否决 %,d）→ %s%n",
                evaluation.size(), count(evaluation, Stage.STARTUP), count(evaluation, Stage.GROWTH),
                count(evaluation, Stage.MATURE), vetoed(evaluation), this.out);
        out.printf(Locale.ROOT, "Scored %,d enterprises in %.1f s. 模型 model %s · 年度 year %d · 输入 input SHA-256 %s · 引擎 engine %s%n",
                evaluation.size(), seconds, provenance.model(), y, provenance.inputSha256(), provenance.engineVersion());
        return PointsCli.OK;
    }

    private String outputFormat() {
        String f = format != null ? format : out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "csv";
        f = f.toLowerCase(Locale.ROOT);
        return f.equals("csv") || f.equals("xlsx") ? f : null;
    }

    private void writeAtomically(Evaluation evaluation, Provenance provenance, String fmt) throws IOException {
        CliFiles.writeAtomically(out, os -> {
            if (fmt.equals("xlsx")) {
                XlsxResultWriter.write(evaluation, provenance, os);
            } else {
                CsvResultWriter.write(evaluation, os);
            }
        });
    }

    private static long count(Evaluation e, Stage s) {
        long c = 0;
        for (int i = 0; i < e.size(); i++) {
            c += e.stage(i) == s ? 1 : 0;
        }
        return c;
    }

    private static long vetoed(Evaluation e) {
        long c = 0;
        for (int i = 0; i < e.size(); i++) {
            c += e.eligible(i) ? 0 : 1;
        }
        return c;
    }

    /** Progress lines on stderr for large inputs: reading in 10% steps, then each phase. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private int lastDecile = -1;

        Progress(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        void reading(long done, long total) {
            if (!enabled || total <= 0) {
                return;
            }
            int decile = (int) (done * 10 / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                err.printf(Locale.ROOT, "读取中 (reading) %d%%%n", decile * 10);
            }
        }

        void step(String message) {
            if (enabled) {
                err.println(message);
            }
        }
    }
}
