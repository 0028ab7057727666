package cn.gov.panyu.points.platform.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.thymeleaf.ITemplateEngine;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.pdf.PdfFont;
import cn.gov.panyu.points.platform.pdf.PdfRenderer;

/**
 * The 申报表 and the 自评报告 as PDF: the text PDFBox extracts holds the form's Chinese headings and the seed's
 * figures as written by hand here, the CJK font is embedded, the page count is that of a form; and without a
 * CJK font the pages say why instead of offering a PDF of empty boxes.
 */
@PlatformIntegrationTest
class PerformancePdfIntegrationTests {

    private static final int YEAR = LocalDate.now().getYear();

    @Autowired
    MockMvc mvc;
    @Autowired
    ITemplateEngine templates;

    @Test
    void theDeclarationPrintsAsTheFormWithTheSeedsFigures() throws Exception {
        String department = TestEnterprises.uniqueName("预算绩效PDF测试局");
        long id = PerformanceWeb.importSeed(mvc, department, YEAR);
        assertThat(PerformanceWeb.page(mvc, "/performance/" + id)).contains("id=\"perf-pdf\"")
                .contains("/performance/" + id + "/pdf").doesNotContain("未找到中文字体");

        MvcResult r = pdf("/performance/" + id + "/pdf");
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains(".pdf");
        byte[] pdf = r.getResponse().getContentAsByteArray();
        keep(pdf, "performance-declaration.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = compact(document);
            assertThat(text).contains("部门整体预算绩效目标申报表", "（" + YEAR + "年度）", "部门名称", department,
                    "预算整体情况", "部门预算支出", "收入来源", "事业发展性支出", "按预算级次划分", "总体绩效目标",
                    "年度重点工作任务", "主要实施内容", "拟投入的资金（万元）", "期望达到的目标（概述）",
                    "其他需完成的任务（可选项）", "绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值");
            // the budget, as on the seed form
            assertThat(text).contains("基本支出4,992.53", "财政拨款59,053.99", "项目支出40,598.96", "其他资金0.00",
                    "财政专项资金13,230.00", "区本级使用资金59,053.99", "其他事业发展性支出232.50", "拟用于对下转移支付资金0.00");
            // goals, tasks and their funds
            assertThat(text).contains("1.推动工业经济稳中向好", "4.持续推动高水平科技创新", "企业创新能力建设",
                    "34,600.00", "1,500.00", "2,443.00", "1,150.00", "84.00", "440.00", "355.00");
            // indicators: headings, names and targets, the quirks included
            assertThat(text).contains("产出指标", "效益指标", "满意度指标", "成本指标", "生态效益指标", "社会成本指标",
                    "新认定高新技术企业350家350家", "高新技术企业国内发明专利授权数达1000件达1000件",
                    "高新技术企业营业收入总额2100亿元2100亿元", "研发投入强度≥3%≥3%", "研发经费投入110亿元110亿元",
                    "高新技术企业从业人数13万人13万人", "参加比赛获奖数量评选获奖项目60个评选获奖项目60个",
                    "规上工业总产值超过2300亿元超过2300亿元", "3个工作日内", "按规定控制和支付", "服务对象满意度（%）90%以上");
            assertThat(document.getNumberOfPages()).as("a form of a few pages").isBetween(2, 6);
            assertThat(text).contains("共" + document.getNumberOfPages() + "页");
            assertEmbeddedCjkFonts(document);
        }
    }

    @Test
    void theSelfEvaluationReportPrintsItsScoresAndNarrative() throws Exception {
        String department = TestEnterprises.uniqueName("预算绩效自评PDF测试局");
        // next year: no department data of that year, so only the budget execution scores
        long id = PerformanceWeb.importSeed(mvc, department, YEAR + 1);
        mvc.perform(post("/performance/" + id + "/evaluation").param("executed", "43311.92").param("achievements", "全年目标基本完成")
                .param("problemsText", "部分指标数据滞后").param("improvements", "按月调度").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(PerformanceWeb.page(mvc, "/performance/" + id + "/evaluation")).contains("id=\"perf-evaluation-pdf\"");

        byte[] pdf = pdf("/performance/" + id + "/evaluation/pdf").getResponse().getContentAsByteArray();
        keep(pdf, "performance-evaluation.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = compact(document);
            // 43,311.92 / 45,591.49 = 95.00 % → 9.50 of 10; the platform itself is built (4.16 in full); nothing
            // else has data in that year: 13.66, 差
            assertThat(text).contains((YEAR + 1) + "年度部门整体支出绩效自评报告", department, "预算执行情况",
                    "部门预算支出（万元）", "45,591.49", "43,311.92", "95.00%", "9.50/10", "总分（含预算执行率10分）：13.66分", "建设广州市番禺区企业创新积分信息平台按完成率计分1个1个100.00%4.164.16",
                    "自评等级：差", "主要绩效及成效全年目标基本完成", "存在的问题及原因部分指标数据滞后", "改进措施及结果应用按月调度",
                    "新认定高新技术企业", "无完成数据，不得分", "评分规则");
            assertThat(document.getNumberOfPages()).isBetween(1, 6);
            assertEmbeddedCjkFonts(document);
        }
    }

    @Test
    void unknownDeclarationsAre404() throws Exception {
        mvc.perform(get("/performance/987654321/pdf").with(TestUsers.staff())).andExpect(status().isNotFound());
        mvc.perform(get("/performance/987654321/evaluation/pdf").with(TestUsers.staff())).andExpect(status().isNotFound());
    }

    @Test
    void withoutACjkFontThereIsAReasonInsteadOfAPdf() {
        PerformancePdfs without = new PerformancePdfs(templates, new PdfRenderer(new PdfFont("no-such-folder/no-font.ttc")));
        assertThat(without.problem()).contains("未找到中文字体", "no-font.ttc", "fonts-wqy-microhei", "points.pdf.font");
    }

    private MvcResult pdf(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(TestUsers.staff())).andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
        return r;
    }

    /** The text of every page without white space: cells wrap wherever the layout breaks them. */
    private static String compact(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }

    private static void assertEmbeddedCjkFonts(PDDocument document) throws IOException {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont f = page.getResources().getFont(name);
                fonts.add(f.getName());
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
            }
        }
        assertThat(fonts).isNotEmpty().allMatch(n -> n.contains("WenQuanYi"));
    }

    /** The PDF kept under target/screenshots to look at. */
    private static void keep(byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}
