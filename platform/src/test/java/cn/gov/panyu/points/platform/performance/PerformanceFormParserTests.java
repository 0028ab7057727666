package cn.gov.panyu.points.platform.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.TableReader;
import cn.gov.panyu.points.platform.performance.PerformanceForm.Indicator;
import cn.gov.panyu.points.platform.performance.PerformanceForm.KeyTask;

/**
 * The parser on the bureau's real form (the seed, read by hand into the values below) and on the ways a
 * form goes wrong: truncated, a column out of place, an amount with a stray character.
 */
class PerformanceFormParserTests {

    static String seed() {
        return DemoDeclaration.text();
    }

    @Test
    void theSeedImportsCompletelyFigureByFigure() {
        PerformanceForm form = PerformanceFormParser.parseText(seed());
        assertSeed(form);
    }

    static final String DEPARTMENT = "广州市番禺区科技工业商务和信息化局";

    static void assertSeed(PerformanceForm form) {
        assertSeed(form, DEPARTMENT, false);
    }

    /**
     * Every figure of the seed, read by hand from the file.
     *
     * @param weighted the form carries the default weights (a stored declaration, or its export)
     */
    static void assertSeed(PerformanceForm form, String department, boolean weighted) {
        assertThat(form.department()).isEqualTo(department);

        PerformanceForm.Budget b = form.budget();
        assertThat(b.basic()).isEqualByComparingTo("4992.53");
        assertThat(b.project()).isEqualByComparingTo("40598.96");
        assertThat(b.fiscal()).isEqualByComparingTo("59053.99");
        assertThat(b.otherFunds()).isEqualByComparingTo("0");
        assertThat(b.specialFunds()).isEqualByComparingTo("13230");
        assertThat(b.otherDevelopment()).isEqualByComparingTo("232.50");
        assertThat(b.districtLevel()).isEqualByComparingTo("59053.99");
        assertThat(b.transfers()).isEqualByComparingTo("0");
        assertThat(b.total()).isEqualByComparingTo("45591.49");

        // four <p> paragraphs, tags gone, text whole
        assertThat(form.goals()).hasSize(4);
        assertThat(form.goals().get(0)).startsWith("1. 推动工业经济稳中向好。").endsWith("力争推动工业投资保持增长态势。")
                .doesNotContain("<");
        assertThat(form.goals().get(1)).startsWith("2. 多措并举做好促进消费工作。").endsWith("推动全年消费市场运行稳进提质。");
        assertThat(form.goals().get(2)).startsWith("3. 助力企业积极应对外部风险挑战。").contains("RCEP").endsWith("多措并举实现外贸高质量发展。");
        assertThat(form.goals().get(3)).startsWith("4. 持续推动高水平科技创新。").endsWith("提供融资支持和金融服务。");

        assertThat(form.tasks()).extracting(KeyTask::name, t -> t.funds().toPlainString(), KeyTask::optional).containsExactly(
                tuple("促进工业产值和工业投资稳增长，打造制造业强区", "34600.00", false),
                tuple("企业创新能力建设", "1500.00", false),
                tuple("促进产业人才发展", "2443.00", false),
                tuple("推动消费市场稳进提质", "1150.00", false),
                tuple("高质量建设番禺区企业创新积分制智能评价平台", "84.00", false),
                tuple("促进小微工业企业上规模发展", "440.00", false),
                tuple("推动我区珠宝产业的转型升级，促进外贸外贸稳步增长", "355.00", false));
        assertThat(form.tasks().get(0).content()).isEqualTo("持续推动重点行业和龙头企业发展壮大，做好企业服务工作，支持企业加大投资、开拓市场。");
        assertThat(form.tasks().get(0).expectation()).isEqualTo("加大产业补链强链力度，全力稳固重点产业链供应链，促进企业增资扩产，提高产业集聚度，不断提高产业规模和实力。");
        assertThat(form.tasks().get(4).content()).startsWith("形成番禺区“企业创新积分制”的咨询报告").endsWith("白皮书》等");
        assertThat(form.tasks().get(4).expectation()).startsWith("以《“创新积分制”工作指引（2.0版）》为指引").endsWith("的良好生态。");
        assertThat(form.tasks().get(6).expectation()).isEqualTo("推动我区珠宝产业的转型升级，推动外贸外贸稳步增长。");
        assertThat(form.tasks().stream().map(KeyTask::funds).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("40572.00");

        assertThat(form.indicators()).extracting(Indicator::level1, Indicator::level2, Indicator::name, Indicator::periodTarget,
                Indicator::yearTarget).containsExactly(
                tuple("产出指标", "数量指标", "建设广州市番禺区企业创新积分信息平台", "1个", "1个"),
                tuple("产出指标", "数量指标", "完成的工作量", "5家", "5家"),
                tuple("产出指标", "数量指标", "营收上亿元企业数量", "≥30家", "≥30家"),
                tuple("产出指标", "数量指标", "推动小升规企业数", "140家", "140家"),
                tuple("产出指标", "数量指标", "推动工业投资增长", "130亿元", "130亿元"),
                tuple("产出指标", "数量指标", "规上工业总产值", "超过2300亿元", "超过2300亿元"),
                // line 30: shifted one column to the left under the stray 绩效指标 label
                tuple("产出指标", "质量指标", "推动汽车产业相关企业完成工业投资", "10亿元以上", "10亿元以上"),
                tuple("产出指标", "质量指标", "高新技术企业国内发明专利授权数", "达1000件", "达1000件"),
                // the unit inside the name
                tuple("产出指标", "质量指标", "高新技术企业认定通过率（%）", "75%", "75%"),
                tuple("产出指标", "时效指标", "企业技术改造项目备案审批办理时限", "3个工作日内", "3个工作日内"),
                tuple("效益指标", "经济效益指标", "高新技术企业营业收入总额", "2100亿元", "2100亿元"),
                tuple("效益指标", "经济效益指标", "研发投入强度", "≥3%", "≥3%"),
                tuple("效益指标", "经济效益指标", "营收总额", "250亿元以上", "250亿元以上"),
                tuple("效益指标", "经济效益指标", "实现外贸进出口", "1000亿元以上", "1000亿元以上"),
                tuple("效益指标", "经济效益指标", "推动全区实现社会消费品零售总额", "1000亿元以上", "1000亿元以上"),
                tuple("效益指标", "经济效益指标", "软件和信息服务业营收", "230亿元以上", "230亿元以上"),
                tuple("效益指标", "社会效益指标", "新认定高新技术企业", "350家", "350家"),
                tuple("效益指标", "社会效益指标", "参加比赛获奖数量", "评选获奖项目60个", "评选获奖项目60个"),
                tuple("效益指标", "社会效益指标", "时尚产业规模", "700亿元", "700亿元"),
                tuple("效益指标", "社会效益指标", "未来产业园累计孵化项目数", "30个", "30个"),
                tuple("效益指标", "社会效益指标", "研发经费投入", "110亿元", "110亿元"),
                tuple("效益指标", "社会效益指标", "项目对满足群众充电需求、推动经济社会发展有积极作用（是）", "是", "是"),
                tuple("效益指标", "社会效益指标", "高新技术企业从业人数", "13万人", "13万人"),
                // the empty 生态效益 row is kept as a heading without indicators
                tuple("效益指标", "生态效益指标", null, null, null),
                tuple("满意度指标", "服务对象满意度指标", "服务对象满意度（%）", "90%以上", "90%以上"),
                tuple("成本指标", "经济成本指标", "项目安排资金", "按规定控制和支付", "按规定控制和支付"),
                // 社会成本指标: a 二级 heading on its own line, in the first column
                tuple("成本指标", "社会成本指标", null, null, null),
                tuple("成本指标", "生态环境成本指标", "对环境污染持续减少（是/否）", "是", "是"));
        if (weighted) {
            // the default rule: 产出 and 成本 (12 indicators) share 50, 效益 (13) 30, 满意度 (1) 10
            assertThat(form.indicators()).extracting(i -> i.weight() == null ? null : i.weight().stripTrailingZeros().toPlainString())
                    .containsExactly("4.16", "4.16", "4.16", "4.16", "4.16", "4.16", "4.16", "4.16", "4.16", "4.16",
                            "2.3", "2.3", "2.3", "2.3", "2.3", "2.3", "2.3", "2.3", "2.3", "2.3", "2.3", "2.3", "2.4", null,
                            "10", "4.16", null, "4.24");
        } else {
            assertThat(form.indicators()).allMatch(i -> i.weight() == null); // the form has no 分值 column
        }
        assertThat(form.unplaced()).isEmpty();
    }

    @Test
    void theSameFormAsAWorkbookImportsTheSame() throws IOException {
        byte[] xlsx = workbook(seed(), false);
        PerformanceForm form = PerformanceFormParser.parseTable(TableReader.read(xlsx, null));
        assertSeed(form);
    }

    @Test
    void aWorkbookWithNumericAmountCellsImportsTheSame() throws IOException {
        byte[] xlsx = workbook(seed(), true);
        assertSeed(PerformanceFormParser.parseTable(TableReader.read(xlsx, null)));
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkChangeNothing() {
        assertSeed(PerformanceFormParser.parseText("\uFEFF" + seed().replace("\n", "\r\n")));
    }

    @Test
    void aLineTheParserCannotPlaceIsReportedWithItsNumberNotDropped() {
        List<String> lines = lines();
        lines.add(22, "\t\t填报说明：指标值以年度统计数据为准");       // becomes line 23, among the indicators
        lines.add(7, "\t合计\t45,591.49\t\t\t");                      // becomes line 8, among the budget lines
        lines.add(0, "附件2");                                          // line 1, before any section
        PerformanceForm form = PerformanceFormParser.parseText(String.join("\n", lines));
        assertThat(form.unplaced()).extracting(PerformanceForm.UnplacedLine::line, PerformanceForm.UnplacedLine::text)
                .containsExactly(tuple(1, "附件2"), tuple(9, " | 合计 | 45,591.49"), tuple(25, " |  | 填报说明：指标值以年度统计数据为准"));
        assertThat(form.indicators()).hasSize(28);
    }

    @Test
    void aTruncatedFormIsRefusedNamingItsLastLine() {
        List<String> lines = lines().subList(0, 40); // cut after 社会效益指标's first line: no 满意度, no 成本
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", lines)))
                .isInstanceOf(PerformanceFormException.class)
                .hasMessage("第40行：申报表到此结束，但缺少一级指标「满意度指标」：文件可能被截断，请导出完整的申报表");

        List<String> budgetOnly = lines().subList(0, 9);
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", budgetOnly)))
                .hasMessage("第9行：申报表到此结束，但缺少总体绩效目标：文件可能被截断，请导出完整的申报表");
    }

    @Test
    void aShuffledColumnIsRefusedNamingTheLine() {
        // the indicator header with 年度指标值 before 实施周期指标值
        List<String> header = lines();
        header.set(21, "产出指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实施周期指标值");
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", header)))
                .hasMessage("第22行：绩效指标的表头与申报表不符（列的顺序或名称有误）：应为「一级指标、二级指标、三级指标、实施周期指标值、年度指标值」，"
                        + "实为「一级指标、二级指标、三级指标、年度指标值、实施周期指标值」");

        // a task's amount swapped with its content
        List<String> task = lines();
        task.set(14, "\t企业创新能力建设\t1,500.00\t\t深入贯彻落实创新驱动发展战略。\t");
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", task)))
                .hasMessage("第15行：工作任务「企业创新能力建设」的金额不在「拟投入的资金（万元）」列：列的顺序与申报表不符");

        // a budget line with label and amount swapped
        List<String> budget = lines();
        budget.set(6, "\t4,992.53\t基本支出\t财政拨款\t59,053.99\t");
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", budget)))
                .hasMessage("第7行：第2列应为预算项目名称，却是金额「4,992.53」：列的顺序与申报表不符");

        // an indicator line whose target stands where its name belongs
        List<String> indicator = lines();
        indicator.set(39, "\t\t\t350家\t新认定高新技术企业\t350家");
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", indicator)))
                .hasMessage("第40行：三级指标名称的位置是指标值「350家」：列的顺序与申报表不符");

        // the task header's columns reordered
        List<String> taskHeader = lines();
        taskHeader.set(12, "年度重点工作任务\t名称\t拟投入的资金（万元）\t主要实施内容\t期望达到的目标（概述）\t");
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", taskHeader)))
                .isInstanceOf(PerformanceFormException.class).hasMessageStartingWith("第13行：年度重点工作任务的表头与申报表不符");
    }

    @Test
    void anAmountWithAStrayCharacterIsRefusedNamingLineAndColumn() {
        List<String> budget = lines();
        budget.set(7, "\t项目支出\t40,598.96元\t其他资金\t0.00\t");
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", budget)))
                .hasMessage("第8行：第3列「项目支出」的金额「40,598.96元」不是数字（只能有数字、小数点和千位分隔的逗号，单位为万元）");

        List<String> task = lines();
        task.set(18, task.get(18).replace("440.00", "44O.00"));
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", task)))
                .hasMessage("第19行：第4列「拟投入的资金」的金额「44O.00」不是数字（只能有数字、小数点和千位分隔的逗号，单位为万元）");
    }

    @Test
    void aFormWithAWeightColumnKeepsTheWeights() {
        List<String> lines = lines();
        lines.set(21, "产出指标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\t分值");
        lines.set(22, "\t数量指标\t数量指标\t建设广州市番禺区企业创新积分信息平台\t1个\t1个\t5");
        lines.set(23, "\t\t\t完成的工作量\t5家\t5家\t4.5");
        lines.set(24, "\t\t\t营收上亿元企业数量\t≥30家\t≥30家\t五分");
        assertThatThrownBy(() -> PerformanceFormParser.parseText(String.join("\n", lines)))
                .hasMessageStartingWith("第25行：「分值」的金额「五分」不是数字");
        lines.set(24, "\t\t\t营收上亿元企业数量\t≥30家\t≥30家\t3");
        PerformanceForm form = PerformanceFormParser.parseText(String.join("\n", lines));
        assertThat(form.indicators().subList(0, 3)).extracting(i -> i.weight().toPlainString()).containsExactly("5", "4.5", "3");
        // lines of the old width (no 分值) do not fit: reported, never silently read with a missing weight
        assertThat(form.unplaced()).extracting(PerformanceForm.UnplacedLine::line).contains(26, 27, 28);
    }

    @Test
    void goalsWithoutParagraphTagsAreSplitAtLineBreaksAndEntitiesDecoded() {
        assertThat(PerformanceFormParser.paragraphs("一、稳增长<br/>二、促创新&amp;强服务")).containsExactly("一、稳增长", "二、促创新&强服务");
        assertThat(PerformanceFormParser.paragraphs("<p><span>甲</span></p><p> </p><p>乙&nbsp;丙</p>")).containsExactly("甲", "乙 丙");
    }

    static List<String> lines() {
        return new java.util.ArrayList<>(Arrays.asList(seed().split("\n", -1)));
    }

    /** The seed as a workbook: one row per line, blank lines kept as empty rows; amounts as numbers if asked. */
    static byte[] workbook(String text, boolean numericAmounts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("申报表");
        String[] lines = text.split("\n", -1);
        for (int r = 0; r < lines.length; r++) {
            String[] cells = lines[r].split("\t", -1);
            for (int c = 0; c < cells.length; c++) {
                if (cells[c].isEmpty()) {
                    continue;
                }
                if (numericAmounts && cells[c].matches("[\\d,]+\\.\\d\\d")) {
                    ws.value(r, c, new BigDecimal(cells[c].replace(",", "")));
                } else {
                    ws.value(r, c, cells[c]);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
