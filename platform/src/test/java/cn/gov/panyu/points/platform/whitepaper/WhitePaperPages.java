package cn.gov.panyu.points.platform.whitepaper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Pages of a white paper's PDF found by their text and drawn as pictures (the tests' and the user guide's). */
public final class WhitePaperPages {

    private WhitePaperPages() {
    }

    /** The index of the first page whose text contains {@code text}. */
    public static int pageWith(PDDocument document, String text) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        for (int p = 1; p <= document.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            if (stripper.getText(document).contains(text)) {
                return p - 1;
            }
        }
        throw new AssertionError("no page with " + text);
    }

    /** Draws a page at {@code dpi} into {@code dir/name.png} and returns the picture. */
    public static BufferedImage draw(PDDocument document, int page, int dpi, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, dpi);
        ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
        return image;
    }
}
