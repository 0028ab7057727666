package cn.gov.panyu.points.engine.input;

import static cn.gov.panyu.points.engine.input.Fixtures.read;
import static cn.gov.panyu.points.engine.input.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordReaderXlsxTests {

    private static ReadResult csv;

    @BeforeAll
    static void readSampleCsv() {
        csv = read(Fixtures.sampleCsv());
    }

    @Test
    void aWorkbookWithEnglishKeysGivesTheRecordsOfTheCsv() {
        ReadResult r = read(Fixtures.sampleXlsx(InputField::key));
        assertThat(r.violations()).isEmpty();
        assertThat(r.encoding()).isEqualTo("XLSX");
        assertThat(r.dataRows()).isEqualTo(240);
        assertThat(r.records()).isEqualTo(csv.records());
    }

    @Test
    void aWorkbookWithTheTemplatesChineseHeadersGivesTheRecordsOfTheCsv() {
        ReadResult r = read(Fixtures.sampleXlsx(TemplateWriter::header));
        assertThat(r.violations()).isEmpty();
        assertThat(r.records()).isEqualTo(csv.records());
    }

    @Test
    void cellsTypedAsTextReadLikeNumbersAndDates() {
        List<String> lines = Fixtures.sampleLines();
        byte[] xlsx = Fixtures.xlsx(ws -> {
            for (int r = 0; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    ws.value(r, c, cells[c]); // every cell a string, as after "format cells as text"
                }
            }
        });
        ReadResult r = read(xlsx);
        assertThat(r.violations()).isEmpty();
        assertThat(r.records()).isEqualTo(csv.records());
    }

    @Test
    void anEstablishedDateMayBeAPlainSerialNumber() {
        LocalDate date = LocalDate.of(2013, 8, 25);
        double serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), date);
        byte[] xlsx = oneRow(Fixtures.validRow().keySet().stream().toList(), InputField.ESTABLISHED, serial);
        ReadResult r = read(xlsx);
        assertThat(r.violations()).isEmpty();
        assertThat(r.records().get(0).established()).isEqualTo(date);
    }

    @Test
    void aBooleanCellIsAFlag() {
        byte[] xlsx = oneRow(Fixtures.validRow().keySet().stream().toList(), InputField.CONTEST_AWARD_3Y, Boolean.TRUE);
        assertThat(read(xlsx).records().get(0).value(InputField.CONTEST_AWARD_3Y)).isEqualTo(1.0);
    }

    @Test
    void violationsCarryTheExcelRowNumber() {
        List<String> keys = Fixtures.keys();
        byte[] xlsx = Fixtures.xlsx(ws -> {
            for (int c = 0; c < keys.size(); c++) {
                ws.value(0, c, keys.get(c));
            }
            List<String> values = List.copyOf(Fixtures.validRowWith("employees", "0").values());
            for (int c = 0; c < values.size(); c++) {
                ws.value(4, c, values.get(c)); // rows 2–4 left empty
            }
        });
        ReadResult r = read(xlsx);
        assertThat(rules(r)).containsExactly("5 employees must be at least 1");
        assertThat(r.dataRows()).isEqualTo(1);
    }

    @Test
    void aFormulaWithoutASavedResultIsReported() {
        List<String> keys = Fixtures.keys();
        byte[] xlsx = Fixtures.xlsx(ws -> {
            List<String> values = List.copyOf(Fixtures.validRow().values());
            for (int c = 0; c < keys.size(); c++) {
                ws.value(0, c, keys.get(c));
                ws.value(1, c, values.get(c));
            }
            ws.formula(1, keys.indexOf("tax_paid"), "F2*0.05");
        });
        ReadResult r = read(xlsx);
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.row()).isEqualTo(2);
            assertThat(v.column()).isEqualTo("tax_paid");
            assertThat(v.value()).isEqualTo("=F2*0.05");
            assertThat(v.ruleZh()).startsWith("公式没有保存计算结果");
        });
    }

    @Test
    void anEmptySheetAndAHeaderOnlySheetAreViolations() {
        ReadResult empty = read(Fixtures.xlsx(ws -> ws.value(3, 3, "")));
        assertThat(empty.violations()).singleElement().satisfies(v -> assertThat(v.ruleZh()).isEqualTo("文件为空"));

        List<String> keys = Fixtures.keys();
        ReadResult headerOnly = read(Fixtures.xlsx(ws -> {
            for (int c = 0; c < keys.size(); c++) {
                ws.value(0, c, keys.get(c));
            }
        }));
        assertThat(headerOnly.violations()).singleElement()
                .satisfies(v -> assertThat(v.ruleZh()).isEqualTo("没有数据行（只有表头）"));
    }

    @Test
    void aMissingColumnIsReportedAsInCsv() {
        byte[] xlsx = Fixtures.sampleXlsx(f -> f == InputField.TOWN ? "所属区县" : f.key());
        assertThat(rules(read(xlsx))).containsExactly(
                "1 C unknown column name (headers must be a field's Chinese label or English key, see the template)",
                "1 town required column is missing");
    }

    @Test
    void rejectsLegacyXlsAndBrokenZips() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(read(xls).violations()).singleElement().satisfies(v -> assertThat(v.ruleZh()).contains(".xls"));

        byte[] broken = "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(broken).violations()).singleElement()
                .satisfies(v -> assertThat(v.ruleZh()).startsWith("这不是有效的 Excel 文件：压缩结构已损坏"));

        byte[] truncated = Fixtures.sampleXlsx(InputField::key);
        truncated = java.util.Arrays.copyOf(truncated, truncated.length / 2);
        assertThat(read(truncated).valid()).isFalse();
    }

    @Test
    void whateverTheXlsxLibraryThrowsOnADamagedWorkbookIsAFileViolation() throws IOException {
        for (String sheet : TableReaderTests.damagedSheets()) {
            assertThat(read(MinimalXlsx.withSheet(sheet)).violations()).as(sheet).singleElement()
                    .satisfies(v -> assertThat(v.ruleZh()).startsWith("这不是有效的 Excel 文件：文件已损坏，或不是 Excel 工作簿"));
        }
    }

    @Test
    void aBugInTheCallersCodeIsNotReportedAsABrokenExcelFile() {
        ProgressListener buggy = (done, total) -> {
            throw new IllegalStateException("a bug in the progress bar");
        };

        assertThatThrownBy(() -> RecordReader.read(Fixtures.sampleXlsx(InputField::key), Fixtures.RULES, buggy))
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug in the progress bar");
    }

    @Test
    void refusesASheetWithMoreRowsThanExcelHas() throws IOException {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>uscc</t></is></c></row>"
                + "<row r=\"1048577\"><c r=\"A1048577\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
                + "</sheetData></worksheet>";
        ReadResult r = read(MinimalXlsx.withSheet(sheet));
        assertThat(r.violations()).anySatisfy(v -> assertThat(v.ruleZh()).contains("最大行数"));
    }

    private static byte[] oneRow(List<String> keys, InputField field, Object value) {
        return Fixtures.xlsx(ws -> {
            List<String> values = List.copyOf(Fixtures.validRow().values());
            for (int c = 0; c < keys.size(); c++) {
                ws.value(0, c, keys.get(c));
                if (keys.get(c).equals(field.key())) {
                    if (value instanceof Boolean b) {
                        ws.value(1, c, b);
                    } else {
                        ws.value(1, c, (Number) value);
                    }
                } else {
                    ws.value(1, c, values.get(c));
                }
            }
        });
    }

    /** A hand-made workbook, for sheets that no writer library would produce. */
    static final class MinimalXlsx {
        static byte[] withSheet(String sheetXml) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + "</Types>");
                put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                        + "</Relationships>");
                put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets><sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "</Relationships>");
                put(zip, "xl/worksheets/sheet1.xml", sheetXml);
            }
            return out.toByteArray();
        }

        private static void put(ZipOutputStream zip, String name, String content) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
