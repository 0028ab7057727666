package cn.gov.panyu.points.engine.output;

import cn.gov.panyu.points.engine.cultivation.Check;
import cn.gov.panyu.points.engine.cultivation.PreAssessment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes 高企/科小 pre-assessments as UTF-8 CSV with a BOM (for Excel): the one-row-per-enterprise result
 * file of {@code points cultivation}, and the explanation file with one row per condition.
 */
public final class PreAssessmentCsvWriter {

    public static final List<String> HEADER = List.of("uscc", "tsme_staff", "tsme_rd", "tsme_ip", "tsme_total",
            "tsme_result", "hte_result", "hte_capability_min", "hte_capability_max", "hte_failed_conditions");
    public static final List<String> EXPLAIN_HEADER = List.of("uscc", "评价", "代码", "条件", "结果", "企业数值", "要求",
            "数据来源", "差距");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private PreAssessmentCsvWriter() {
    }

    /** The result file: opened with its header, then one row per {@link #write}. */
    public static Writer results(OutputStream out) throws IOException {
        out.write(BOM);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(String.join(",", HEADER));
        w.write('\n');
        return w;
    }

    public static void write(PreAssessment p, Writer w) throws IOException {
        w.write(p.uscc());
        w.write(',');
        w.write(number(p.tsme().staff()));
        w.write(',');
        w.write(number(p.tsme().rd()));
        w.write(',');
        w.write(number(p.tsme().ip()));
        w.write(',');
        w.write(number(p.tsme().total()));
        w.write(',');
        w.write(p.tsme().outcome().name());
        w.write(',');
        w.write(p.hte().outcome().name());
        w.write(',');
        w.write(p.hte().capability() == null ? "" : Integer.toString(p.hte().capability().min()));
        w.write(',');
        w.write(p.hte().capability() == null ? "" : Integer.toString(p.hte().capability().max()));
        w.write(',');
        w.write(String.join(";", p.hte().failed()));
        w.write('\n');
    }

    /** The explanation file: opened with its header, then one row per condition by {@link #explain}. */
    public static Writer explanations(OutputStream out) throws IOException {
        out.write(BOM);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(String.join(",", EXPLAIN_HEADER));
        w.write('\n');
        return w;
    }

    /** One row per condition and indicator, each with its figure, threshold, source and gap. */
    public static void explain(PreAssessment p, Writer w) throws IOException {
        for (Check c : p.tsme().checks()) {
            explain(w, p.uscc(), "科技型中小企业", c);
        }
        for (Check c : p.hte().checks()) {
            explain(w, p.uscc(), "高新技术企业", c);
        }
    }

    private static void explain(Writer w, String uscc, String scheme, Check c) throws IOException {
        String[] cells = {uscc, scheme, c.code(), c.name(), c.status().label(), c.figure(), c.threshold(), c.source(), c.gap()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quoted(SpreadsheetText.neutralise(cells[i])));
        }
        w.write('\n');
    }

    private static String number(Integer v) {
        return v == null ? "" : v.toString();
    }

    private static String quoted(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
