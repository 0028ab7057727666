package cn.gov.panyu.points.engine.cli;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.gov.panyu.points.engine.xlsx.StreamingXlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as a user runs it: exit codes, messages, files written or not written. */
class PointsCliTests {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PointsCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    Path sample() throws IOException {
        Path p = dir.resolve("sample.csv");
        try (InputStream in = getClass().getResourceAsStream("/examples/sample-240.csv")) {
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    List<String> expected() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/examples/expected-240.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void evaluateWritesTheSpecColumnsAndExitsZero() throws IOException {
        Path out = dir.resolve("scores.csv");
        Run r = run("evaluate", "--data", sample().toString(), "--out", out.toString(), "--year", "2025");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("已评价 240 家企业").contains("panyu-2025@2025.1").contains("SHA-256");
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv.substring(1).lines().toList()).containsExactlyElementsOf(expected());
    }

    @Test
    void evaluateWritesXlsxWithNumbersAndAProvenanceSheet() throws IOException {
        Path out = dir.resolve("scores.xlsx");
        Run r = run("evaluate", "--data", sample().toString(), "--out", out.toString(), "--year", "2025");
        assertThat(r.exit()).as(r.err()).isZero();
        try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile())) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("评价结果", "说明");
            List<Row> rows;
            try (Stream<Row> s = sheets.get(0).openStream()) {
                rows = s.toList();
            }
            assertThat(rows).hasSize(241);
            String[] first = expected().get(1).split(",", -1);
            assertThat(rows.get(1).getCellText(0)).isEqualTo(first[0]);
            assertThat(rows.get(1).getCellAsNumber(6).orElseThrow()).isEqualByComparingTo(first[6]);
            List<Row> notes;
            try (Stream<Row> s = sheets.get(1).openStream()) {
                notes = s.toList();
            }
            assertThat(notes).anySatisfy(row -> assertThat(row.getCellText(0)).isEqualTo("输入文件 SHA-256"));
        }
    }

    /** Spec §7's codes as the XLSX shows them to people. */
    private static final Map<String, String> CHINESE = Map.of("STARTUP", "初创期", "GROWTH", "成长期", "MATURE", "稳定期",
            "LEAD", "领跑", "RUN", "竞跑", "RISE", "进取", "true", "是", "false", "否", "", "");

    @Test
    void theXlsxHasTheCsvRowsUnderChineseTitlesWithChineseValuesForCodes() throws IOException {
        Path out = dir.resolve("scores.xlsx");
        Run r = run("evaluate", "--data", sample().toString(), "--out", out.toString(), "--year", "2025");
        assertThat(r.exit()).as(r.err()).isZero();

        // read as a streaming reader does, which trusts the sheet's declared dimension
        List<List<String>> rows = StreamingXlsx.rows(Files.readAllBytes(out), 0);
        List<String> csv = expected();
        assertThat(rows).hasSize(csv.size());
        assertThat(rows.get(0)).startsWith("统一社会信用代码", "企业名称", "发展阶段", "核心指标得分", "加分", "扣分",
                "创新积分总分", "阶段内排名", "榜单", "参与排名");
        assertThat(rows.get(0)).hasSize(csv.get(0).split(",").length).noneMatch(title -> title.matches("[A-Za-z0-9_ ]+"));
        for (int i = 1; i < csv.size(); i++) {
            String[] expected = csv.get(i).split(",", -1);
            List<String> row = rows.get(i);
            for (int c = 0; c < expected.length; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                String where = "row " + i + " column " + csv.get(0).split(",")[c];
                switch (c) {
                    case 2, 8, 9 -> assertThat(cell).as(where).isEqualTo(CHINESE.get(expected[c]));
                    case 0, 1 -> assertThat(cell).as(where).isEqualTo(expected[c]);
                    default -> {
                        if (expected[c].isEmpty()) {
                            assertThat(cell).as(where).isEmpty();
                        } else {
                            assertThat(new BigDecimal(cell)).as(where).isEqualByComparingTo(expected[c]);
                        }
                    }
                }
            }
        }
        List<List<String>> notes = StreamingXlsx.rows(Files.readAllBytes(out), 1);
        assertThat(notes).anySatisfy(row -> assertThat(row).startsWith("发展阶段", "初创期 / 成长期 / 稳定期", "stage"));
    }

    @Test
    void invalidInputListsEveryProblemWritesNothingAndExitsTwo() throws IOException {
        List<String> lines = Files.readAllLines(sample(), StandardCharsets.UTF_8);
        String bad1 = lines.get(1).replaceFirst("^91440113TPAGEHRRE7", "91440113TPAGEHRRE8");
        String bad2 = lines.get(2).replace(",小谷围街道,", ",天河区,");
        Path data = dir.resolve("bad.csv");
        Files.write(data, List.of(lines.get(0), bad1, bad2, lines.get(3)), StandardCharsets.UTF_8);
        Path out = dir.resolve("never.csv");
        Run r = run("evaluate", "--data", data.toString(), "--out", out.toString(), "--year", "2025");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("第 2 行").contains("uscc").contains("第 3 行").contains("天河区")
                .contains("row 2").doesNotContain("Exception");
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void formulaLikeNamesAreNeutralisedInTheOutput() throws IOException {
        List<String> lines = Files.readAllLines(sample(), StandardCharsets.UTF_8);
        String evil = lines.get(1).replace("广州博睿鼎新生物科技有限公司", "=HYPERLINK(\"http://x\";\"点我\")");
        Path data = dir.resolve("evil.csv");
        Files.write(data, List.of(lines.get(0), evil.replace("=HYPERLINK(\"http://x\";\"点我\")",
                "\"=HYPERLINK(\"\"http://x\"\";\"\"点我\"\")\"")), StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        Run r = run("evaluate", "--data", data.toString(), "--out", out.toString(), "--year", "2025");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains(",\"'=HYPERLINK(\"\"http://x\"\";\"\"点我\"\")\",");
        Path xlsx = dir.resolve("out.xlsx");
        assertThat(run("evaluate", "--data", data.toString(), "--out", xlsx.toString(), "--year", "2025").exit()).isZero();
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile()); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            assertThat(rows.skip(1).findFirst().orElseThrow().getCellText(1)).startsWith("'=");
        }
    }

    @Test
    void missingFilesAndBadOptionsAreUsageErrors() throws IOException {
        assertThat(run("evaluate", "--data", dir.resolve("nope.csv").toString(), "--out", "x.csv").err())
                .contains("找不到数据文件");
        assertThat(run("evaluate", "--data", sample().toString()).exit()).isEqualTo(2);
        Run fmt = run("evaluate", "--data", sample().toString(), "--out", dir.resolve("o.txt").toString(), "--format", "pdf");
        assertThat(fmt.exit()).isEqualTo(2);
        assertThat(fmt.err()).contains("csv 或 xlsx");
    }

    @Test
    void evaluateAcceptsAnotherModelFile() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/models/panyu-2025.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path model = dir.resolve("no-bonus.yaml");
        Files.writeString(model, text.replace("id: panyu-2025", "id: no-bonus").replace("cap: 100", "cap: 0"));
        Path out = dir.resolve("o.csv");
        Run r = run("evaluate", "--data", sample().toString(), "--out", out.toString(), "--model", model.toString(), "--year", "2025");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("no-bonus@2025.1");
        assertThat(Files.readAllLines(out).get(2)).contains(",STARTUP,465.45,0.00,0.00,465.45,");
    }

    @Test
    void validateModelAcceptsTheDefaultAndListsEveryProblemOfABrokenOne() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/models/panyu-2025.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, text);
        Run ok = run("validate-model", good.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("模型有效").contains("18 项指标");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, text.replace("MATURE: 90}", "MATURE: 95}").replace("value: rd_staff_ratio", "value: staff_ratio"));
        Run r = run("validate-model", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("2 处问题").contains("权重合计为 1005").contains("staff_ratio");
    }

    @Test
    void generateIsDeterministicForASeedAndItsOutputEvaluates() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertThat(run("generate", "--count", "3000", "--seed", "42", "--year", "2025", "--out", a.toString()).exit()).isZero();
        assertThat(run("generate", "--count", "3000", "--seed", "42", "--year", "2025", "--out", b.toString()).exit()).isZero();
        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
        Path out = dir.resolve("scores.csv");
        Run r = run("evaluate", "--data", a.toString(), "--out", out.toString(), "--year", "2025");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(3001);
        assertThat(run("generate", "--count", "0", "--out", a.toString()).exit()).isEqualTo(2);
        assertThat(run("generate", "--count", "5", "--year", "1800", "--out", a.toString()).err()).contains("--year");
    }

    @Test
    void helpIsBilingual() {
        Run r = run("evaluate", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--data").contains("企业数据文件");
    }

    @Test
    void templateWritesAnExcelFileWhoseHeadersTheReaderAccepts() throws IOException {
        Path template = dir.resolve("模板.xlsx");
        Run r = run("template", "--out", template.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (ReadableWorkbook wb = new ReadableWorkbook(template.toFile()); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            Row header = rows.findFirst().orElseThrow();
            assertThat(header.getCellText(0)).contains("统一社会信用代码");
            for (int c = 0; c < header.getCellCount(); c++) {
                assertThat(cn.gov.panyu.points.engine.input.InputField.forHeader(header.getCellText(c)))
                        .as(header.getCellText(c)).isNotNull();
            }
        }
    }
}
