package cn.gov.panyu.points.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * Users read labels, never codes: the main pages of each role, rendered on the demo district, show no field
 * key, set code, stage or tier code in their visible text (text nodes and the attributes a browser shows),
 * and an industry is shown with its GB/T 4754 name.
 */
@DemoDistrictTest
class ChineseLabelsIntegrationTests {

    /** The codes the engine owns, each of which has a Chinese label that belongs in its place. */
    static final Set<String> FORBIDDEN = forbidden();

    private static Set<String> forbidden() {
        Set<String> codes = new LinkedHashSet<>();
        Stream.of(InputField.values()).map(InputField::key).forEach(codes::add);
        Stream.of(CultivationField.values()).map(CultivationField::key).forEach(codes::add);
        Stream.of(Qualification.values()).map(Enum::name).forEach(codes::add);
        Stream.of(Negative.values()).map(Enum::name).forEach(codes::add);
        Stream.of(Stage.values()).map(Enum::name).forEach(codes::add);
        Stream.of(Tier.values()).map(Enum::name).forEach(codes::add);
        return codes;
    }

    private static final Pattern TOKENS = Pattern.compile("(?<![A-Za-z0-9_])("
            + String.join("|", FORBIDDEN.stream().map(Pattern::quote).toList()) + ")(?![A-Za-z0-9_])");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<script\\b.*?</script>|<style\\b.*?</style>|<!--.*?-->");
    private static final Pattern SHOWN_ATTRIBUTE = Pattern.compile("(?i)\\s(?:placeholder|title|aria-label|alt)=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theMainPagesOfEveryRoleShowLabelsNotCodes() throws Exception {
        String ent = jdbc.sql("select uscc from app_user where username = 'ent'").query(String.class).single().trim();
        long run = jdbc.sql("select run_id from publication order by data_year desc limit 1").query(Long.class).single();
        int year = jdbc.sql("select data_year from publication order by data_year desc limit 1").query(Integer.class).single();
        Long declaration = jdbc.sql("select min(id) from declaration").query(Long.class).single();
        String consented = jdbc.sql("select min(uscc) from consent where bank_code = 'DEMO-BANK' and ended_at is null")
                .query(String.class).single().trim();

        List<String> offences = new ArrayList<>();
        for (String url : List.of("/", "/public/rankings", "/public/methodology", "/login", "/register")) {
            offences.addAll(offences(url, null));
        }
        for (String url : List.of("/", "/enterprises", "/enterprises/" + ent, "/enterprises/" + ent + "?year=" + year,
                "/collection/imports", "/collection/imports/new", "/collection/conflicts", "/collection/anomalies",
                "/models", "/indicators", "/evaluation/runs", "/evaluation/runs/" + run, "/evaluation/notice",
                "/rankings", "/declarations/review", "/declarations/review/" + declaration, "/audit", "/registrations",
                "/cultivation", "/cultivation/enterprises/" + ent, "/cultivation/pools")) {
            offences.addAll(offences(url, TestUsers.staff()));
        }
        offences.addAll(offences("/admin/users", TestUsers.admin()));
        for (String url : List.of("/", "/my", "/declarations", "/declarations/" + year, "/my/consents", "/my/cultivation")) {
            offences.addAll(offences(url, TestUsers.enterprise(ent)));
        }
        for (String url : List.of("/", "/bank/enterprises", "/bank/enterprises/" + consented)) {
            offences.addAll(offences(url, TestUsers.bank("DEMO-BANK")));
        }

        assertThat(offences).as("codes shown where a label belongs").isEmpty();
    }

    @Test
    void anIndustryIsShownWithItsNameWhereverItIsListed() throws Exception {
        String ent = jdbc.sql("select uscc from app_user where username = 'ent'").query(String.class).single().trim();
        String industry = jdbc.sql("select industry from enterprise where uscc = ?").param(ent).query(String.class).single().trim();
        String shown = IndustryCode.display(industry);

        assertThat(shown).startsWith(industry + " ").hasSizeGreaterThan(industry.length() + 2);
        assertThat(visibleText(page("/my", TestUsers.enterprise(ent)))).contains(shown);
        assertThat(visibleText(page("/enterprises/" + ent, TestUsers.staff()))).contains(shown);
        assertThat(visibleText(page("/enterprises?q=" + ent, TestUsers.staff()))).contains(shown);
        assertThat(visibleText(page("/public/rankings", null))).containsPattern("[A-T][0-9]{2} [\\u4e00-\\u9fa5]");
    }

    @Test
    void theScanFindsACodeInTextButNotInMarkup() {
        assertThat(codesIn("<td class=\"app-tier-RISE\" data-k=\"rd_expense\">进取</td>")).isEmpty();
        assertThat(codesIn("<td>研发费用(rd_expense)</td><span title=\"DISHONEST\">失信</span>"))
                .containsExactly("rd_expense", "DISHONEST");
        assertThat(codesIn("<input placeholder=\"如 TAX_D\"><script>var STARTUP = 1;</script>")).containsExactly("TAX_D");
        assertThat(codesIn("<td>TAX_DX uscc_no</td>")).as("whole codes only").isEmpty();
    }

    private List<String> offences(String url, RequestPostProcessor user) throws Exception {
        List<String> found = new ArrayList<>();
        String text = visibleText(page(url, user));
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            found.add(url + (user == null ? "" : " (" + user.getClass().getSimpleName() + ")") + ": «"
                    + text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30)).strip() + "»");
        }
        return found;
    }

    private static List<String> codesIn(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = TOKENS.matcher(visibleText(html));
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** What a reader sees: text nodes and the attributes a browser shows, without scripts, styles and comments. */
    static String visibleText(String html) {
        String shown = HIDDEN.matcher(html).replaceAll(" ");
        StringBuilder attributes = new StringBuilder();
        Matcher a = SHOWN_ATTRIBUTE.matcher(shown);
        while (a.find()) {
            attributes.append(' ').append(a.group(1));
        }
        return (TAG.matcher(shown).replaceAll(" ") + attributes).replace("&amp;", "&").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replaceAll("\\s+", " ");
    }

    private String page(String url, RequestPostProcessor user) throws Exception {
        var request = get(url);
        if (user != null) {
            request.with(user);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
