package cn.gov.panyu.points.platform.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.system.NavigationMenu;

/**
 * The guides of docs/guide as the platform shows them at /help: every section has an address pages can link
 * to, every picture they show is there, and their links lead somewhere.
 */
@PlatformIntegrationTest
class UserGuidesTests {

    private static final Path GUIDES = Path.of("..", "docs", "guide");
    private static final Pattern IMAGE = Pattern.compile("\\]\\(img/([a-z0-9-]+)\\.png\\)");
    private static final Pattern GUIDE_LINK = Pattern.compile("\\]\\(([a-z]+)\\.md(?:#([a-z0-9-]+))?\\)");

    @Autowired
    UserGuides guides;
    @Autowired
    MockMvc mvc;
    @Autowired
    NavigationMenu menu;

    /** The pictures the guides show, by name without ".png". */
    static Set<String> imagesReferenced() {
        Set<String> names = new TreeSet<>();
        for (Guide guide : Guide.values()) {
            Matcher m = IMAGE.matcher(markdown(guide));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void everySectionHasAnAddressAndEveryPictureIsThere() throws IOException {
        for (Guide guide : Guide.values()) {
            UserGuides.Rendered rendered = guides.guide(guide);
            assertThat(rendered.sections()).as(guide.slug()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.id()).as(guide.slug() + ": section " + s.title()).isNotNull());
        }
        try (Stream<Path> files = Files.list(GUIDES.resolve("img"))) {
            Set<String> present = new TreeSet<>(files.map(f -> f.getFileName().toString().replace(".png", "")).toList());
            assertThat(present).as("docs/guide/img holds exactly the pictures the guides show").isEqualTo(imagesReferenced());
        }
    }

    @Test
    void linksBetweenGuidesFindTheirSection() {
        for (Guide guide : Guide.values()) {
            Matcher m = GUIDE_LINK.matcher(markdown(guide));
            while (m.find()) {
                Guide target = Guide.bySlug(m.group(1)).orElseThrow(() -> new AssertionError(guide.slug() + " links to " + m.group()));
                if (m.group(2) != null) {
                    assertThat(guides.guide(target).hasSection(m.group(2))).as(guide.slug() + " → " + m.group()).isTrue();
                }
            }
        }
    }

    @Test
    void theGuidesArePagesWithTheirPicturesAndOwnAddresses() throws Exception {
        mvc.perform(get("/help")).andExpect(status().isOk()).andExpect(content().string(
                org.hamcrest.Matchers.containsString("业务人员使用指南")));
        String staff = mvc.perform(get("/help/staff")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(staff).contains("id=\"import\"", "src=\"/help/img/staff-import-upload.png\"", "href=\"/help/admin#registrations\"")
                .doesNotContain("](img/", ".md#");
        mvc.perform(get("/help/img/staff-home.png")).andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));
        for (String unknown : List.of("/help/finance", "/help/img/nothing.png", "/help/img/staff.md")) {
            mvc.perform(get(unknown)).andExpect(status().isNotFound());
        }
    }

    @Test
    void everyMenuEntryLinksToTheSectionThatExplainsItsPage() {
        for (NavigationMenu.Group group : menu.groups()) {
            for (NavigationMenu.Item item : group.items()) {
                assertThat(item.help()).as(item.labelKey() + " names its guide section").matches("[a-z]+#[a-z0-9-]+");
                String[] guideAndSection = item.help().split("#");
                Guide guide = Guide.bySlug(guideAndSection[0]).orElseThrow(() -> new AssertionError(item.help()));
                assertThat(guides.guide(guide).hasSection(guideAndSection[1])).as(item.labelKey() + " → " + item.help()).isTrue();
            }
        }
    }

    @Test
    void eachPageLinksToItsSectionForItsUser() throws Exception {
        assertThat(helpLink(get("/collection/imports").with(TestUsers.staff()))).isEqualTo("/help/staff#import");
        assertThat(helpLink(get("/").with(TestUsers.staff()))).isEqualTo("/help/staff#home");
        assertThat(helpLink(get("/admin/users").with(TestUsers.admin()))).isEqualTo("/help/admin#accounts");
        assertThat(helpLink(get("/contests").with(TestUsers.staff()))).isEqualTo("/help/staff#contests");
        assertThat(helpLink(get("/expert").with(TestUsers.expert()))).isEqualTo("/help/expert#workspace");
        assertThat(helpLink(get("/public/rankings"))).isEqualTo("/help/enterprise#public");
        assertThat(helpLink(get("/login"))).isEqualTo("/help/enterprise#register");
        assertThat(helpLink(get("/"))).isEqualTo("/help");
        // a page outside the menu opens the guide of the user's role
        assertThat(helpLink(get("/account/password").with(TestUsers.bank("DEMO-BANK")))).isEqualTo("/help/bank#enterprises");
    }

    private String helpLink(MockHttpServletRequestBuilder request) throws Exception {
        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("id=\"help-link\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"help-link\"").matcher(page);
        assertThat(m.find()).as("a help link on the page").isTrue();
        return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
    }

    private static String markdown(Guide guide) {
        try {
            return Files.readString(GUIDES.resolve(guide.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
