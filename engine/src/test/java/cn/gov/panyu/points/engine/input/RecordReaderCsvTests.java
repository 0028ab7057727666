package cn.gov.panyu.points.engine.input;

import static cn.gov.panyu.points.engine.input.Fixtures.RULES;
import static cn.gov.panyu.points.engine.input.Fixtures.csv;
import static cn.gov.panyu.points.engine.input.Fixtures.read;
import static cn.gov.panyu.points.engine.input.Fixtures.rules;
import static cn.gov.panyu.points.engine.input.Fixtures.validRow;
import static cn.gov.panyu.points.engine.input.Fixtures.validRowWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderCsvTests {

    private static String sample;
    private static ReadResult sampleResult;

    @BeforeAll
    static void readSample() {
        sample = Fixtures.sampleCsv();
        sampleResult = read(sample);
    }

    @Test
    void readsTheSampleAs240RecordsWithoutViolations() throws Exception {
        assertThat(sampleResult.violations()).isEmpty();
        assertThat(sampleResult.valid()).isTrue();
        assertThat(sampleResult.records()).hasSize(240);
        assertThat(sampleResult.dataRows()).isEqualTo(240);
        assertThat(sampleResult.encoding()).isEqualTo("UTF-8");
        byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
        assertThat(sampleResult.sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));

        // first row: 91440113TPAGEHRRE7,广州博睿鼎新生物科技有限公司,市桥街道,C38,2013-08-25,116.03,120.04,106.78,
        // 6.17,5.85,5.01,4,1,0,0,0,,0.00,60.30,0,0,0,0,0,0,HTE;TSME,
        EnterpriseRecord r = sampleResult.records().get(0);
        assertThat(r.uscc()).isEqualTo("91440113TPAGEHRRE7");
        assertThat(r.name()).isEqualTo("广州博睿鼎新生物科技有限公司");
        assertThat(r.town()).isEqualTo("市桥街道");
        assertThat(r.industry()).isEqualTo("C38");
        assertThat(r.established()).isEqualTo(LocalDate.of(2013, 8, 25));
        assertThat(r.value(InputField.REVENUE_Y0)).isEqualTo(116.03);
        assertThat(r.value(InputField.EMPLOYEES)).isEqualTo(4.0);
        assertThat(r.isMissing(InputField.TECH_CONTRACT)).as("an empty cell is missing, not 0").isTrue();
        assertThat(r.value(InputField.EQUITY_FINANCING_3Y)).isEqualTo(0.0);
        assertThat(r.value(InputField.HITECH_REVENUE)).isEqualTo(60.30);
        assertThat(r.qualifications()).containsExactlyInAnyOrder(Qualification.HTE, Qualification.TSME);
        assertThat(r.negatives()).isEmpty();
    }

    @Test
    void everyNumberIsTheDoubleParseDoubleGives() {
        List<String> lines = Fixtures.sampleLines();
        List<String> keys = Fixtures.keys();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            EnterpriseRecord r = sampleResult.records().get(i - 1);
            for (int c = 0; c < keys.size(); c++) {
                InputField f = InputField.forHeader(keys.get(c));
                if (f.kind().numeric()) {
                    double expected = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
                    assertThat(Double.doubleToRawLongBits(r.value(f))).as("row %d %s", i + 1, f.key())
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
            }
        }
    }

    @Test
    void readsAFileLikeTheBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sample.csv");
        Files.writeString(file, sample);
        ReadResult fromFile = RecordReader.read(file, RULES, ProgressListener.NONE);
        assertThat(fromFile).isEqualTo(sampleResult);
    }

    @Test
    void aMissingFileIsAViolationNotAnException(@TempDir Path dir) {
        ReadResult r = RecordReader.read(dir.resolve("nope.csv"), RULES, ProgressListener.NONE);
        assertThat(r.valid()).isFalse();
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isZero();
            assertThat(v.ruleZh()).startsWith("无法读取文件");
        });
    }

    /**
     * A file that cannot be loaded because the JVM runs out of memory: the reader's first touch of the
     * path (asking for its file system, to open it) throws the OutOfMemoryError.
     */
    private static Path outOfMemoryOnOpen() {
        return (Path) Proxy.newProxyInstance(Path.class.getClassLoader(), new Class<?>[] {Path.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getFileSystem" -> throw new OutOfMemoryError("Java heap space (simulated)");
                    case "toString" -> "huge.csv";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void runningOutOfMemoryIsAnErrorNotAViolation() {
        // an Error leaves the JVM in an unknown state: it must reach the caller, not become a message
        assertThatThrownBy(() -> RecordReader.read(outOfMemoryOnOpen(), RULES, ProgressListener.NONE))
                .isInstanceOf(OutOfMemoryError.class).hasMessageContaining("simulated");
    }

    @Test
    void runningOutOfMemoryWhilePrefetchingIsThrownToTheReader() {
        // the loader thread dies of it; the thread that reads the content gets the Error itself
        RecordReader.Prefetch content = RecordReader.prefetch(outOfMemoryOnOpen());

        assertThatThrownBy(() -> RecordReader.read(content, RULES, ProgressListener.NONE))
                .isInstanceOf(OutOfMemoryError.class).hasMessageContaining("simulated");
    }

    @Test
    void detectsGbkAsSavedByChineseExcel() {
        ReadResult r = read(sample.getBytes(Charset.forName("GBK")));
        assertThat(r.encoding()).isEqualTo("GB18030");
        assertThat(r.violations()).isEmpty();
        assertThat(r.records()).isEqualTo(sampleResult.records());
    }

    @Test
    void detectsGbkEvenWhenTheHeaderIsAscii() {
        // the header is English keys: the first non-UTF-8 bytes come only with the data rows
        Map<String, String> chinese = validRowWith("name", "番禺测试企业");
        chinese.put("uscc", Fixtures.uscc(6));
        String text = csv(List.of(validRow(), chinese, validRowWith("uscc", Fixtures.uscc(7))));
        ReadResult r = read(text.getBytes(Charset.forName("GBK")));
        assertThat(r.encoding()).isEqualTo("GB18030");
        assertThat(r.violations()).isEmpty();
        assertThat(r.records()).extracting(EnterpriseRecord::name).contains("番禺测试企业");
    }

    @Test
    void readsUtf8WithBom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ReadResult r = read(concat(bom, sample.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(r.violations()).isEmpty();
        assertThat(r.records()).isEqualTo(sampleResult.records());
    }

    @Test
    void reportsBytesThatAreNotText() {
        // after a BOM the file is UTF-8 by declaration: stray bytes are the user's problem, shown per cell
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = csv(List.of(validRowWith("name", "XX")));
        byte[] bytes = concat(bom, text.getBytes(StandardCharsets.UTF_8));
        int at = indexOf(bytes, "XX".getBytes(StandardCharsets.UTF_8));
        bytes[at] = (byte) 0xC3; // a lead byte followed by 'X': malformed
        ReadResult r = read(bytes);
        assertThat(rules(r)).containsExactly(
                "2 name contains bytes that are not text in the file's encoding (it should be UTF-8 or GBK)");
    }

    @Test
    void rejectsUtf16WithAClearMessage() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, sample.getBytes(StandardCharsets.UTF_16LE));
        ReadResult r = read(bytes);
        assertThat(r.encoding()).isEqualTo("UTF-16");
        assertThat(r.violations()).singleElement().satisfies(v -> assertThat(v.ruleZh()).contains("UTF-16"));
    }

    @Test
    void acceptsCrlfAndAMissingFinalLineEnd() {
        String crlf = sample.replace("\n", "\r\n");
        assertThat(read(crlf).records()).isEqualTo(sampleResult.records());
        assertThat(read(sample.strip()).records()).isEqualTo(sampleResult.records());
    }

    @Test
    void readsQuotedCellsPerRfc4180() {
        Map<String, String> row = validRow();
        row.put("name", "\"广州\"\"博睿\"\"，鼎新, 有限公司\"");
        row.put("revenue_y0", "\"1,116.03\"");
        row.put("town", "\"市桥街道\"");
        row.put("rd_expense", "\"\"");
        row.put("qualifications", "\"HTE;TSME\"");
        Map<String, String> multiLine = validRowWith("uscc", Fixtures.uscc(1));
        multiLine.put("name", "\"第一行\r\n第二行\"");
        ReadResult r = read(csv(List.of(row, multiLine, validRowWith("uscc", Fixtures.uscc(2)))));
        assertThat(r.violations()).isEmpty();
        EnterpriseRecord first = r.records().get(0);
        assertThat(first.name()).isEqualTo("广州\"博睿\"，鼎新, 有限公司");
        assertThat(first.value(InputField.REVENUE_Y0)).isEqualTo(1116.03);
        assertThat(first.isMissing(InputField.RD_EXPENSE)).isTrue();
        assertThat(first.qualifications()).containsExactlyInAnyOrder(Qualification.HTE, Qualification.TSME);
        assertThat(r.records().get(1).name()).isEqualTo("第一行\r\n第二行");
        assertThat(r.records()).hasSize(3);
    }

    @Test
    void readsAFileAsExcelSavesIt() throws Exception {
        // BOM, CRLF, quotes only where needed, "1,116.03" in quotes, a line break inside a cell, a row of
        // empty cells at the end, 2013/8/25-style dates and a full-width semicolon
        Path file = Path.of(getClass().getResource("/input/excel-saved.csv").toURI());
        ReadResult r = RecordReader.read(file, RULES, ProgressListener.NONE);
        assertThat(r.violations()).isEmpty();
        assertThat(r.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(r.dataRows()).isEqualTo(3);
        assertThat(r.records()).extracting(EnterpriseRecord::name).containsExactly(
                "广州博睿鼎新生物科技有限公司（番禺分公司）", "广州\"灵犀\"番科, 智能科技有限公司", "广州珠光远航\r\n珠宝首饰有限公司");
        EnterpriseRecord first = r.records().get(0);
        assertThat(first.established()).isEqualTo(LocalDate.of(2013, 8, 25));
        assertThat(first.value(InputField.REVENUE_Y0)).isEqualTo(1116.03);
        assertThat(first.value(InputField.NET_PROFIT)).isEqualTo(-6.17);
        EnterpriseRecord third = r.records().get(2);
        assertThat(third.value(InputField.REVENUE_Y2)).isEqualTo(1977.71);
        assertThat(third.qualifications()).containsExactlyInAnyOrder(Qualification.HTE, Qualification.TSME);
    }

    @Test
    void numbersRowsAsExcelDoesWhenACellHoldsALineBreak() {
        Map<String, String> multiLine = validRowWith("name", "\"两行\n名称\"");
        Map<String, String> bad = validRowWith("uscc", Fixtures.uscc(3));
        bad.put("employees", "0");
        ReadResult r = read(csv(List.of(multiLine, bad)));
        assertThat(rules(r)).containsExactly("3 employees must be at least 1");
    }

    @Test
    void reportsBrokenQuotes() {
        Map<String, String> junk = validRowWith("name", "\"广州\"公司");
        Map<String, String> unclosed = validRowWith("uscc", Fixtures.uscc(4));
        unclosed.put("name", "\"未闭合");
        ReadResult r = read(csv(List.of(junk, unclosed)));
        assertThat(rules(r)).containsExactly(
                "2 name has text after its closing quote (a quote inside a cell must be doubled)",
                "3 name has an opening quote that is never closed");
        assertThat(r.records()).isEmpty();
    }

    @Test
    void anEmptyFileIsAViolation() {
        for (String empty : List.of("", "\uFEFF", "\n\n", " , ,\r\n")) {
            ReadResult r = read(empty);
            assertThat(r.valid()).isFalse();
            assertThat(r.violations()).singleElement().satisfies(v -> {
                assertThat(v.row()).isZero();
                assertThat(v.toChinese()).isEqualTo("文件：文件为空");
            });
            assertThat(r.dataRows()).isZero();
        }
    }

    @Test
    void aHeaderOnlyFileIsAViolation() {
        ReadResult r = read(Fixtures.sampleLines().get(0) + "\n\n,,,\n");
        assertThat(r.violations()).singleElement()
                .satisfies(v -> assertThat(v.ruleZh()).isEqualTo("没有数据行（只有表头）"));
        assertThat(r.dataRows()).isZero();
    }

    @Test
    void aMissingRequiredColumnIsNamedAndNoRowIsRead() {
        String text = dropColumn(sample, "employees");
        ReadResult r = read(text);
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isEqualTo(1);
            assertThat(v.column()).isEqualTo("employees");
            assertThat(v.toChinese()).isEqualTo("第 1 行，列「职工总数(employees)」：缺少必填列");
        });
        assertThat(r.records()).isEmpty();
        assertThat(r.dataRows()).isEqualTo(240);
    }

    @Test
    void aMissingOptionalColumnIsMissingData() {
        ReadResult r = read(dropColumn(sample, "tax_paid"));
        assertThat(r.violations()).isEmpty();
        assertThat(r.records()).allSatisfy(e -> assertThat(e.isMissing(InputField.TAX_PAID)).isTrue());
    }

    @Test
    void anUnknownColumnRejectsTheTemplate() {
        String text = sample.replaceFirst("\n", ",备注\n");
        ReadResult r = read(text);
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isEqualTo(1);
            assertThat(v.column()).isEqualTo("AB");
            assertThat(v.value()).isEqualTo("备注");
            assertThat(v.ruleZh()).startsWith("未知的列名");
        });
        assertThat(r.records()).isEmpty();
    }

    @Test
    void aColumnWithABlankHeaderIsIgnored() {
        String text = sample.replace("\n9", ",whatever\n9").replaceFirst(",whatever\n", ",\n");
        ReadResult r = read(text);
        assertThat(r.violations()).isEmpty();
        assertThat(r.records()).isEqualTo(sampleResult.records());
    }

    @Test
    void aRepeatedColumnRejectsTheTemplate() {
        String text = sample.replaceFirst("\n", ",职工总数\n");
        ReadResult r = read(text);
        assertThat(rules(r)).containsExactly("1 AB repeats column L (both are employees)");
    }

    @Test
    void acceptsChineseHeadersInAnyOrder() {
        List<String> lines = Fixtures.sampleLines();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < Fixtures.keys().size(); i++) {
            order.add(i);
        }
        Collections.reverse(order);
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            String[] cells = lines.get(l).split(",", -1);
            List<String> out = new ArrayList<>();
            for (int i : order) {
                out.add(l == 0 ? TemplateWriter.header(InputField.forHeader(cells[i])) : cells[i]);
            }
            sb.append(String.join(",", out)).append('\n');
        }
        ReadResult r = read(sb.toString());
        assertThat(r.violations()).isEmpty();
        assertThat(r.records()).isEqualTo(sampleResult.records());
    }

    @Test
    void skipsBlankRowsButKeepsExcelRowNumbers() {
        Map<String, String> bad = validRowWith("uscc", Fixtures.uscc(5));
        bad.put("town", "天河区");
        String text = csv(List.of(validRow())) + "\n,,,,\n" + csv(List.of(bad)).lines().skip(1).findFirst().orElseThrow() + "\n\n";
        ReadResult r = read(text);
        assertThat(r.dataRows()).isEqualTo(2);
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isEqualTo(5);
            assertThat(v.column()).isEqualTo("town");
        });
    }

    @Test
    void aDuplicateUsccNamesTheFirstRow() {
        Map<String, String> other = validRowWith("name", "另一家公司");
        ReadResult r = read(csv(List.of(validRow(), validRowWith("uscc", Fixtures.uscc(9)), other)));
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isEqualTo(4);
            assertThat(v.column()).isEqualTo("uscc");
            assertThat(v.value()).isEqualTo("91440113TPAGEHRRE7");
            assertThat(v.toChinese()).isEqualTo(
                    "第 4 行，列「统一社会信用代码(uscc)」，值「91440113TPAGEHRRE7」：统一社会信用代码重复，首次出现在第 2 行");
        });
        assertThat(r.records()).extracting(EnterpriseRecord::name).doesNotContain("另一家公司").hasSize(2);
    }

    @Test
    void aDuplicateIsFoundWhicheverWayItsCodeWasRead() {
        // the uniqueness check compares packed halves: row 3 shares only the first half of row 2's code, and
        // row 4 repeats it between full-width blanks, so that it is decoded and trimmed, not read as ASCII
        String code = validRow().get("uscc");
        String first17 = code.substring(0, 9) + "00000000";
        String sharingTheFirstHalf = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        ReadResult r = read(csv(List.of(validRow(), validRowWith("uscc", sharingTheFirstHalf),
                validRowWith("uscc", "\u3000" + code + "\u3000"))));
        assertThat(rules(r)).containsExactly("4 uscc duplicate, first seen in row 2");
        assertThat(r.violations().get(0).value()).isEqualTo(code);
        assertThat(r.records()).extracting(EnterpriseRecord::uscc).containsExactly(code, sharingTheFirstHalf);
    }

    @Test
    void aRowThatBreaksARuleStillClaimsItsUscc() {
        Map<String, String> broken = validRowWith("employees", "0");
        ReadResult r = read(csv(List.of(broken, validRow())));
        assertThat(rules(r)).containsExactly("2 employees must be at least 1", "3 uscc duplicate, first seen in row 2");
        assertThat(r.records()).isEmpty();
    }

    @Test
    void reportsEveryViolationOfTheFile() {
        Map<String, String> many = validRowWith("employees", "abc");
        many.put("town", "天河区");
        many.put("rd_staff", "-1");
        ReadResult r = read(csv(List.of(validRowWith("uscc", Fixtures.uscc(11)), many,
                validRowWith("industry", "Z99"))));
        assertThat(rules(r)).containsExactly(
                "3 town is not an allowed town; allowed: 市桥街道, 沙头街道, 东环街道, 桥南街道, 小谷围街道, 大石街道, 洛浦街道, "
                        + "石壁街道, 钟村街道, 大龙街道, 沙湾街道, 南村镇, 新造镇, 化龙镇, 石楼镇, 石碁镇",
                "3 employees must be a non-negative integer",
                "3 rd_staff must not be negative",
                "4 industry section letter must be A–T (upper case)",
                "4 uscc duplicate, first seen in row 3");
        assertThat(r.records()).hasSize(1);
        assertThat(r.dataRows()).isEqualTo(3);
    }

    @Test
    void listsAtMost10000ViolationsAndCountsTheRest() {
        StringBuilder sb = new StringBuilder(Fixtures.sampleLines().get(0)).append('\n');
        String line = Fixtures.sampleLines().get(1).replace(",市桥街道,", ",天河区,");
        for (int i = 0; i < 12_000; i++) {
            String uscc = Fixtures.uscc(i);
            sb.append(uscc).append(line, line.indexOf(','), line.length()).append('\n');
        }
        ReadResult r = read(sb.toString());
        assertThat(r.violations()).hasSize(RecordReader.MAX_LISTED_VIOLATIONS + 1);
        assertThat(r.violations().get(RecordReader.MAX_LISTED_VIOLATIONS - 1).row()).isEqualTo(10_001);
        Violation last = r.violations().get(RecordReader.MAX_LISTED_VIOLATIONS);
        assertThat(last.row()).isZero();
        assertThat(last.ruleEn()).isEqualTo("2000 more problems not listed (12000 in all, only the first 10000 are)");
        assertThat(r.dataRows()).isEqualTo(12_000);
    }

    @Test
    void readingInParallelChunksGivesTheSameResult() {
        // rows with line breaks inside quotes make the speculative split points fall inside cells
        StringBuilder sb = new StringBuilder(Fixtures.sampleLines().get(0)).append('\n');
        List<String> lines = Fixtures.sampleLines();
        for (int i = 0; i < 3000; i++) {
            String line = lines.get(1 + i % (lines.size() - 1));
            String rest = line.substring(line.indexOf(','));
            String uscc = i % 997 == 5 ? Fixtures.uscc(1) : Fixtures.uscc(i); // duplicates across chunks
            if (i % 3 == 0) {
                String name = rest.substring(1, rest.indexOf(',', 1));
                rest = ",\"" + name + "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n分公司\"" + rest.substring(rest.indexOf(',', 1));
            }
            if (i % 500 == 7) {
                rest = rest.replace(",C", ",X"); // a broken row now and then
            }
            sb.append(uscc).append(rest).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        ReadResult single = RecordReader.finish(CsvReader.read(bytes, RULES, ProgressListener.NONE, 1, 1 << 30), "");
        assertThat(single.violations()).isNotEmpty();
        assertThat(single.records()).hasSizeGreaterThan(2900);
        for (int chunks : new int[] {2, 3, 7}) {
            ReadResult parallel = RecordReader.finish(
                    CsvReader.read(bytes, RULES, ProgressListener.NONE, chunks, 1 << 10), "");
            assertThat(parallel).as("%d chunks", chunks).isEqualTo(single);
        }
    }

    @Test
    void reportsProgressUpToTheTotal() {
        List<long[]> calls = new ArrayList<>();
        AtomicLong last = new AtomicLong();
        RecordReader.read(sample.getBytes(StandardCharsets.UTF_8), RULES, (done, total) -> {
            assertThat(done).isBetween(last.get(), total);
            last.set(done);
            calls.add(new long[] {done, total});
        });
        long size = sample.getBytes(StandardCharsets.UTF_8).length;
        assertThat(calls).last().isEqualTo(new long[] {size, size});
    }

    @Test
    void qualificationsAndNegativesAcceptLabelsAndFullWidthSemicolons() {
        Map<String, String> row = validRowWith("qualifications", "hte；专精特新\"\"小巨人\"\"企业 ; 瞪羚企业;");
        row.put("qualifications", "\"" + row.get("qualifications") + "\"");
        row.put("negatives", "失信被执行人;tax_d");
        EnterpriseRecord r = read(csv(List.of(row))).records().get(0);
        assertThat(r.qualifications()).isEqualTo(EnumSet.of(Qualification.HTE, Qualification.LITTLE_GIANT, Qualification.GAZELLE));
        assertThat(r.negatives()).isEqualTo(EnumSet.of(Negative.DISHONEST, Negative.TAX_D));
    }

    private static String dropColumn(String text, String key) {
        int index = Fixtures.keys().indexOf(key);
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(index);
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
