package cn.gov.panyu.points.engine.input;

import static cn.gov.panyu.points.engine.input.Fixtures.csv;
import static cn.gov.panyu.points.engine.input.Fixtures.read;
import static cn.gov.panyu.points.engine.input.Fixtures.validRow;
import static cn.gov.panyu.points.engine.input.Fixtures.validRowWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of scoring-spec §1, each with a row that breaks it, and the forms that are accepted. */
class CellRulesTests {

    /**
     * A file of one valid row and one row with {@code value} in {@code key} (its USCC changed unless the
     * USCC is under test): exactly one violation, on row 3, naming the column, the value and the rule.
     */
    @ParameterizedTest(name = "{0} = [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            uscc            |                      | 必填项不能为空
            uscc            | 91440113TPAGEHRRE    | 长度应为18位（实际 17 位）
            uscc            | 91440113TPAGEHRRI7   | 含非法字符 'I'
            uscc            | 91440113TPAGEHRRE8   | 校验位应为 7
            name            |                      | 必填项不能为空
            name            | 　                   | 必填项不能为空
            town            | 天河区               | 不是允许的镇街，应为：市桥街道、沙头街道、东环街道、桥南街道、小谷围街道、大石街道、洛浦街道、石壁街道、钟村街道、大龙街道、沙湾街道、南村镇、新造镇、化龙镇、石楼镇、石碁镇
            town            |                      | 必填项不能为空
            industry        | C44                  | 门类 C 的大类代码应为 13–43
            industry        | 3610                 | 应为门类字母加2位大类代码，如 C36
            industry        |                      | 必填项不能为空
            established     |                      | 必填项不能为空
            established     | 2013-13-01           | 不是有效的日期
            established     | 2023-02-29           | 不是有效的日期
            established     | 20130825             | 应为日期 yyyy-MM-dd，如 2015-06-30
            established     | 2013/08-25           | 应为日期 yyyy-MM-dd，如 2015-06-30
            established     | 2013-08-25 10:00     | 应为日期 yyyy-MM-dd，如 2015-06-30
            established     | 2026-01-01           | 不得晚于 2025-12-31（评价年度 2025）
            revenue_y0      |                      | 必填项不能为空
            revenue_y0      | abc                  | 应为数字，如 123.45（不带单位和符号）
            revenue_y0      | 116.03万             | 应为数字，如 123.45（不带单位和符号）
            revenue_y0      | NaN                  | 应为数字，如 123.45（不带单位和符号）
            revenue_y0      | Infinity             | 应为数字，如 123.45（不带单位和符号）
            revenue_y0      | 0x1F                 | 应为数字，如 123.45（不带单位和符号）
            revenue_y0      | 1e5                  | 应为数字，如 123.45（不带单位和符号）
            revenue_y0      | -1                   | 不得为负数
            revenue_y1      | -0.01                | 不得为负数
            revenue_y2      | 1,5                  | 应为数字，如 123.45（不带单位和符号）
            tax_paid        | -5                   | 不得为负数
            rd_expense      | - 5                  | 应为数字，如 123.45（不带单位和符号）
            tech_contract   | 1e400                | 应为数字，如 123.45（不带单位和符号）
            net_profit      | 1${'9' * 400}        | 数值超出范围
            employees       |                      | 必填项不能为空
            employees       | 0                    | 应至少为 1
            employees       | 3.5                  | 应为非负整数
            employees       | -3                   | 不得为负数
            rd_staff        | 0.5                  | 应为非负整数
            rd_staff        | 5                    | 不得大于职工总数（职工总数为 4）
            ip_class1       | two                  | 应为非负整数
            ip_class2       | -1                   | 不得为负数
            hitech_revenue  | 116.04               | 不得大于本年营业收入（本年营业收入为 116.03）
            rd_platforms    | 1.2                  | 应为非负整数
            contest_award_3y| 2                    | 应为 0 或 1
            contest_award_3y| 0.5                  | 应为 0 或 1
            contest_award_3y| yes                  | 应为 0 或 1
            qualifications  | HTE;ABC              | 未知的资质「ABC」，可选：高新技术企业、科技型中小企业、专精特新中小企业、专精特新“小巨人”企业、瞪羚企业（多个用 ; 分隔）
            qualifications  | HTE,TSME             | 未知的资质「HTE,TSME」，可选：高新技术企业、科技型中小企业、专精特新中小企业、专精特新“小巨人”企业、瞪羚企业（多个用 ; 分隔）
            negatives       | 欠税                 | 未知的负面情形「欠税」，可选：失信被执行人、重大安全/质量事故或严重环境违法、列入经营异常名录、纳税信用D级（多个用 ; 分隔）
            """)
    void aBrokenRuleIsReportedWithRowColumnValueAndRule(String key, String value, String ruleZh) {
        String cell = value == null ? "" : value.replace("${'9' * 400}", "9".repeat(400));
        Map<String, String> broken = validRowWith(key, quoteIfNeeded(cell));
        if (!key.equals("uscc")) {
            broken.put("uscc", Fixtures.uscc(42));
        }
        ReadResult r = read(csv(List.of(validRow(), broken)));
        InputField field = InputField.forHeader(key);
        String shown = cell.strip().length() > 100 ? cell.strip().substring(0, 100) + "…" : cell.strip();
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isEqualTo(3);
            assertThat(v.column()).isEqualTo(key);
            assertThat(v.value()).isEqualTo(field == InputField.NAME && shown.isBlank() ? "" : shown);
            assertThat(v.ruleZh()).isEqualTo(ruleZh);
            assertThat(v.ruleEn()).isNotBlank();
            assertThat(v.toChinese()).startsWith("第 3 行，列「" + field.display() + "」，值「");
        });
        assertThat(r.records()).hasSize(1);
        assertThat(r.dataRows()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"2013-08-25, 2013-08-25", "2013/8/25, 2013-08-25", "2013-8-5, 2013-08-05", "2013/08/05, 2013-08-05",
            "2025-12-31, 2025-12-31", "2024-02-29, 2024-02-29", "' 2013-08-25 ', 2013-08-25"})
    void acceptsTheUsualDateForms(String text, LocalDate expected) {
        ReadResult r = read(csv(List.of(validRowWith("established", text))));
        assertThat(r.violations()).isEmpty();
        assertThat(r.records().get(0).established()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"3, 3", "3.0, 3", "03, 3", "' 3 ', 3", "+3, 3", "3., 3"})
    void acceptsCountsAsExcelWritesThem(String text, double expected) {
        ReadResult r = read(csv(List.of(validRowWith("ip_class1", text))));
        assertThat(r.violations()).isEmpty();
        assertThat(r.records().get(0).value(InputField.IP_CLASS1)).isEqualTo(expected);
    }

    @Test
    void acceptsNegativeProfitAndTrimsBlanks() {
        Map<String, String> row = validRowWith("net_profit", "-12.5");
        row.put("revenue_y1", " 120.04 ");
        row.put("town", " 市桥街道\t");
        row.put("name", "　广州博睿鼎新生物科技有限公司　"); // full-width spaces from a Chinese input method
        EnterpriseRecord r = read(csv(List.of(row))).records().get(0);
        assertThat(r.value(InputField.NET_PROFIT)).isEqualTo(-12.5);
        assertThat(r.value(InputField.REVENUE_Y1)).isEqualTo(120.04);
        assertThat(r.town()).isEqualTo("市桥街道");
        assertThat(r.name()).isEqualTo("广州博睿鼎新生物科技有限公司");
    }

    @Test
    void emptyOptionalCellsAreMissingNotZero() {
        Map<String, String> row = validRow();
        for (InputField f : InputField.values()) {
            if (!f.required()) {
                row.put(f.key(), "");
            }
        }
        ReadResult r = read(csv(List.of(row)));
        assertThat(r.violations()).isEmpty();
        EnterpriseRecord e = r.records().get(0);
        for (InputField f : InputField.numericFields()) {
            assertThat(e.isMissing(f)).as(f.key()).isEqualTo(!f.required());
        }
        assertThat(e.qualifications()).isEmpty();
    }

    @Test
    void crossFieldRulesAllowEquality() {
        Map<String, String> row = validRowWith("rd_staff", "4");
        row.put("hitech_revenue", "116.03");
        assertThat(read(csv(List.of(row))).violations()).isEmpty();
    }

    @Test
    void aRowShortOfCellsMissesItsRequiredTail() {
        String line = String.join(",", validRow().values());
        String shortLine = line.substring(0, line.indexOf(",4,1,")); // cut before employees
        ReadResult r = read(String.join(",", Fixtures.keys()) + "\n" + shortLine + "\n");
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isEqualTo(2);
            assertThat(v.column()).isEqualTo("employees");
            assertThat(v.ruleZh()).isEqualTo("必填项不能为空");
        });
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
        ReadResult r = read(csv(List.of(validRowWith("town", "镇".repeat(300)))));
        assertThat(r.violations().get(0).value()).hasSize(101).endsWith("…");
    }

    private static String quoteIfNeeded(String cell) {
        return cell.contains(",") ? "\"" + cell + "\"" : cell;
    }
}
