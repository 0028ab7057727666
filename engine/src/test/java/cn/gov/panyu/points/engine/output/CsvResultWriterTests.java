package cn.gov.panyu.points.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Rounding;
import cn.gov.panyu.points.engine.scoring.Scorer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Names are copied into the result as their stored bytes; only a name that needs quoting or neutralising
 * takes the String path. Whichever path a name takes, a spreadsheet must read back the neutralised name,
 * and the row must keep its columns.
 */
class CsvResultWriterTests {

    private static final ScoreModel MODEL = ModelLoader.defaultModel();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void namesThatNeedEscapingAreWrittenAsTheStringPathWritesThem() throws IOException {
        List<String> names = List.of("=HYPERLINK(\"x\")", "甲,乙公司", "\"引号\"公司", "+86公司", "-减号公司", "@公司",
                "广州美亿诺高分子材料股份有限公司", "一行\n两行公司", "\t制表公司", "\r回车公司", "A&B(广州)有限公司",
                "公司=股份", "😀表情公司");
        Evaluation e = Scorer.score(MODEL, firms(names));
        byte[] csv = write(e);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);

        List<List<String>> rows = parse(text);
        assertThat(rows).hasSize(1 + names.size());
        assertThat(rows.get(0)).containsExactlyElementsOf(ResultColumns.header(MODEL));
        for (int i = 0; i < names.size(); i++) {
            List<String> row = rows.get(1 + i);
            assertThat(row).as("row of %s", names.get(i)).hasSize(ResultColumns.header(MODEL).size());
            assertThat(row.get(0)).isEqualTo(e.columns().uscc(i));
            assertThat(row.get(1)).isEqualTo(SpreadsheetText.neutralise(names.get(i)));
            // the columns after the name are where they belong
            assertThat(row.get(2)).isEqualTo(e.stage(i).name());
            assertThat(row.get(6)).isEqualTo(Rounding.format(e.totalCents(i)));
        }

        // the exact bytes, worked out by hand: neutralised with an apostrophe, quoted by RFC 4180
        assertThat(text).contains(",\"'=HYPERLINK(\"\"x\"\")\",", ",\"甲,乙公司\",", ",\"\"\"引号\"\"公司\",",
                ",'+86公司,", ",'-减号公司,", ",'@公司,", ",\"一行\n两行公司\",", ",'\t制表公司,", ",\"'\r回车公司\",");
        // ordinary names unchanged and unquoted
        for (String ordinary : List.of("广州美亿诺高分子材料股份有限公司", "A&B(广州)有限公司", "公司=股份", "😀表情公司")) {
            assertThat(text).contains("," + ordinary + ",").doesNotContain("\"" + ordinary + "\"")
                    .doesNotContain("'" + ordinary);
        }
    }

    @Test
    void escapingStaysRightAcrossBlocksAndReusedBuffers() throws IOException {
        // enough rows for several 16 384-row blocks, so that buffers already written are formatted into again;
        // long and short names alternate, so that a reused buffer holds stale bytes beyond the new rows
        List<String> names = new ArrayList<>();
        String[] kinds = {"=公式%d", "公司,%d", "\"%d\"", "普通企业名称很长很长很长很长很长很长很长很长很长很长很长很长%d", "短%d", "-%d", "A%d"};
        for (int k = 0; k < 70_000; k++) {
            names.add(String.format(kinds[k % kinds.length], k));
        }
        Evaluation e = Scorer.score(MODEL, firms(names));
        byte[] csv = write(e);
        assertThat(csv).startsWith(BOM);

        List<List<String>> rows = parse(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        assertThat(rows).hasSize(1 + names.size());
        int columns = ResultColumns.header(MODEL).size();
        for (int i = 0; i < names.size(); i++) {
            List<String> row = rows.get(1 + i);
            if (row.size() != columns || !row.get(0).equals(e.columns().uscc(i))
                    || !row.get(1).equals(SpreadsheetText.neutralise(names.get(i)))) {
                assertThat(row).as("row %d", i + 1).hasSize(columns);
                assertThat(row.get(0)).as("row %d", i + 1).isEqualTo(e.columns().uscc(i));
                assertThat(row.get(1)).as("row %d", i + 1).isEqualTo(SpreadsheetText.neutralise(names.get(i)));
            }
        }
    }

    @Test
    void theParserOfTheseTestsReadsRfc4180() {
        assertThat(parse("a,\"b,\"\"c\"\"\",\n\"x\ny\",'z\n")).containsExactly(List.of("a", "b,\"c\"", ""),
                List.of("x\ny", "'z"));
    }

    private static List<EnterpriseRecord> firms(List<String> names) {
        List<EnterpriseRecord> firms = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            firms.add(EnterpriseRecord.builder(String.format("U%017d", k)).name(names.get(k)).town("市桥街道")
                    .industry(k % 2 == 0 ? "C36" : "C38").established(LocalDate.of(2015, 1, 1))
                    .set(InputField.EMPLOYEES, 10 + k % 50).set(InputField.REVENUE_Y0, 100.0 * (k % 300))
                    .set(InputField.RD_EXPENSE, k % 17).set(InputField.RD_STAFF, k % 9)
                    .set(InputField.TAX_PAID, k % 13 * 2.5).build());
        }
        return firms;
    }

    private static byte[] write(Evaluation e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvResultWriter.write(e, out);
        return out.toByteArray();
    }

    /** RFC 4180, strictly: a quote inside an unquoted field, or text after a closing quote, is an error. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unclosed quote");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
            } else {
                while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                    char c = text.charAt(i++);
                    if (c == '"' || c == '\r') {
                        throw new IllegalArgumentException("unescaped " + (int) c + " at " + (i - 1));
                    }
                    field.append(c);
                }
            }
            row.add(field.toString());
            field.setLength(0);
            if (i < text.length() && text.charAt(i) == '\n') {
                rows.add(row);
                row = new ArrayList<>();
            }
            i++;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }
}
