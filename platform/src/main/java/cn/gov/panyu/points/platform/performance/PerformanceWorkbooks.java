package cn.gov.panyu.points.platform.performance;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.engine.output.SpreadsheetText;
import cn.gov.panyu.points.engine.xlsx.Xlsx;
import cn.gov.panyu.points.platform.performance.PerformanceForm.Budget;
import cn.gov.panyu.points.platform.table.ExcelExport;

/**
 * The 预算绩效 Excel forms, laid out as the paper forms are: bordered cells, the section labels merged down
 * their rows, the 一级 and 二级 headings merged over their indicators, text wrapped, A4 landscape. The
 * declaration is written with the labels the importer reads, so an exported form imports again as it was
 * (with its 分值 column).
 */
final class PerformanceWorkbooks {

    private static final String APPLICATION = "番禺区企业创新积分智能评价平台";
    private static final String HEAD_FILL = "DDE7F7";

    /** What goes into the workbook's sheet. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private PerformanceWorkbooks() {
    }

    static ResponseEntity<StreamingResponseBody> response(String fileName, Writer writer) {
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(fileName + ".xlsx", StandardCharsets.UTF_8).build();
        StreamingResponseBody body = writer::write;
        return ResponseEntity.ok().contentType(ExcelExport.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Export-Name", URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                .body(body);
    }

    // ---- 部门整体预算绩效目标申报表 ----

    static void declaration(OutputStream out, Declaration d) throws IOException {
        Xlsx.write(out, APPLICATION, wb -> {
            Sheet s = new Sheet(wb.newWorksheet("申报表"), new double[] {16, 16, 20, 34, 16, 16, 8});
            s.title(0, 6, PerformanceFormParser.TITLE);
            int r = 1;
            s.label(r, 0, "部门名称");
            s.text(r, 1, r, 6, d.department());
            r++;
            Budget b = d.budget();
            int budgetTop = r;
            s.head(r, 1, "部门预算支出", "预算金额（万元）", "收入来源", "预算金额（万元）");
            s.text(r, 5, r, 6, "");
            s.pair(++r, "基本支出", b.basic(), "财政拨款", b.fiscal());
            s.pair(++r, "项目支出", b.project(), "其他资金", b.otherFunds());
            s.head(++r, 1, "事业发展性支出", "预算金额（万元）", "按预算级次划分", "预算金额（万元）");
            s.text(r, 5, r, 6, "");
            s.pair(++r, "财政专项资金", b.specialFunds(), "区本级使用资金", b.districtLevel());
            s.pair(++r, "其他事业发展性支出", b.otherDevelopment(), "拟用于对下转移支付资金", b.transfers());
            s.label(budgetTop, 0, r, 0, "预算整体情况");
            r++;
            s.label(r, 0, "总体绩效目标");
            s.text(r, 1, r, 6, String.join("\n", d.goals()));
            s.ws.rowHeight(r, Math.max(30, 15 * estimateLines(String.join("\n", d.goals()), 110)));
            r++;
            int tasksTop = r;
            s.head(r, 1, "名称", "主要实施内容", "拟投入的资金（万元）");
            s.head(r, 4, r, 6, "期望达到的目标（概述）");
            for (Declaration.Task t : d.tasks().stream().filter(t -> !t.optional()).toList()) {
                r++;
                task(s, r, t);
            }
            s.label(tasksTop, 0, r, 0, "年度重点工作任务");
            r++;
            int otherTop = r;
            List<Declaration.Task> optional = d.tasks().stream().filter(Declaration.Task::optional).toList();
            if (optional.isEmpty()) {
                s.text(r, 1, r, 6, "");
            } else {
                task(s, r, optional.get(0));
                for (Declaration.Task t : optional.subList(1, optional.size())) {
                    task(s, ++r, t);
                }
            }
            s.label(otherTop, 0, r, 0, "其他需完成的任务（可选项）");
            r++;
            int indicatorsTop = r;
            s.head(r, 1, "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值", "分值");
            for (Map.Entry<String, Map<String, List<Declaration.Item>>> l1 : d.tree().entrySet()) {
                int l1Top = r + 1;
                for (Map.Entry<String, List<Declaration.Item>> l2 : l1.getValue().entrySet()) {
                    int l2Top = r + 1;
                    for (Declaration.Item i : l2.getValue()) {
                        r++;
                        s.text(r, 3, i.name() == null ? "" : i.name());
                        s.text(r, 4, i.periodTarget() == null ? "" : i.periodTarget());
                        s.text(r, 5, i.yearTarget() == null ? "" : i.yearTarget());
                        s.number(r, 6, i.weight());
                    }
                    s.text(l2Top, 2, r, 2, l2.getKey());
                }
                s.text(l1Top, 1, r, 1, l1.getKey());
            }
            s.label(indicatorsTop, 0, r, 0, "绩效指标");
            s.finish(r);
        });
    }

    private static void task(Sheet s, int r, Declaration.Task t) {
        s.text(r, 1, t.name());
        s.text(r, 2, t.content());
        s.number(r, 3, t.funds());
        s.text(r, 4, r, 6, t.expectation());
        s.ws.rowHeight(r, Math.max(estimateLines(t.content(), 16), estimateLines(t.expectation(), 38)) * 15.0);
    }

    // ---- 监控表 ----

    static void monitoring(OutputStream out, Monitoring.Report m) throws IOException {
        Xlsx.write(out, APPLICATION, wb -> {
            Sheet s = new Sheet(wb.newWorksheet("绩效监控"), new double[] {12, 14, 34, 16, 14, 12, 12, 12, 28, 40});
            Declaration d = m.declaration();
            s.title(0, 9, d.year() + "年度预算绩效目标执行监控表");
            s.label(1, 0, "部门名称");
            s.text(1, 1, 1, 4, d.department());
            s.label(1, 5, "监控日期");
            s.text(1, 6, 1, 9, m.day().toString());
            s.head(2, 0, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "完成率（%）", "时间进度（%）",
                    "状态", "数据来源", "预警");
            int r = 2;
            for (Monitoring.Row row : m.rows()) {
                r++;
                s.text(r, 0, row.item().level1());
                s.text(r, 1, row.item().level2());
                s.text(r, 2, row.item().name());
                s.text(r, 3, row.item().yearTarget());
                s.text(r, 4, row.actualText());
                s.number(r, 5, row.progress().completion());
                s.number(r, 6, row.progress().expected());
                s.text(r, 7, row.progress().status().label());
                s.text(r, 8, row.source());
                s.text(r, 9, row.progress().warning() == null ? "" : row.progress().warning());
            }
            s.finish(r);
        });
    }

    // ---- 自评报告 ----

    static void evaluation(OutputStream out, PerformanceSelfEvaluations.Report e) throws IOException {
        Xlsx.write(out, APPLICATION, wb -> {
            Sheet s = new Sheet(wb.newWorksheet("自评报告"), new double[] {12, 14, 34, 16, 16, 10, 12, 10, 36});
            Declaration d = e.declaration();
            s.title(0, 8, d.year() + "年度部门整体支出绩效自评报告");
            s.label(1, 0, "部门名称");
            s.text(1, 1, 1, 8, d.department());
            SelfEvaluation.Result res = e.result();
            s.label(2, 0, 2, 1, "部门预算支出（万元）");
            s.number(2, 2, d.budget().total());
            s.label(2, 3, "预算执行数（万元）");
            s.number(2, 4, e.narrative().executedFunds());
            s.label(2, 5, 2, 6, "预算执行率（%）");
            s.number(2, 7, res.executionRate());
            s.text(2, 8, "得分 " + res.budgetScore().toPlainString() + " / " + SelfEvaluation.BUDGET_POINTS);
            s.head(3, 0, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "完成率（%）", "得分",
                    "评分说明");
            int r = 3;
            for (PerformanceSelfEvaluations.Line line : e.lines()) {
                r++;
                Monitoring.Row row = line.row();
                s.text(r, 0, row.item().level1());
                s.text(r, 1, row.item().level2());
                s.text(r, 2, row.item().name());
                s.text(r, 3, row.item().yearTarget());
                s.text(r, 4, row.actualText());
                s.number(r, 5, row.item().weight());
                s.number(r, 6, row.progress().completion());
                s.number(r, 7, line.score());
                s.text(r, 8, line.hand() != null ? "人工评分：" + line.hand().reason() : row.progress().completion() == null
                        ? "无完成数据，不得分" : "按完成率计分");
            }
            r++;
            s.label(r, 0, r, 4, "总分（含预算执行率 " + SelfEvaluation.BUDGET_POINTS + " 分）");
            s.number(r, 5, r, 7, res.total());
            s.text(r, 8, "自评等级：" + res.grade());
            for (String[] n : new String[][] {{"主要绩效及成效", e.narrative().achievements()},
                    {"存在的问题及原因", e.narrative().problems()}, {"改进措施及结果应用", e.narrative().improvements()}}) {
                r++;
                s.label(r, 0, r, 1, n[0]);
                s.text(r, 2, r, 8, n[1]);
                s.ws.rowHeight(r, Math.max(30, 15 * estimateLines(n[1], 80)));
            }
            s.finish(r);
        });
    }

    private static int estimateLines(String text, int charsPerLine) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int lines = 0;
        for (String part : text.split("\n")) {
            lines += Math.max(1, (part.length() + charsPerLine - 1) / charsPerLine);
        }
        return lines;
    }

    /** A form sheet: bordered, wrapped cells, labels shaded, merged ranges. */
    private static final class Sheet {
        final Worksheet ws;
        private final int columns;

        Sheet(Worksheet ws, double[] widths) {
            this.ws = ws;
            this.columns = widths.length;
            for (int c = 0; c < widths.length; c++) {
                ws.width(c, widths[c]);
            }
            ws.pageOrientation("landscape");
            ws.fitToWidth((short) 1);
        }

        void title(int r, int lastCol, String title) {
            ws.value(r, 0, title);
            ws.range(r, 0, r, lastCol).merge();
            ws.range(r, 0, r, lastCol).style().bold().fontSize(16).horizontalAlignment("center").verticalAlignment("center").set();
            ws.rowHeight(r, 32);
        }

        void label(int r, int c, String text) {
            label(r, c, r, c, text);
        }

        void label(int r1, int c1, int r2, int c2, String text) {
            ws.value(r1, c1, text);
            box(r1, c1, r2, c2).borderStyle("thin").wrapText(true).verticalAlignment("center").bold().fillColor(HEAD_FILL)
                    .horizontalAlignment("center").set();
        }

        /** Header cells from column {@code c} on, one each. */
        void head(int r, int c, String... titles) {
            for (int i = 0; i < titles.length; i++) {
                label(r, c + i, titles[i]);
            }
        }

        void head(int r1, int c1, int r2, int c2, String title) {
            label(r1, c1, r2, c2, title);
        }

        void pair(int r, String label1, BigDecimal amount1, String label2, BigDecimal amount2) {
            text(r, 1, label1);
            number(r, 2, amount1);
            text(r, 3, label2);
            number(r, 4, amount2);
            text(r, 5, r, 6, "");
        }

        void text(int r, int c, String text) {
            text(r, c, r, c, text);
        }

        void text(int r1, int c1, int r2, int c2, String text) {
            if (text != null && !text.isEmpty()) {
                ws.value(r1, c1, SpreadsheetText.neutralise(text));
            }
            box(r1, c1, r2, c2).borderStyle("thin").wrapText(true).verticalAlignment("center").set();
        }

        void number(int r, int c, BigDecimal v) {
            number(r, c, r, c, v);
        }

        void number(int r1, int c1, int r2, int c2, BigDecimal v) {
            if (v != null) {
                ws.value(r1, c1, v);
            }
            box(r1, c1, r2, c2).borderStyle("thin").verticalAlignment("center").format("#,##0.00").horizontalAlignment("right").set();
        }

        /** The cells, merged when more than one; the caller frames them (thin borders) and sets the style. */
        private org.dhatim.fastexcel.StyleSetter box(int r1, int c1, int r2, int c2) {
            if (r1 != r2 || c1 != c2) {
                ws.range(r1, c1, r2, c2).merge();
            }
            return ws.range(r1, c1, r2, c2).style();
        }

        void finish(int lastRow) {
            ws.range(0, 0, lastRow, columns - 1).style().fontName("宋体").set();
        }
    }
}
