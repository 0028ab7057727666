package cn.gov.panyu.points.platform.collection;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.xlsx.Xlsx;

/**
 * The Excel template of a department: a data sheet whose header row holds the Chinese column titles with
 * units and required marks (*), and a 填写说明 sheet with each column's rule.
 */
final class DepartmentTemplates {

    private DepartmentTemplates() {
    }

    static String fileName(DataSource source) {
        return source.label() + "数据导入模板";
    }

    static void write(DataSource source, OutputStream out) throws IOException {
        Xlsx.write(out, "番禺区企业创新积分智能评价平台", wb -> write(source, wb));
    }

    private static void write(DataSource source, Workbook wb) {
        List<TemplateColumn> columns = TemplateColumn.of(source);
        Worksheet data = wb.newWorksheet(source.label() + "数据");
        for (int c = 0; c < columns.size(); c++) {
            data.value(0, c, columns.get(c).header());
            data.width(c, Math.max(14, columns.get(c).header().length() * 2.2));
        }
        data.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("DDE7F7").set();
        data.freezePane(1, 1);
        Worksheet guide = wb.newWorksheet("填写说明");
        guide.value(0, 0, "列");
        guide.value(0, 1, "必填");
        guide.value(0, 2, "单位");
        guide.value(0, 3, "填写规则");
        guide.range(0, 0, 0, 3).style().bold().fillColor("DDE7F7").set();
        guide.width(0, 30);
        guide.width(3, 90);
        for (int i = 0; i < columns.size(); i++) {
            TemplateColumn c = columns.get(i);
            guide.value(i + 1, 0, c.label());
            guide.value(i + 1, 1, c.required() ? "是" : "否");
            guide.value(i + 1, 2, c.unit());
            guide.value(i + 1, 3, rule(source, c));
        }
        int r = columns.size() + 2;
        guide.value(r, 0, "说明");
        guide.value(r, 3, "第一行为表头，请勿修改列名；每家企业一行；统一社会信用代码不得重复。支持 .xlsx 与 CSV（UTF-8 或 GBK）。"
                + "有任何一行不符合规则时整份文件不导入，可在校验报告中选择“仅导入有效行”。同一文件重复导入不会重复写入。");
    }

    private static String rule(DataSource source, TemplateColumn c) {
        if (c.field() == null) {
            return switch (c.key()) {
                case TemplateColumn.USCC -> "18位统一社会信用代码（字母大写），须通过校验位检查"
                        + (source == DataSource.MARKET ? "" : "；企业须已在名录中（先导入市场监管数据）");
                case TemplateColumn.NAME -> source == DataSource.MARKET ? "企业全称，不超过200字" : "便于核对，不作为导入依据";
                case TemplateColumn.TOWN -> "番禺区镇街之一：" + String.join("、", ReadRules.panyu(2025).towns());
                case TemplateColumn.INDUSTRY -> "国民经济行业分类门类字母加2位大类代码，如 C39";
                case TemplateColumn.ESTABLISHED -> "日期，如 2015-06-30，不得晚于数据年度年末";
                default -> "";
            };
        }
        return switch (c.field().kind()) {
            case AMOUNT -> "数字，单位万元，不得为负数，可保留小数；不详请留空";
            case SIGNED_AMOUNT -> "数字，单位万元，可为负数；不详请留空";
            case COUNT -> "非负整数；不详请留空";
            case FLAG -> "1 表示是，0 表示否";
            case SET -> c.field() == RecordField.NEGATIVES
                    ? "多个用 ; 分隔，可填代码或中文名称，本部门只报送：" + String.join("、", source.negativeCodes())
                    : "多个用 ; 分隔：HTE 高新技术企业、TSME 科技型中小企业、SRDI 专精特新中小企业、LITTLE_GIANT 专精特新“小巨人”企业、GAZELLE 瞪羚企业";
            default -> throw new IllegalStateException("not a record field kind: " + c.field().kind());
        };
    }
}
