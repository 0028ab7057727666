package cn.gov.panyu.points.engine.output;

import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Rounding;
import cn.gov.panyu.points.engine.xlsx.Xlsx;

import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes an evaluation as an Excel workbook for people: sheet 评价结果 has the rows and columns of spec §7,
 * but titled in Chinese and with Chinese values where the CSV has codes (发展阶段 初创期, 榜单 领跑, 参与排名
 * 是/否); numbers are numeric cells with two decimals, so that staff can sort and sum them. Sheet 说明 gives
 * each column's meaning and its CSV column, and the provenance of the result. Rows are streamed, so a
 * million rows fit in little memory.
 */
public final class XlsxResultWriter {

    /** Excel's row limit, less the header row. */
    public static final int MAX_ROWS = 1_048_575;
    private static final int FLUSH_EVERY = 10_000;

    private XlsxResultWriter() {
    }

    public static void write(Evaluation e, Provenance provenance, OutputStream out) throws IOException {
        if (e.size() > MAX_ROWS) {
            throw new IllegalArgumentException("Excel 单表最多 " + MAX_ROWS + " 行，本次结果有 " + e.size()
                    + " 行，请改用 CSV 格式输出 (too many rows for XLSX; use CSV)");
        }
        Xlsx.write(out, "番禺区企业创新积分智能评价平台", wb -> {
            writeResults(wb.newWorksheet("评价结果"), e);
            writeNotes(wb.newWorksheet("说明"), e.model(), provenance);
        });
    }

    private static void writeResults(Worksheet ws, Evaluation e) throws IOException {
        List<String> header = ResultColumns.titles(e.model());
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
        }
        ws.range(0, 0, 0, header.size() - 1).style().bold().fillColor("DDE7F7").set();
        ws.freezePane(2, 1);
        ws.width(0, 22);
        ws.width(1, 36);
        for (int c = 3; c <= 6; c++) {
            ws.style(c).format("0.00").set();
        }
        for (int c = ResultColumns.LEADING.size(); c < header.size(); c++) {
            ws.style(c).format("0.00").set();
        }
        int indicators = e.model().indicators().size();
        for (int i = 0; i < e.size(); i++) {
            int row = i + 1;
            ws.value(row, 0, e.columns().uscc(i));
            ws.value(row, 1, SpreadsheetText.neutralise(e.columns().name(i)));
            ws.value(row, 2, e.stage(i).label());
            ws.value(row, 3, Rounding.decimal(Rounding.cents(e.core(i))));
            ws.value(row, 4, Rounding.decimal(Rounding.cents(e.bonus(i))));
            ws.value(row, 5, Rounding.decimal(Rounding.cents(e.deduction(i))));
            ws.value(row, 6, Rounding.decimal(e.totalCents(i)));
            if (e.eligible(i)) {
                ws.value(row, 7, e.rank(i));
            }
            ws.value(row, 8, e.tier(i) == null ? "" : e.tier(i).label());
            ws.value(row, 9, e.eligible(i) ? "是" : "否");
            for (int j = 0; j < indicators; j++) {
                ws.value(row, 10 + j, Rounding.decimal(Rounding.cents(e.points(i, j))));
            }
            if (row % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }
    }

    private static void writeNotes(Worksheet ws, ScoreModel model, Provenance p) {
        int row = 0;
        ws.value(row, 0, "列");
        ws.value(row, 1, "含义");
        ws.value(row, 2, "CSV 列名");
        ws.range(0, 0, 0, 2).style().bold().set();
        for (int c = 0; c < ResultColumns.LEADING.size(); c++) {
            row++;
            ws.value(row, 0, ResultColumns.LEADING_TITLES.get(c));
            ws.value(row, 1, ResultColumns.LEADING_LABELS.get(c));
            ws.value(row, 2, ResultColumns.LEADING.get(c));
        }
        for (Indicator ind : model.indicators()) {
            row++;
            ws.value(row, 0, ind.name());
            ws.value(row, 1, ind.category() + " · " + ind.name() + "（得分）");
            ws.value(row, 2, ind.code());
        }
        row += 2;
        ws.value(row++, 0, "评价年度");
        ws.value(row - 1, 1, p.year());
        ws.value(row++, 0, "积分模型");
        ws.value(row - 1, 1, p.model() + " " + model.name());
        ws.value(row++, 0, "输入文件 SHA-256");
        ws.value(row - 1, 1, p.inputSha256());
        ws.value(row, 0, "引擎版本");
        ws.value(row, 1, p.engineVersion());
        ws.width(0, 20);
        ws.width(1, 70);
    }
}
