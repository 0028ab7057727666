package cn.gov.panyu.points.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Prints a well-formed XHTML document as PDF with openhtmltopdf, the {@link PdfFont} embedded (subset) under the
 * family name {@link PdfFont#FAMILY}, which the document's CSS asks for. The callers check
 * {@link #available()} first and show {@link #missingFont()} instead when no CJK font is installed.
 */
@Component
public class PdfRenderer {

    private final PdfFont font;

    public PdfRenderer(PdfFont font) {
        this.font = font;
    }

    /** Whether a PDF can be made here: the CJK font is installed. */
    public boolean available() {
        return font.available();
    }

    /** Why no PDF can be made here, in Chinese, for staff. */
    public String missingFont() {
        return font.missingMessage();
    }

    /** The PDF of the document; the caller has checked {@link #available()}. */
    public byte[] pdf(String xhtml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (PDDocument document = new PDDocument(); PdfFont.Loaded loaded = font.load(document)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.withProducer("番禺区企业创新积分智能评价平台");
            PDFontSupplier supplier = new PDFontSupplier(loaded.font());
            builder.useFont(supplier, PdfFont.FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(supplier, PdfFont.FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            document.save(out);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        return out.toByteArray();
    }
}
