package cn.gov.panyu.points.platform.whitepaper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Lays a white paper's content out as an XHTML document (template {@code whitepaper/document}) and that document
 * out as PDF with openhtmltopdf. One template for both: the HTML download is the very document the PDF is
 * printed from, its charts being bars of plain boxes (vector in the PDF, docs/adr/0016-white-paper.md).
 */
@Component
class WhitePaperRenderer {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ITemplateEngine templates;
    private final WhitePaperFont font;

    WhitePaperRenderer(ITemplateEngine templates, WhitePaperFont font) {
        this.templates = templates;
        this.font = font;
    }

    /** The document as XHTML (well-formed: openhtmltopdf parses it as XML). */
    String html(WhitePaperContent content) {
        Context context = new Context(CHINESE);
        context.setVariable("paper", content);
        context.setVariable("fontFamily", WhitePaperFont.FAMILY);
        context.setVariable("stages", cn.gov.panyu.points.engine.model.Stage.values());
        context.setVariable("binWidth", WhitePaperContents.BIN);
        context.setVariable("leadersShown", WhitePaperContents.LEADERS);
        return templates.process("whitepaper/document", context);
    }

    /** The PDF of the document, the CJK font embedded (subset); the caller has checked {@link WhitePaperFont#available()}. */
    byte[] pdf(String html) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (PDDocument document = new PDDocument(); WhitePaperFont.Loaded loaded = font.load(document)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.withProducer("番禺区企业创新积分智能评价平台");
            PDFontSupplier supplier = new PDFontSupplier(loaded.font());
            builder.useFont(supplier, WhitePaperFont.FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(supplier, WhitePaperFont.FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
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
