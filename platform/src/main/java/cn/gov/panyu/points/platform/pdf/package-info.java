/**
 * PDF: what every PDF the platform prints shares — the CJK font to embed ({@code points.pdf.font}) and the
 * XHTML-to-PDF rendering with openhtmltopdf. The white paper and the 预算绩效 forms both print through it, so
 * the font is configured, checked and explained in one place.
 *
 * <p>Depends on no other module: the documents are laid out by their own features and handed over as XHTML.
 */
@ApplicationModule(displayName = "PDF", allowedDependencies = {})
package cn.gov.panyu.points.platform.pdf;

import org.springframework.modulith.ApplicationModule;
