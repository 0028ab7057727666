package cn.gov.panyu.points.platform.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK font embedded in the platform's PDFs ({@code points.pdf.font}; the older {@code points.whitepaper.font}
 * is still read, so that existing deployments keep their setting). PDF viewers have no Chinese glyphs of their
 * own to rely on, so without such a font a PDF would show empty boxes: the platform then says so in Chinese (on
 * the page and once in the log) instead of producing a PDF no one can read.
 *
 * <p>Debian's WenQuanYi Micro Hei comes as a TrueType collection (.ttc: 正黑 and its monospaced twin), which
 * openhtmltopdf cannot read from a file; PDFBox's {@link TrueTypeCollection} picks the first member and the
 * font is handed over already loaded. A plain .ttf works too.
 */
@Component
public class PdfFont {

    private static final Logger log = LoggerFactory.getLogger(PdfFont.class);

    /** The font family name the document's CSS asks for. */
    public static final String FAMILY = "PointsCJK";

    private final Path path;
    private final AtomicBoolean warned = new AtomicBoolean();

    public PdfFont(@Value("${points.pdf.font:${points.whitepaper.font:}}") String path) {
        this.path = path == null || path.isBlank() ? null : Path.of(path.trim());
    }

    /** Whether the configured font file exists and can be read. */
    public boolean available() {
        boolean ok = path != null && Files.isReadable(path) && Files.isRegularFile(path);
        if (!ok && warned.compareAndSet(false, true)) {
            log.warn(missingMessage());
        }
        return ok;
    }

    /** What staff read (and the log says once) when no CJK font is installed. */
    public String missingMessage() {
        return "未找到中文字体文件（" + (path == null ? "未配置" : path.toString()) + "），无法生成 PDF：请安装 "
                + "fonts-wqy-microhei 字体包，或以 points.pdf.font 指定一个中文 TrueType 字体（.ttf/.ttc）。";
    }

    /** A font file opened for one document: the collection must stay open until the document is saved. */
    Loaded load(PDDocument document) throws IOException {
        if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            if (first[0] == null) {
                collection.close();
                throw new IOException("empty font collection " + path);
            }
            return new Loaded(PDType0Font.load(document, first[0], true), collection);
        }
        return new Loaded(PDType0Font.load(document, path.toFile()), null);
    }

    /** The font and what must be closed after the document is written. */
    record Loaded(PDFont font, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }
}
