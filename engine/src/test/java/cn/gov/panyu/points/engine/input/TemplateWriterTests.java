package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.xlsx.StreamingXlsx;

class TemplateWriterTests {

    private static byte[] template;

    @BeforeAll
    static void write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TemplateWriter.writeXlsxTemplate(out);
        template = out.toByteArray();
    }

    @Test
    void everyHeaderResolvesToItsField() throws IOException {
        List<String> headers = rows(0).get(0);
        assertThat(headers).hasSize(InputField.values().length);
        for (int i = 0; i < headers.size(); i++) {
            InputField f = InputField.values()[i];
            assertThat(InputField.forHeader(headers.get(i))).as(headers.get(i)).isEqualTo(f);
            assertThat(headers.get(i)).startsWith(f.label()).endsWith(f.required() ? "*" : "");
        }
        assertThat(headers).contains("本年营业收入（万元）*", "职工总数（人）*", "成立日期（yyyy-MM-dd）*", "近三年双创大赛获奖（0/1）");
    }

    @Test
    void theGuideExplainsEveryColumn() throws IOException {
        List<List<String>> guide = rows(1);
        for (InputField f : InputField.values()) {
            assertThat(guide).as(f.key()).anySatisfy(row -> {
                assertThat(row.get(0)).isEqualTo(TemplateWriter.header(f));
                assertThat(row.get(1)).isEqualTo(f.key());
                assertThat(row.get(3)).isEqualTo(f.required() ? "是" : "否");
                assertThat(row.get(4)).isNotBlank();
            });
        }
        assertThat(guide).anySatisfy(row -> assertThat(row).anySatisfy(cell -> assertThat(cell).contains("石碁镇")));
    }

    @Test
    void aStreamingReaderSeesEveryHeaderAndEveryGuideRow() throws IOException {
        assertThat(StreamingXlsx.rows(template, 0)).isEqualTo(rows(0));
        assertThat(StreamingXlsx.rows(template, 1)).hasSameSizeAs(rows(1));
    }

    @Test
    void theEmptyTemplateReadsAsAFileWithoutDataRows() {
        ReadResult r = RecordReader.read(template, Fixtures.RULES, ProgressListener.NONE);
        assertThat(r.violations()).singleElement()
                .satisfies(v -> assertThat(v.ruleZh()).isEqualTo("没有数据行（只有表头）"));
    }

    /**
     * With the pre-assessment's columns, the same file serves {@code evaluate} and {@code cultivation}: each
     * extra header resolves to its cultivation column, the guide explains it, and the cultivation reader
     * reads a filled row of it.
     */
    @Test
    void theCultivationTemplateAddsEveryPreAssessmentColumnAfterTheScoringInput() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TemplateWriter.writeXlsxTemplate(out, true);
        byte[] bytes = out.toByteArray();
        List<String> headers = StreamingXlsx.rows(bytes, 0).get(0);
        int n = InputField.values().length;
        assertThat(headers).hasSize(n + CultivationField.values().length);
        for (CultivationField f : CultivationField.values()) {
            String h = headers.get(n + f.ordinal());
            assertThat(CultivationField.forHeader(h)).as(h).isEqualTo(f);
            assertThat(InputField.forHeader(h)).as(h).isNull();
        }
        assertThat(headers).contains("科技人员数（人）", "上年研发费用（万元）", "研究开发组织管理水平自评分（分）");
        assertThat(StreamingXlsx.rows(bytes, 1)).filteredOn(row -> row.size() > 4 && row.get(1).equals("self_rd_management"))
                .singleElement().satisfies(row -> assertThat(row.get(4)).startsWith("仅用于高企/科小预评：").endsWith("；不超过 20"));
    }

    private static List<List<String>> rows(int sheet) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            Sheet s = wb.getSheet(sheet).orElseThrow();
            assertThat(s.getName()).isEqualTo(sheet == 0 ? TemplateWriter.DATA_SHEET : TemplateWriter.GUIDE_SHEET);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : s.read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCell(c) == null ? "" : row.getCell(c).getText());
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
