package cn.gov.panyu.points.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.gov.panyu.points.engine.cli.PointsCliTests.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The calibration commands as an analyst runs them: output lines, exit codes and the messages of bad input. */
class CalibrationCliTests {

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** The 4×3 matrix of ObjectiveWeightsTests, with a BOM and a final newline as Excel writes it. */
    Path data() throws IOException {
        return file("data.csv", "\uFEFFa,b,c\n1,2,0\n2,2,1\n3,2,1\n4,6,2\n");
    }

    @Test
    void entropyPrintsOneLinePerCriterionInHeaderOrder() throws IOException {
        PointsCliTests.Run r = run("weights", "--method", "entropy", "--data", data().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // numpy, printed with '%.10f': the same matrix as ObjectiveWeightsTests
        assertThat(r.out().lines()).containsExactly("a,0.1783350693", "b,0.2409983893", "c,0.5806665415");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void entropyWithMinMaxAndCriticWithACostCriterion() throws IOException {
        PointsCliTests.Run m = run("weights", "--method", "entropy", "--normalise", "minmax", "--data", data().toString());
        assertThat(m.exit()).as(m.err()).isZero();
        assertThat(m.out().lines()).hasSize(3).first().asString().startsWith("a,0.177862");
        Path critic = file("critic.csv", "a,b,c\n1,2,5\n2,2,1\n3,4,1\n4,6,2\n");
        PointsCliTests.Run c = run("weights", "--method", "critic", "--data", critic.toString(), "--cost", "c");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out().lines()).hasSize(3);
        assertThat(c.out().lines().toList().get(0)).startsWith("a,0.182055");
        assertThat(c.out().lines().toList().get(2)).startsWith("c,0.481754");
    }

    @Test
    void aZeroColumnIsNotedOnStandardErrorOnly() throws IOException {
        Path p = file("zero.csv", "a,b\n1,0\n2,0\n");
        PointsCliTests.Run r = run("weights", "--method", "entropy", "--data", p.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly("a,1.0000000000", "b,0.0000000000");
        assertThat(r.err()).contains("「b」").contains("权重记为 0");
    }

    @Test
    void aNegativeValueIsNamedByRowAndColumn() throws IOException {
        Path p = file("negative.csv", "a,b\n1,2\n2,-3\n");
        PointsCliTests.Run r = run("weights", "--method", "entropy", "--data", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("第 3 行，列「b」，值「-3」").contains("不能为负").contains("row 3, column b")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void everyCellThatIsNotANumberIsListed() throws IOException {
        Path p = file("text.csv", "a,b\n1,x\n,2\n1e5,3\n1,2,3\n");
        PointsCliTests.Run r = run("weights", "--method", "critic", "--data", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("4 处错误")
                .contains("第 2 行，列「b」，值「x」：不是数字")
                .contains("第 3 行，列「a」，值「」：缺少数值")
                .contains("第 4 行，列「a」，值「1e5」：不是数字")
                .contains("第 5 行：应有 2 个数，实际有 3 个");
    }

    @Test
    void badOptionsAndMissingFilesExitTwo() throws IOException {
        assertThat(run("weights", "--method", "topsis", "--data", data().toString()).err()).contains("entropy 或 critic");
        assertThat(run("weights", "--method", "entropy", "--normalise", "z", "--data", data().toString()).exit()).isEqualTo(2);
        PointsCliTests.Run cost = run("weights", "--method", "entropy", "--cost", "a", "--data", data().toString());
        assertThat(cost.exit()).isEqualTo(2);
        assertThat(cost.err()).contains("极差");
        PointsCliTests.Run unknown = run("weights", "--method", "critic", "--cost", "zz", "--data", data().toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("「zz」");
        PointsCliTests.Run missing = run("weights", "--method", "critic", "--data", dir.resolve("none.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("找不到文件");
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, "指标,b\n1,2\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(run("weights", "--method", "critic", "--data", gbk.toString()).err()).contains("不是 UTF-8");
    }

    @Test
    void ahpPrintsWeightsLambdaCiAndCrAndExitsZeroWhenConsistent() throws IOException {
        Path p = file("ahp.csv", "1,3,5\n1/3,1,3\n0.2,0.333333,1\n");
        PointsCliTests.Run r = run("ahp", "--matrix", p.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // numpy: w = 0.63698557 0.25828499 0.10472943, λ 3.03851109, CI 0.01925555, CR 0.03319922
        // (0.333333 for 1/3 moves them by less than 1e-6)
        List<String> lines = r.out().lines().toList();
        assertThat(lines).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly("1", "2", "3", "lambda_max", "CI", "CR");
        double[] expected = {0.63698557, 0.25828499, 0.10472943, 3.03851109, 0.01925555, 0.03319922};
        for (int k = 0; k < expected.length; k++) {
            String value = lines.get(k).substring(lines.get(k).indexOf(',') + 1);
            assertThat(value).matches("\\d\\.\\d{10}");
            assertThat(Double.parseDouble(value)).isCloseTo(expected[k], within(1e-6));
        }
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anInconsistentMatrixStillPrintsItsFiguresExitsTwoAndNamesTheWorstJudgements() throws IOException {
        Path p = file("bad.csv", "1,2,4,1/8\n1/2,1,2,4\n1/4,1/2,1,2\n8,1/4,1/2,1\n");
        PointsCliTests.Run r = run("ahp", "--matrix", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).hasSize(7).contains("CR,1.0128324450");
        assertThat(r.err()).contains("CR = 1.0128").contains("第 1 行第 4 列：判断值 1/8，而由权重推算约为 0.66");
    }

    @Test
    void aMatrixThatIsNotSquarePositiveAndReciprocalIsRefusedWithoutFigures() throws IOException {
        PointsCliTests.Run notSquare = run("ahp", "--matrix", file("a.csv", "1,2,3\n1/2,1,2\n").toString());
        assertThat(notSquare.exit()).isEqualTo(2);
        assertThat(notSquare.out()).isEmpty();
        assertThat(notSquare.err()).contains("方阵");
        PointsCliTests.Run ragged = run("ahp", "--matrix", file("b.csv", "1,2\n1/2\n").toString());
        assertThat(ragged.exit()).isEqualTo(2);
        assertThat(ragged.err()).contains("第 2 行：应有 2 个数，实际有 1 个");
        PointsCliTests.Run negative = run("ahp", "--matrix", file("c.csv", "1,-2\n1/2,1\n").toString());
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("第 1 行，列「2」，值「-2」：不是正数或分数");
        PointsCliTests.Run zero = run("ahp", "--matrix", file("d.csv", "1,0\n1/2,1\n").toString());
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("第 1 行，列「2」，值「0」：判断值须为正数");
        PointsCliTests.Run notReciprocal = run("ahp", "--matrix", file("e.csv", "1,3,5\n1/2,1,3\n1/5,1/3,1\n").toString());
        assertThat(notReciprocal.exit()).isEqualTo(2);
        assertThat(notReciprocal.out()).isEmpty();
        assertThat(notReciprocal.err()).contains("第 2 行，列「1」，值「0.5」：判断矩阵须互反").doesNotContain("Exception");
    }

    @Test
    void correlatePrintsSpearmanAndKendall() throws IOException {
        Path p = file("xy.csv", "x,y\n1,2\n2,1\n2,3\n3,3\n4,5\n");
        PointsCliTests.Run r = run("correlate", "--data", p.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // ρ = 7.25 / 9.5, τ-b = 6/9 (worked in RankCorrelationTests)
        assertThat(r.out().lines()).containsExactly("spearman,0.7631578947", "kendall_tau_b,0.6666666667");
    }

    @Test
    void correlateRefusesAnotherHeaderAndAConstantColumn() throws IOException {
        PointsCliTests.Run header = run("correlate", "--data", file("h.csv", "a,b\n1,2\n2,3\n").toString());
        assertThat(header.exit()).isEqualTo(2);
        assertThat(header.err()).contains("表头应为 x,y");
        PointsCliTests.Run constant = run("correlate", "--data", file("k.csv", "x,y\n1,2\n1,3\n").toString());
        assertThat(constant.exit()).isEqualTo(2);
        assertThat(constant.out()).isEmpty();
        assertThat(constant.err()).contains("列「x」").contains("全部相同");
    }

    @Test
    void theHelpListsTheCalibrationCommands() {
        PointsCliTests.Run r = run("--help");
        assertThat(r.out()).contains("weights").contains("ahp").contains("correlate");
        assertThat(run("ahp", "--help").out()).contains("--matrix").contains("CR");
    }
}
