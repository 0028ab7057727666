package cn.gov.panyu.points.platform.whitepaper;

import java.io.IOException;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.gov.panyu.points.platform.pdf.PdfFont;
import cn.gov.panyu.points.platform.pdf.PdfRenderer;

/**
 * Lays a white paper's content out as an XHTML document (template {@code whitepaper/document}) and that document
 * out as PDF (the shared {@link PdfRenderer}, openhtmltopdf). One template for both: the HTML download is the
 * very document the PDF is printed from, its charts being bars of plain boxes (vector in the PDF, docs/adr/0016-white-paper.md).
 */
@Component
class WhitePaperRenderer {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ITemplateEngine templates;
    private final PdfRenderer pdf;

    WhitePaperRenderer(ITemplateEngine templates, PdfRenderer pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    /** The document as XHTML (well-formed: openhtmltopdf parses it as XML). */
    String html(WhitePaperContent content) {
        Context context = new Context(CHINESE);
        context.setVariable("paper", content);
        context.setVariable("fontFamily", PdfFont.FAMILY);
        context.setVariable("stages", cn.gov.panyu.points.engine.model.Stage.values());
        context.setVariable("binWidth", WhitePaperContents.BIN);
        context.setVariable("leadersShown", WhitePaperContents.LEADERS);
        return templates.process("whitepaper/document", context);
    }

    /** The PDF of the document; the caller has checked {@link PdfRenderer#available()}. */
    byte[] pdf(String html) throws IOException {
        return pdf.pdf(html);
    }
}
