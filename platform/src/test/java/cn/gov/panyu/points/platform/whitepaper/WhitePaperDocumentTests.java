package cn.gov.panyu.points.platform.whitepaper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.analytics.DashboardFilter;
import cn.gov.panyu.points.platform.analytics.DashboardView;
import cn.gov.panyu.points.platform.analytics.SmallDistrict;
import cn.gov.panyu.points.platform.pdf.PdfFont;
import cn.gov.panyu.points.platform.pdf.PdfRenderer;
import cn.gov.panyu.points.platform.scoremodel.ModelStatus;
import cn.gov.panyu.points.platform.scoremodel.ModelVersion;
import cn.gov.panyu.points.platform.table.NumberDialect;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * The white paper of a district small enough to check by hand (the dashboard's own test district): its content
 * equals the dashboard's figures worked out by hand, and its PDF holds the Chinese headings and figures as text,
 * with page numbers, embedded fonts and the charts as vector boxes. Two pages are saved as pictures to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhitePaperDocumentTests {

    private final SmallDistrict district = SmallDistrict.twoYears();
    private final ScoreModels models = mock(ScoreModels.class);
    private WhitePaperContent content;
    private String html;
    private byte[] pdf;

    @BeforeAll
    void render() throws IOException {
        when(models.load(1)).thenReturn(ModelLoader.defaultModel());
        when(models.version(1)).thenReturn(new ModelVersion(1, "panyu-2025", "2025.1", "番禺区企业创新积分模型（2025版）",
                ModelStatus.ACTIVE, "", null, "admin", LocalDateTime.now(), LocalDateTime.now(), 2));
        WhitePaperContents contents = new WhitePaperContents(district.dashboard, district.published, models);
        List<Integer> progress = new ArrayList<>();
        content = contents.of(2025, "本白皮书由**番禺区科技工业商务和信息化局**编制。\n\n<script>alert(1)</script>", progress::add).orElseThrow();
        assertThat(progress).isSorted().last().isEqualTo(65);
        PdfFont font = new PdfFont(configuredFont());
        assertThat(font.available()).as("the CJK font of application.yaml is installed (fonts-wqy-microhei)").isTrue();
        WhitePaperRenderer renderer = new WhitePaperRenderer(templates(), new PdfRenderer(font));
        html = renderer.html(content);
        pdf = renderer.pdf(html);
    }

    @Test
    void contentHoldsTheDashboardsFiguresAsWorkedOutByHand() {
        assertThat(content.runId()).isEqualTo(20250);
        assertThat(content.figures().evaluated()).isEqualTo(9);
        assertThat(content.figures().listed()).isEqualTo(6);
        assertThat(content.figures().tiers()).containsExactly(2L, 4L, 0L);
        assertThat(content.figures().average()).isEqualByComparingTo("58.89"); // 530 / 9
        assertThat(content.previousYear()).isEqualTo(2024);
        assertThat(content.previous().evaluated()).isEqualTo(6);

        // start-ups: (80 + 70 + 3 × 40) / 5 = 54; in 2024 S1, S3 and G4: (40 + 46.5 + 20) / 3 = 35.50
        WhitePaperContent.StageChange startups = content.stageChanges().get(Stage.STARTUP.ordinal());
        assertThat(List.of(startups.evaluated(), startups.previousEvaluated(), startups.listed(), startups.previousListed()))
                .containsExactly(5L, 3L, 2L, 1L);
        assertThat(startups.average()).isEqualByComparingTo("54.00");
        assertThat(startups.previousAverage()).isEqualByComparingTo("35.50");
        assertThat(startups.averageChange()).isEqualByComparingTo("18.50");
        WhitePaperContent.StageChange mature = content.stageChanges().get(Stage.MATURE.ordinal());
        assertThat(mature.evaluated()).isZero();
        assertThat(mature.average()).isNull();

        // 南村镇 5 (领跑 2, 未上榜 3), 大石街道 4 (竞跑 4): the longer bar full width
        assertThat(content.towns()).extracting(WhitePaperContent.Bars::label).containsExactly("南村镇", "大石街道");
        assertThat(content.towns().get(0).width()).isEqualTo(100.0);
        assertThat(content.towns().get(1).width()).isEqualTo(80.0);
        assertThat(content.towns().get(0).segments()).extracting(WhitePaperContent.Segment::count).containsExactly(2L, 0L, 0L, 3L);
        assertThat(content.towns().get(0).segments().get(0).width()).isEqualTo(40.0);

        assertThat(content.histograms().get(0).bins()).extracting(b -> b.count()).containsExactly(3L, 0L, 0L, 1L, 1L);
        assertThat(content.leaders().get(0).size()).isEqualTo(2);
        assertThat(content.leaders().get(0).first()).extracting(s -> s.uscc()).containsExactly("S1", "S2");
        assertThat(content.leaders().get(1).size()).isZero();
        // G1–G3 rose by 5 within the growth stage; G4 changed stage, S1 rose 40 as a start-up
        assertThat(content.risers()).extracting(c -> c.uscc()).containsExactly("S1", "G1", "G2", "G3");
        assertThat(content.appendix()).hasSize(ModelLoader.defaultModel().indicators().size())
                .allSatisfy(a -> assertThat(a.definition()).isNotBlank());
        assertThat(content.appendix()).extracting(WhitePaperContent.AppendixLine::unit).contains("万元", "%");

        // 高企 S1 (领跑), S3 (未上榜); 科小 S1; 专精特新 G1 (竞跑) — the dashboard's chart, bar for bar
        assertThat(content.qualifications()).extracting(WhitePaperContent.Bars::total).containsExactly(2L, 1L, 1L, 0L, 0L);
        assertThat(content.qualifications().get(0).segments()).extracting(WhitePaperContent.Segment::count)
                .containsExactly(1L, 0L, 0L, 1L);
        DashboardView view = district.dashboard.view(new DashboardFilter(2025, null, null, null)).orElseThrow();
        assertThat(content.qualifications()).isEqualTo(WhitePaperContents.bars(view.chart("qualifications").orElseThrow()));
        // credit 6 applications, 4 loans of 750 万元 in all; pools 科小 6 kept, 高企 4
        assertThat(content.outcomes()).isEqualTo(view.outcomes());
        assertThat(content.outcomes().credit().loanAmount()).isEqualByComparingTo("750");
        assertThat(content.credit()).isEqualTo(view.chart("credit").orElseThrow());
    }

    @Test
    void theForewordIsMarkdownAndItsHtmlIsShownAsText() {
        assertThat(content.foreword()).contains("<strong>番禺区科技工业商务和信息化局</strong>").doesNotContain("<script>");
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void thePdfHoldsTheHeadingsAndFiguresAsChineseText() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);

            assertThat(text).contains("番禺区科技企业创新积分白皮书", "2025 年度", "目录", "前言", "一、总体情况", "二、评价方法",
                    "三、积分分布", "四、榜单分布", "五、领跑企业名单", "六、年度对比", "附录", "指标说明");
            assertThat(text).contains("全区共 9 家科技企业", "58.89", "54.00", "35.50", "+18.50", "南村镇", "大石街道", "企业S1",
                    "各镇街榜单分布", "各类资质企业榜单分布", "高新技术企业", "七、科技信贷与培育成效", "共发放贷款 4 笔，金额 750.00 万元",
                    "科小入库后备", "高企后备");
            // table cells wrap within words: the appendix's names are whole once the line breaks are gone
            assertThat(text.replaceAll("\\s+", "")).contains("研发费用占营业收入比例", "近五年主导或参与制定标准数",
                    "技术创新小计500490470");
            // the contents give each chapter's page, and every page after the cover its number in the footer
            assertThat(text).containsPattern("一、总体情况[ .]*\\d+");
            int pages = document.getNumberOfPages();
            assertThat(pages).isBetween(6, 30);
            assertThat(text).contains("— " + pages + " —").doesNotContain("— 1 —");
            // the document ends with the appendix: the chart fragments' definitions print nothing
            assertThat(text.substring(text.lastIndexOf("附录"))).doesNotContain("未上榜");
        }
    }

    @Test
    void everyFontIsEmbeddedAndTheChartsAreVectorBoxes() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            int rectangles = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    fonts.add(f.getName());
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                }
                rectangles += count(page, "f");
            }
            assertThat(fonts).isNotEmpty().allMatch(n -> n.contains("WenQuanYi"));
            // the bars of the distribution and tier charts, filled paths: well over one per bar
            assertThat(rectangles).isGreaterThan(30);
        }
    }

    @Test
    void twoPagesLookRight() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve("whitepaper-small-district.pdf"), pdf);
            String[] names = {"whitepaper-cover", "whitepaper-contents", "whitepaper-overview", "whitepaper-method", "whitepaper-tiers",
                    "whitepaper-outcomes"};
            int[] pages = {0, 1, WhitePaperPages.pageWith(document, "各发展阶段概况"), WhitePaperPages.pageWith(document, "各阶段权重"),
                    WhitePaperPages.pageWith(document, "各镇街榜单分布"), WhitePaperPages.pageWith(document, "共发放贷款")};
            for (int i = 0; i < names.length; i++) {
                // A4 at 110 dpi: 909 pixels wide
                assertThat(WhitePaperPages.draw(document, pages[i], 110, dir, names[i]).getWidth()).isEqualTo(909);
            }
        }
    }

    @Test
    void withoutACjkFontThereIsAChineseMessageAndNoCrash() {
        PdfFont missing = new PdfFont("no-such-folder/no-such-font.ttc");
        PdfFont unset = new PdfFont(" ");

        assertThat(missing.available()).isFalse();
        assertThat(unset.available()).isFalse();
        assertThat(missing.missingMessage()).contains("未找到中文字体", "no-such-font.ttc", "fonts-wqy-microhei", "points.pdf.font");
        assertThat(unset.missingMessage()).contains("未配置");
    }

    private static int count(PDPage page, String operator) throws IOException {
        int n = 0;
        PDFStreamParser parser = new PDFStreamParser(page);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator o && o.getName().equals(operator)) {
                n++;
            }
        }
        return n;
    }

    /** The font the platform is configured with (application.yaml), as a deployment would use it. */
    static String configuredFont() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties p = yaml.getObject();
        return p.getProperty("points.pdf.font");
    }

    /** The platform's templates as Spring Boot resolves them, with #fmt (the document uses no messages or links). */
    static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new NumberDialect());
        return engine;
    }
}
