package cn.gov.panyu.points.platform.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentTypeTests {

    @TempDir
    Path dir;

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    /** The entries that make a ZIP an Excel workbook (what Excel and fastexcel write). */
    static byte[] xlsx() throws IOException {
        return zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "f", ".bin"), content);
    }

    @Test
    void theExtensionNamesTheTypeWhateverItsCase() {
        assertThat(AttachmentType.forFileName("审计报告.PDF")).contains(AttachmentType.PDF);
        assertThat(AttachmentType.forFileName("photo.jpeg")).contains(AttachmentType.JPG);
        assertThat(AttachmentType.forFileName("photo.JPG")).contains(AttachmentType.JPG);
        assertThat(AttachmentType.forFileName("a.png")).contains(AttachmentType.PNG);
        assertThat(AttachmentType.forFileName("明细.xlsx")).contains(AttachmentType.XLSX);
        assertThat(AttachmentType.forFileName("setup.exe")).isEmpty();
        assertThat(AttachmentType.forFileName("old.xls")).isEmpty();
        assertThat(AttachmentType.forFileName("page.html")).isEmpty();
        assertThat(AttachmentType.forFileName("no-extension")).isEmpty();
    }

    @Test
    void eachTypeAcceptsItsOwnMagicBytes() throws IOException {
        assertThat(AttachmentType.PDF.matches(file(PDF))).isTrue();
        assertThat(AttachmentType.PNG.matches(file(PNG))).isTrue();
        assertThat(AttachmentType.JPG.matches(file(JPG))).isTrue();
        assertThat(AttachmentType.XLSX.matches(file(xlsx()))).isTrue();
    }

    @Test
    void aRenamedFileIsRefusedByItsContent() throws IOException {
        assertThat(AttachmentType.PDF.matches(file("<html><script>alert(1)</script>".getBytes()))).isFalse();
        assertThat(AttachmentType.PDF.matches(file(PNG))).isFalse();
        assertThat(AttachmentType.PNG.matches(file(JPG))).isFalse();
        assertThat(AttachmentType.JPG.matches(file(new byte[] {(byte) 0xFF}))).isFalse();
        assertThat(AttachmentType.XLSX.matches(file(PDF))).isFalse();
    }

    @Test
    void aZipThatIsNotAWorkbookIsNotAnXlsx() throws IOException {
        assertThat(AttachmentType.XLSX.matches(file(zip("readme.txt", "bin/tool.exe")))).isFalse();
        assertThat(AttachmentType.XLSX.matches(file(zip("[Content_Types].xml", "word/document.xml")))).isFalse();
        // right magic bytes, broken archive
        assertThat(AttachmentType.XLSX.matches(file(new byte[] {'P', 'K', 3, 4, 1, 2, 3}))).isFalse();
    }
}
