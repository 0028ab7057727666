package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class ZipGuardTests {

    @Test
    void letsARealWorkbookThrough() {
        assertThat(ZipGuard.check(Fixtures.sampleXlsx(InputField::key))).isNull();
    }

    @Test
    void rejectsAnEntryThatInflatesFarBeyondItsSize() throws IOException {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[8 << 20]); // 8 MB of zeros → ~8 KB
        assertThat(bomb.length).isLessThan(64 << 10);
        assertThat(ZipGuard.check(bomb).zh()).contains("压缩炸弹");
        ReadResult r = RecordReader.read(bomb, Fixtures.RULES, ProgressListener.NONE);
        assertThat(r.violations()).singleElement().satisfies(v -> assertThat(v.ruleZh()).contains("压缩炸弹"));
    }

    @Test
    void rejectsEntriesThatShareTheirCompressedData() throws IOException {
        // the "overlapping files" construction: two directory entries pointing at one local entry
        byte[] zip = zip("xl/sharedStrings.xml", "<sst/>".getBytes());
        int eocd = zip.length - 22;
        ByteBuffer in = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int cdSize = in.getInt(eocd + 12);
        int cdOffset = in.getInt(eocd + 16);
        byte[] cd = Arrays.copyOfRange(zip, cdOffset, cdOffset + cdSize);
        ByteBuffer out = ByteBuffer.allocate(cdOffset + 2 * cdSize + 22).order(ByteOrder.LITTLE_ENDIAN);
        out.put(zip, 0, cdOffset).put(cd).put(cd).put(zip, eocd, 22);
        int newEocd = cdOffset + 2 * cdSize;
        out.putShort(newEocd + 8, (short) 2).putShort(newEocd + 10, (short) 2).putInt(newEocd + 12, 2 * cdSize);
        assertThat(ZipGuard.check(out.array()).en()).contains("zip bomb");
    }

    @Test
    void rejectsWhatIsNotAZip() {
        assertThat(ZipGuard.check("PK\u0003\u0004garbage".getBytes()).zh()).startsWith("这不是有效的 Excel 文件：压缩结构已损坏");
        assertThat(ZipGuard.check(new byte[0]).zh()).startsWith("这不是有效的 Excel 文件：压缩结构已损坏");
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
