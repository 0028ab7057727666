package cn.gov.panyu.points.engine.input;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

import cn.gov.panyu.points.engine.xlsx.Xlsx;

import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the Excel template staff fill in: a data sheet whose headers are the Chinese labels (required
 * ones marked {@code *}, units appended, all resolvable by {@link InputField#forHeader}), and a sheet
 * 填写说明 that explains every column. The rules shown are the ones {@link RecordReader} enforces.
 */
public final class TemplateWriter {

    static final String DATA_SHEET = "企业数据";
    static final String GUIDE_SHEET = "填写说明";
    /** Rows given the town drop-down (a validation applies to a fixed range). */
    private static final int FORMATTED_ROWS = 10_000;

    private TemplateWriter() {
    }

    /** The template with the town drop-down of Panyu's 16 towns. */
    public static void writeXlsxTemplate(OutputStream out) throws IOException {
        writeXlsxTemplate(out, false);
    }

    /** As {@link #writeXlsxTemplate(OutputStream)}, with the pre-assessment's columns when {@code cultivation}. */
    public static void writeXlsxTemplate(OutputStream out, boolean cultivation) throws IOException {
        writeXlsxTemplate(out, ReadRules.PANYU_TOWNS, cultivation);
    }

    /** The template with a town drop-down of the given towns (the model's list). */
    public static void writeXlsxTemplate(OutputStream out, Collection<String> towns) throws IOException {
        writeXlsxTemplate(out, towns, false);
    }

    /**
     * The template; with {@code cultivation}, the optional columns of the 高企/科小 pre-assessment follow the
     * scoring input's ({@code points cultivation} reads both from one file).
     */
    public static void writeXlsxTemplate(OutputStream out, Collection<String> towns, boolean cultivation)
            throws IOException {
        List<CultivationField> extra = cultivation ? List.of(CultivationField.values()) : List.of();
        Xlsx.write(out, "points-engine", wb -> {
            writeDataSheet(wb.newWorksheet(DATA_SHEET), towns, extra);
            writeGuideSheet(wb.newWorksheet(GUIDE_SHEET), towns, extra);
        });
    }

    /** The header of a cultivation column, e.g. {@code 科技人员数（人）}: never required. */
    static String header(CultivationField f) {
        String unit = unit(f);
        return f.label() + (unit.isEmpty() ? "" : "（" + unit + "）");
    }

    /** The header as the template shows it, e.g. {@code 本年营业收入（万元）*}. */
    static String header(InputField f) {
        String unit = unit(f);
        return f.label() + (unit.isEmpty() ? "" : "（" + unit + "）") + (f.required() ? "*" : "");
    }

    private static void writeDataSheet(Worksheet ws, Collection<String> towns, List<CultivationField> extra) {
        InputField[] fields = InputField.values();
        for (int col = 0; col < fields.length; col++) {
            InputField f = fields[col];
            ws.value(0, col, header(f));
            ws.style(0, col).bold().wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                    .fillColor(f.required() ? "FCE4D6" : "DDEBF7").set();
            ws.width(col, Math.max(10, Math.min(30, header(f).length() * 2 + 2)));
            // text columns as text, or Excel turns codes like 91440113...E5 into numbers; numbers stay in
            // "General" so that 3.5 in a count column shows as 3.5, not as a rounded 4 the reader rejects
            if (f.kind() == InputField.Kind.TEXT || f.kind() == InputField.Kind.SET) {
                ws.style(col).format("@").set();
            } else if (f.kind() == InputField.Kind.DATE) {
                ws.style(col).format("yyyy-mm-dd").set();
            }
        }
        for (int i = 0; i < extra.size(); i++) {
            int col = fields.length + i;
            String header = header(extra.get(i));
            ws.value(0, col, header);
            // green: read by the pre-assessment only, not by the score
            ws.style(0, col).bold().wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                    .fillColor("E2EFDA").set();
            ws.width(col, Math.max(10, Math.min(30, header.length() * 2 + 2)));
        }
        ws.rowHeight(0, 36);
        ws.freezePane(2, 1); // keep USCC and name in view while scrolling right
        int townCol = InputField.TOWN.ordinal();
        String list = "\"" + String.join(",", towns) + "\"";
        if (list.length() <= 255) { // Excel's limit for an inline list; longer lists simply get no drop-down
            ws.range(1, townCol, FORMATTED_ROWS, townCol).validateWithListByFormula(list)
                    .showErrorMessage(true).errorTitle("镇街").error("请从列表中选择镇街");
        }
    }

    private static void writeGuideSheet(Worksheet ws, Collection<String> towns, List<CultivationField> extra) {
        List<String> notes = List.of(
                "1. 每行填写一家企业在评价年度的数据；带 * 的列为必填。",
                "2. 表头可以是中文列名或英文键，列的顺序不限；请勿增加其他列。",
                "3. 空白单元格表示“缺失”，不等于 0：数据为 0 时请填写 0。",
                "4. 金额单位为万元，填写纯数字（可带小数），不要带单位或符号。",
                "5. 也可以保存为 CSV（UTF-8 或 GBK 编码）上传，表头相同。");
        int r = 0;
        for (String note : notes) {
            ws.value(r++, 0, note);
        }
        r++;
        String[] head = {"列名（表头）", "英文键", "类型", "必填", "规则"};
        for (int c = 0; c < head.length; c++) {
            ws.value(r, c, head[c]);
            ws.style(r, c).bold().fillColor("D9D9D9").set();
        }
        for (InputField f : InputField.values()) {
            r++;
            ws.value(r, 0, header(f));
            ws.value(r, 1, f.key());
            ws.value(r, 2, kindZh(f.kind()));
            ws.value(r, 3, f.required() ? "是" : "否");
            ws.value(r, 4, rule(f, towns));
            ws.style(r, 4).wrapText(true).set();
        }
        for (CultivationField f : extra) {
            r++;
            ws.value(r, 0, header(f));
            ws.value(r, 1, f.key());
            ws.value(r, 2, kindZh(f.kind()));
            ws.value(r, 3, "否");
            ws.value(r, 4, "仅用于高企/科小预评：" + f.meaning()
                    + (Double.isInfinite(f.max()) ? "" : "；不超过 " + FieldRules.plain(f.max())));
            ws.style(r, 4).wrapText(true).set();
        }
        ws.width(0, 36);
        ws.width(1, 22);
        ws.width(2, 10);
        ws.width(3, 6);
        ws.width(4, 80);
    }

    /** Units are written into the header, where {@link InputField#forHeader} strips them again. */
    private static String unit(InputField f) {
        return switch (f.kind()) {
            case AMOUNT, SIGNED_AMOUNT -> "万元";
            case FLAG -> "0/1";
            case DATE -> "yyyy-MM-dd";
            case TEXT, SET -> "";
            case COUNT -> switch (f) {
                case EMPLOYEES, RD_STAFF -> "人";
                case IP_CLASS1, IP_CLASS2, INVENTION_GRANTED -> "件";
                case RD_PLATFORMS -> "个";
                default -> "项";
            };
        };
    }

    private static String unit(CultivationField f) {
        return switch (f.kind()) {
            case AMOUNT, SIGNED_AMOUNT -> "万元";
            case FLAG -> "0/1";
            default -> switch (f) {
                case ST_STAFF -> "人";
                case MAIN_IP_CLASS1, MAIN_IP_CLASS2 -> "件";
                case SELF_IP_QUALITY, SELF_RD_MANAGEMENT -> "分";
                default -> "项";
            };
        };
    }

    private static String kindZh(InputField.Kind kind) {
        return switch (kind) {
            case TEXT -> "文本";
            case DATE -> "日期";
            case AMOUNT -> "金额";
            case SIGNED_AMOUNT -> "金额（可为负）";
            case COUNT -> "整数";
            case FLAG -> "是否（0/1）";
            case SET -> "多选";
        };
    }

    private static String rule(InputField f, Collection<String> towns) {
        return switch (f) {
            case USCC -> "18 位统一社会信用代码（GB 32100-2015），字母大写，校验位须正确；同一文件内不得重复";
            case NAME -> "企业全称";
            case TOWN -> "所属镇街，应为以下之一：" + String.join("、", towns);
            case INDUSTRY -> "国民经济行业分类（GB/T 4754-2017）门类字母 + 2 位大类代码，如 C36（汽车制造业）、I65";
            case ESTABLISHED -> "成立日期，格式 yyyy-MM-dd（也接受 yyyy/M/d）；不得晚于评价年度的 12 月 31 日";
            case REVENUE_Y0 -> "评价年度营业收入，万元，≥ 0";
            case REVENUE_Y1 -> "评价年度前一年营业收入，万元，≥ 0；可空（空白表示缺失）";
            case REVENUE_Y2 -> "评价年度前两年营业收入，万元，≥ 0；可空（空白表示缺失）";
            case NET_PROFIT -> "评价年度净利润，万元，可为负数";
            case EMPLOYEES -> "职工总数，整数，≥ 1";
            case RD_STAFF -> "研发人员数，非负整数，不得大于职工总数";
            case HITECH_REVENUE -> "评价年度高新技术产品（服务）收入，万元，≥ 0，不得大于本年营业收入";
            case QUALIFICATIONS, NEGATIVES -> "可多选，用英文分号 ; 分隔（中文分号也可），填代码或中文名称："
                    + SetCodes.of(f).allowedZh();
            default -> switch (f.kind()) {
                case AMOUNT -> "万元，≥ 0";
                case COUNT -> "非负整数";
                case FLAG -> "是填 1，否填 0";
                default -> "";
            };
        };
    }
}
