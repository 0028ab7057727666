package cn.gov.panyu.points.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.gov.panyu.points.engine.cli.PointsCliTests.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code points cultivation} as a user runs it: the result columns, the explanation, refused input. */
class CultivationCliTests {

    /** Cultivation columns, some with Chinese headers (either is accepted, as for the scoring input). */
    private static final String EXTRA_HEADER = "total_assets,负债总额,total_cost_expense,科技人员数(人),rd_expense_y1,rd_expense_y2,"
            + "tech_conversions_y0,tech_conversions_y1,tech_conversions_y2,main_ip_class1,main_ip_class2,net_assets_y1,net_assets_y2,"
            + "self_rd_management";

    @TempDir
    Path dir;

    /** The first two rows of the sample, the first with every cultivation figure, the second with none. */
    private Path input(String firstRowExtra) throws IOException {
        List<String> sample;
        try (InputStream in = getClass().getResourceAsStream("/examples/sample-240.csv")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String csv = sample.get(0) + "," + EXTRA_HEADER + "\n"
                + sample.get(1) + "," + firstRowExtra + "\n"
                + sample.get(2) + ",,,,,,,,,,,,,,\n";
        Path p = dir.resolve("cultivation.csv");
        Files.writeString(p, csv, StandardCharsets.UTF_8);
        return p;
    }

    private Path valid() throws IOException {
        return input("200,80,110,2,5,4,1,1,1,0,0,100,90,");
    }

    /**
     * Row 1 (91440113TPAGEHRRE7, a 高企 certificate holder): 2 of 4 staff S&T (20), R&D 5.01 of sales 116.03
     * = 4.3 % (30; of cost 110 only 4.6 %), no IP tied to the main products (0): 50 points, but the
     * certificate is a direct route. 高企: no IP, R&D 14.01 / 342.85 = 4.1 % < 5 %, high-tech revenue 52 %;
     * capability IP 0, conversion 1–6, management 0–20, growth of net assets 15.6 % (5–6) and of sales
     * 4.5 % (1–2): 7–34, which fails too. Row 2 has no cultivation data at all.
     */
    @Test
    void writesOneRowPerEnterpriseInTheContractColumns() throws IOException {
        Path out = dir.resolve("pre.csv");
        PointsCliTests.Run r = run("cultivation", "--data", valid().toString(), "--out", out.toString(), "--year", "2025");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("已预评估 2 家企业（年度 2025）");
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv.substring(1).lines().toList()).containsExactly(
                "uscc,tsme_staff,tsme_rd,tsme_ip,tsme_total,tsme_result,hte_result,hte_capability_min,hte_capability_max,hte_failed_conditions",
                "91440113TPAGEHRRE7,20,30,0,50,DIRECT_PASS,FAIL,7,34,IP_OWNED;RD_RATIO;HITECH_REVENUE;CAPABILITY",
                "91440113PB4CYW7KQT,,,,,MISSING_DATA,MISSING_DATA,,,");
    }

    @Test
    void theExplanationGivesEachConditionWithFigureThresholdAndSource() throws IOException {
        Path out = dir.resolve("pre.csv");
        Path explain = dir.resolve("why.csv");
        PointsCliTests.Run r = run("cultivation", "--data", valid().toString(), "--out", out.toString(), "--year", "2025",
                "--explain", explain.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readString(explain, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("uscc,评价,代码,条件,结果,企业数值,要求,数据来源,差距");
        assertThat(lines).contains("91440113TPAGEHRRE7,高新技术企业,HITECH_REVENUE,高新技术产品（服务）收入占比,不符合,52 %（60.3 / 116.03 万元）,"
                + "≥ 60 %,高新技术产品(服务)收入(hitech_revenue)、本年营业收入(revenue_y0),高新技术产品（服务）收入还差约 9.32 万元 可达 60 %");
        assertThat(lines).anyMatch(l -> l.startsWith("91440113PB4CYW7KQT,科技型中小企业,ASSETS_LIMIT,资产总额,数据缺失,"));
    }

    @Test
    void badInputIsRefusedByRowAndColumnAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("pre.csv");
        // S&T staff 5 of 4 employees; a score of 21 where 20 is the most; a count that is text
        PointsCliTests.Run r = run("cultivation", "--data", input("200,80,110,5,5,4,x,1,1,0,0,100,90,21").toString(),
                "--out", out.toString(), "--year", "2025");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(out).doesNotExist();
        assertThat(r.err()).contains("输入文件有 3 处错误")
                .contains("第 2 行，列「科技人员数(st_staff)」，值「5」：不得大于职工总数（职工总数为 4）")
                .contains("第 2 行，列「本年科技成果转化数(tech_conversions_y0)」，值「x」：应为非负整数")
                .contains("第 2 行，列「研究开发组织管理水平自评分(self_rd_management)」，值「21」：应为 0–20 的整数")
                .contains("row 2, column st_staff");
    }

    @Test
    void scoringInputProblemsAreReportedAsForEvaluate() throws IOException {
        Path data = valid();
        Files.writeString(data, Files.readString(data).replace("116.03", "abc"));
        PointsCliTests.Run r = run("cultivation", "--data", data.toString(), "--out", dir.resolve("pre.csv").toString(),
                "--year", "2025");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("第 2 行，列「本年营业收入(revenue_y0)」");
    }

    @Test
    void evaluateKeepsItsContractAndRefusesTheCultivationColumns() throws IOException {
        PointsCliTests.Run r = run("evaluate", "--data", valid().toString(), "--out", dir.resolve("s.csv").toString(),
                "--year", "2025");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("未知的列名");
    }

    @Test
    void aRepeatedCultivationColumnIsRefused() throws IOException {
        Path data = valid();
        List<String> lines = Files.readAllLines(data);
        String csv = lines.get(0) + ",资产总额\n" + lines.get(1) + ",1\n" + lines.get(2) + ",\n";
        Files.writeString(data, csv);
        PointsCliTests.Run r = run("cultivation", "--data", data.toString(), "--out", dir.resolve("pre.csv").toString(),
                "--year", "2025");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("都表示 资产总额(total_assets)");
    }

    @Test
    void aMissingFileIsRefused() {
        PointsCliTests.Run r = run("cultivation", "--data", dir.resolve("none.csv").toString(), "--out",
                dir.resolve("pre.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("找不到数据文件");
    }

    /**
     * The generator's optional columns are valid input for the pre-assessment and spread over its
     * outcomes, and they leave the scoring columns byte for byte as without them.
     */
    @Test
    void generatedCultivationDataIsValidAndKeepsTheScoringColumns() throws IOException {
        Path plain = dir.resolve("plain.csv");
        Path full = dir.resolve("full.csv");
        assertThat(run("generate", "--count", "3000", "--seed", "7", "--year", "2025", "--out", plain.toString()).exit()).isZero();
        assertThat(run("generate", "--count", "3000", "--seed", "7", "--year", "2025", "--cultivation", "--out", full.toString())
                .exit()).isZero();
        List<String> plainLines = Files.readAllLines(plain);
        List<String> fullLines = Files.readAllLines(full);
        assertThat(fullLines).hasSameSizeAs(plainLines);
        for (int i = 0; i < plainLines.size(); i++) {
            assertThat(fullLines.get(i)).startsWith(plainLines.get(i) + ",");
        }

        Path out = dir.resolve("pre.csv");
        PointsCliTests.Run r = run("cultivation", "--data", full.toString(), "--out", out.toString(), "--year", "2025");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out).subList(1, 3001);
        for (String outcome : List.of(",PASS,", ",FAIL,", ",DIRECT_PASS,", ",NOT_ELIGIBLE,", ",MISSING_DATA,")) {
            assertThat(rows).as("科小 " + outcome).anyMatch(l -> l.split(",", -1)[5].equals(outcome.replace(",", "")));
        }
        for (String outcome : List.of("FAIL", "UNDECIDED", "MISSING_DATA")) {
            assertThat(rows).as("高企 " + outcome).anyMatch(l -> l.split(",", -1)[6].equals(outcome));
        }
    }
}
