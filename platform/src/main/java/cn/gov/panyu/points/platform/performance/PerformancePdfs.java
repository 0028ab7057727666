package cn.gov.panyu.points.platform.performance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.gov.panyu.points.platform.pdf.PdfFont;
import cn.gov.panyu.points.platform.pdf.PdfRenderer;

/**
 * The 预算绩效 forms as PDF: the 申报表 laid out row for row as the budget system's form (template
 * {@code performance/pdf/declaration}) and the 自评报告 ({@code performance/pdf/evaluation}), printed by the shared
 * {@link PdfRenderer} with the CJK font embedded. Without that font no PDF is made: the pages say why instead.
 */
@Component
class PerformancePdfs {

    private final ITemplateEngine templates;
    private final PdfRenderer renderer;

    PerformancePdfs(ITemplateEngine templates, PdfRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    /** Why no PDF can be made here (no CJK font), or null when it can. */
    String problem() {
        return renderer.available() ? null : renderer.missingFont();
    }

    byte[] declaration(Declaration d) throws IOException {
        Context context = context();
        context.setVariable("d", d);
        return renderer.pdf(templates.process("performance/pdf/declaration", context));
    }

    byte[] evaluation(PerformanceSelfEvaluations.Report e, LocalDate day) throws IOException {
        Context context = context();
        context.setVariable("e", e);
        context.setVariable("d", e.declaration());
        context.setVariable("day", day);
        context.setVariable("budgetPoints", SelfEvaluation.BUDGET_POINTS);
        return renderer.pdf(templates.process("performance/pdf/evaluation", context));
    }

    private static Context context() {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("fontFamily", PdfFont.FAMILY);
        return context;
    }

    /** The PDF as a download named {@code fileName}.pdf. */
    static ResponseEntity<byte[]> response(String fileName, byte[] pdf) {
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(fileName + ".pdf", StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(pdf);
    }
}
