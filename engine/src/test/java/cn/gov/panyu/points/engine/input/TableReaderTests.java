package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableReaderTests {

    @Test
    void aUtf8CsvGivesItsHeaderAndTrimmedCellsWithRowNumbers() {
        TableReader.Table t = TableReader.read("uscc,name\n\nA , \"b,c\"\nD,\n".getBytes(StandardCharsets.UTF_8), null);
        assertThat(t.problemZh()).isNull();
        assertThat(t.encoding()).isEqualTo("UTF-8");
        assertThat(t.header()).containsExactly("uscc", "name");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).number()).isEqualTo(3);
        assertThat(t.rows().get(0).cells()).containsExactly("A", "b,c");
        assertThat(t.rows().get(1).cell(1)).isNull();
    }

    @Test
    void aGbkCsvIsDecodedAsGb18030() {
        byte[] gbk = "企业名称,研发费用\n广州番禺,12.5\n".getBytes(Charset.forName("GBK"));
        TableReader.Table t = TableReader.read(gbk, null);
        assertThat(t.encoding()).isEqualTo("GB18030");
        assertThat(t.header()).containsExactly("企业名称", "研发费用");
        assertThat(t.rows().get(0).cell(0)).isEqualTo("广州番禺");
    }

    @Test
    void aBomMarksUtf8() {
        byte[] b = "\uFEFFa\n1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(TableReader.read(b, null).encoding()).isEqualTo("UTF-8 (BOM)");
    }

    @Test
    void anEmptyFileIsAFileProblem() {
        assertThat(TableReader.read(new byte[0], null).problemZh()).isEqualTo("文件为空");
        assertThat(TableReader.read("\n\n".getBytes(StandardCharsets.UTF_8), null).problemZh()).isEqualTo("文件为空");
    }

    @Test
    void anUnclosedQuoteIsACellProblemOfItsRow() {
        TableReader.Table t = TableReader.read("a,b\n1,\"x\n".getBytes(StandardCharsets.UTF_8), null);
        assertThat(t.rows().get(0).problem(1)).contains("引号未闭合");
    }

    @Test
    void anXlsxGivesTheSameCellsAsText() {
        byte[] xlsx = Fixtures.xlsx(ws -> {
            ws.value(0, 0, "uscc");
            ws.value(0, 1, "研发费用");
            ws.value(0, 2, "成立日期");
            ws.value(2, 0, "X");
            ws.value(2, 1, 12.5);
            ws.value(2, 2, LocalDate.of(2015, 6, 30));
        });
        TableReader.Table t = TableReader.read(xlsx, null);
        assertThat(t.problemZh()).isNull();
        assertThat(t.encoding()).isEqualTo("XLSX");
        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0).number()).isEqualTo(3);
        assertThat(t.rows().get(0).cell(1)).isEqualTo("12.5");
        assertThat(t.date(t.rows().get(0).cell(2))).isEqualTo(LocalDate.of(2015, 6, 30));
    }

    @Test
    void aZipThatIsNotAWorkbookIsAFileProblemNotAnException() {
        byte[] junk = {'P', 'K', 3, 4, 0, 0, 0};
        assertThat(TableReader.read(junk, null).problemZh()).isNotNull();
    }

    @Test
    void datesAndDecimalsAndSetsParseAsTheRecordReaderDoes() {
        TableReader.Table csv = TableReader.read("a\n1\n".getBytes(StandardCharsets.UTF_8), null);
        assertThat(csv.date("2015/6/3")).isEqualTo(LocalDate.of(2015, 6, 3));
        assertThat(csv.date("42000")).isNull();
        // the cells' values follow FieldRules and SetCodes, the record reader's rules
        assertThat(FieldRules.number(InputField.REVENUE_Y0, "1,234.5").value()).isEqualTo(1234.5);
        assertThat(FieldRules.number(InputField.REVENUE_Y0, "1e5").refused()).isTrue();
        SetCodes<Qualification> qualifications = SetCodes.QUALIFICATIONS;
        assertThat(qualifications.toStored(qualifications.check("高新技术企业；srdi").value())).isEqualTo("HTE;SRDI");
        assertThat(SetCodes.NEGATIVES.check("XYZ").problem().zh()).contains("XYZ");
    }

    /** Sheets the XLSX library cannot parse, each failing inside the library in its own way. */
    static List<String> damagedSheets() {
        String start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>uscc</t></is></c></row>";
        return List.of(
                start + "<row r=\"2\"><c r=\"A2\"", // the XML ends mid-tag: the library's format exception
                start + "<row r=\"2\"><c r=\"A2\" t=\"bogus\"><v>1</v></c></row></sheetData></worksheet>"); // IllegalStateException
    }

    @Test
    void whateverTheXlsxLibraryThrowsOnADamagedWorkbookIsAFileProblem() throws IOException {
        for (String sheet : damagedSheets()) {
            TableReader.Table t = TableReader.read(RecordReaderXlsxTests.MinimalXlsx.withSheet(sheet), null);
            assertThat(t.problemZh()).as(sheet).startsWith("这不是有效的 Excel 文件：文件已损坏，或不是 Excel 工作簿");
            assertThat(t.problemZh()).as("no technical detail for the user").doesNotContain("Exception");
        }
    }

    @Test
    void aBugInTheCallersCodeIsNotReportedAsABrokenExcelFile() {
        byte[] xlsx = Fixtures.xlsx(ws -> {
            ws.value(0, 0, "uscc");
            ws.value(1, 0, "X");
        });
        ProgressListener buggy = (done, total) -> {
            throw new IllegalStateException("a bug in the progress bar");
        };

        assertThatThrownBy(() -> TableReader.read(xlsx, buggy)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a bug in the progress bar");
    }
}
