package cn.gov.panyu.points.platform.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The guides of docs/guide (packed into the jar under {@code guide/}) as HTML, rendered once.
 *
 * <p>The Markdown is written to read well in the repository too: a section is a {@code ##} heading preceded
 * by {@code <a id="…"></a>} (a stable address that pages link to, unlike a heading's Chinese text), pictures
 * are {@code img/NAME.png} and links to other guides are {@code OTHER.md#section}. Here those addresses
 * become the platform's own ({@code /help/img/NAME.png}, {@code /help/OTHER#section}).
 */
@Component
public class UserGuides {

    static final String LOCATION = "guide/";
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>");
    private static final Pattern GUIDE_LINK = Pattern.compile("([a-z]+)\\.md(#[a-z0-9-]+)?");
    private static final Pattern IMAGE = Pattern.compile("img/([a-z0-9-]+\\.png)");

    private final Map<Guide, Rendered> rendered = new EnumMap<>(Guide.class);

    public UserGuides() {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();
        for (Guide guide : Guide.values()) {
            Node document = parser.parse(read(guide.file()));
            List<Section> sections = rewrite(document);
            rendered.put(guide, new Rendered(guide, renderer.render(document), sections));
        }
    }

    /** A guide as HTML with its table of contents. */
    public Rendered guide(Guide guide) {
        return rendered.get(guide);
    }

    /** A picture of the guides ({@code NAME.png}), if there is one by that name. */
    public Optional<Resource> image(String name) {
        if (!name.matches("[a-z0-9-]+\\.png")) {
            return Optional.empty();
        }
        Resource image = new ClassPathResource(LOCATION + "img/" + name);
        return image.exists() ? Optional.of(image) : Optional.empty();
    }

    /** Rewrites addresses in place and collects the anchored {@code ##} sections, in order. */
    private static List<Section> rewrite(Node document) {
        List<Section> sections = new ArrayList<>();
        String pendingAnchor = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            String anchor = anchor(node);
            if (anchor != null) {
                pendingAnchor = anchor;
            } else if (node instanceof Heading h && h.getLevel() == 2) {
                sections.add(new Section(pendingAnchor, text(h)));
                pendingAnchor = null;
            }
            rewriteAddresses(node);
        }
        return List.copyOf(sections);
    }

    /** The id of an {@code <a id="…"></a>} line, which Markdown reads as a paragraph of inline HTML. */
    private static String anchor(Node node) {
        StringBuilder html = new StringBuilder();
        if (node instanceof HtmlBlock block) {
            html.append(block.getLiteral());
        } else if (node instanceof Paragraph) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (!(child instanceof HtmlInline inline)) {
                    return null;
                }
                html.append(inline.getLiteral());
            }
        }
        Matcher m = ANCHOR.matcher(html.toString().strip());
        return m.matches() ? m.group(1) : null;
    }

    private static void rewriteAddresses(Node node) {
        if (node instanceof Image image) {
            Matcher m = IMAGE.matcher(image.getDestination());
            if (m.matches()) {
                image.setDestination("/help/img/" + m.group(1));
            }
        } else if (node instanceof Link link) {
            Matcher m = GUIDE_LINK.matcher(link.getDestination());
            if (m.matches()) {
                link.setDestination("/help/" + m.group(1) + (m.group(2) == null ? "" : m.group(2)));
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            rewriteAddresses(child);
        }
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            text.append(child instanceof Text t ? t.getLiteral() : text(child));
        }
        return text.toString();
    }

    private static String read(String file) {
        Resource resource = new ClassPathResource(LOCATION + file);
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the user guide " + file + " is not in the jar (docs/guide)", e);
        }
    }

    /** One guide ready to show: its HTML and its sections. */
    public record Rendered(Guide guide, String html, List<Section> sections) {

        public boolean hasSection(String id) {
            return sections.stream().anyMatch(s -> id.equals(s.id()));
        }
    }

    /** A {@code ##} section: its address ({@code null} if the guide forgot one) and its title. */
    public record Section(String id, String title) {
    }
}
