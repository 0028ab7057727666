package cn.gov.panyu.points.platform.scoremodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * The model form round trip over HTTP: the page's own inputs posted back as a browser would, edits saved,
 * and the engine's problems shown at the input they are about.
 */
@PlatformIntegrationTest
@WithMockUser(username = "staff", roles = "STAFF")
class ModelFormIntegrationTests {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"[^>]*selected=\"selected\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    ScoreModels models;

    private long draft;

    @BeforeEach
    void copyTheActiveModel() {
        draft = models.copy(models.activeModelId(), "staff");
    }

    @AfterEach
    void deleteTheDraft() {
        TestUsers.asStaff(() -> {
            models.delete(draft);
            return null;
        });
    }


    private String definition() {
        return TestUsers.asStaff(() -> models.version(draft).definition());
    }

    @Test
    void savingTheFormUnchangedKeepsTheModelIdentical() throws Exception {
        ScoreModel before = models.load(draft);
        Map<String, String> fields = formFields(draft);

        save(draft, fields).andExpect(redirectedUrl("/models/" + draft));

        assertThat(TestUsers.asStaff(() -> models.load(draft))).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aChangedWeightIsSaved() throws Exception {
        Map<String, String> fields = formFields(draft);
        assertThat(fields).containsEntry("indicators[0].weights[0]", "80").containsEntry("indicators[1].weights[0]", "90");
        fields.put("indicators[0].weights[0]", "85");
        fields.put("indicators[1].weights[0]", "85");

        save(draft, fields).andExpect(redirectedUrl("/models/" + draft));

        ScoreModel saved = TestUsers.asStaff(() -> models.load(draft));
        assertThat(saved.indicator("T1").weight(Stage.STARTUP)).isEqualTo(85);
        assertThat(saved.indicator("T2").weight(Stage.STARTUP)).isEqualTo(85);
        assertThat(saved.indicator("T1").weight(Stage.GROWTH)).isEqualTo(80);
    }

    @Test
    void aStageWhoseWeightsMissTheCoreTotalIsShownAtThatStagesSumAndNothingIsSaved() throws Exception {
        String before = definition();
        Map<String, String> fields = formFields(draft);
        fields.put("indicators[0].weights[1]", "81");

        String page = save(draft, fields).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(errorAt(page, "sum-error-GROWTH")).contains("成长期权重合计为 1001，应为 1000");
        assertThat(page).doesNotContain("id=\"sum-error-STARTUP\"", "id=\"sum-error-MATURE\"");
        assertThat(tagOf(page, "output", "id=\"sum-GROWTH\"")).contains("is-invalid");
        assertThat(inputNamed(page, "indicators[0].weights[1]")).contains("value=\"81\"");
        assertThat(definition()).isEqualTo(before);
    }

    @Test
    void aBandThatDoesNotDescendIsShownAtThatBandRow() throws Exception {
        Map<String, String> fields = formFields(draft);
        assertThat(fields).containsEntry("indicators[7].name", "省级以上研发机构").containsEntry("indicators[7].bands[1].atLeast", "1");
        fields.put("indicators[7].bands[1].atLeast", "3");

        String page = save(draft, fields).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(inputNamed(page, "indicators[7].bands[1].atLeast")).contains("is-invalid");
        assertThat(inputNamed(page, "indicators[7].bands[0].atLeast")).doesNotContain("is-invalid");
        String bandRow = page.substring(page.indexOf("name=\"indicators[7].bands[1].atLeast\""),
                page.indexOf("name=\"indicators[7].bands[1].fraction\"") + 2000);
        assertThat(bandRow).contains("分档门槛须从高到低严格递减（2 之后为 3）");
        assertThat(page).doesNotContain("indicators[7] (T8)"); // a location in the text, never shown in the form
    }

    @Test
    void aValueThatIsNoNumberIsNamedAtItsInputInChinese() throws Exception {
        Map<String, String> fields = formFields(draft);
        fields.put("bonusItems[1].points", "四十");

        String page = validate(draft, fields);

        assertThat(inputNamed(page, "bonusItems[1].points")).contains("is-invalid", "value=\"四十\"");
        assertThat(page).contains("应为数值，实际为「四十」");
    }

    @Test
    void switchingToYamlAndBackKeepsWhatWasTyped() throws Exception {
        Map<String, String> fields = formFields(draft);
        fields.put("indicators[0].weights[0]", "85");
        fields.put("indicators[1].weights[0]", "85");
        fields.put("op", "yaml");

        String yamlPage = submit(draft, fields).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher text = TEXTAREA.matcher(yamlPage);
        assertThat(text.find()).isTrue();
        String yaml = HtmlUtils.htmlUnescape(text.group(2));
        assertThat(yamlPage).contains("id=\"model-valid\"");

        String formPage = mvc.perform(post("/models/" + draft + "/form/from-yaml").with(csrf()).with(TestUsers.staff())
                .param("definition", yaml)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fieldsOf(formPage)).containsEntry("indicators[0].weights[0]", "85").containsEntry("indicators[1].weights[0]", "85");
    }

    @Test
    void aYamlTextWithProblemsStaysInTheYamlEditorWhenSwitching() throws Exception {
        String broken = definition().replace("transform: bands", "transform: steps");

        String page = mvc.perform(post("/models/" + draft + "/form/from-yaml").with(csrf()).with(TestUsers.staff())
                .param("definition", broken)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"model-switch-refused\"", "未知的变换「steps」", "transform: steps");
    }

    @Test
    void rowButtonsChangeTheFormWithoutSaving() throws Exception {
        String before = definition();
        Map<String, String> fields = formFields(draft);
        fields.put("op", "add-band-7");

        String page = submit(draft, fields).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fieldsOf(page)).containsKey("indicators[7].bands[2].atLeast").doesNotContainKey("indicators[7].bands[3].atLeast");
        assertThat(definition()).isEqualTo(before);
    }

    @Test
    void unknownVersionsAnswer404AndUsedOnesAreNotEditable() throws Exception {
        mvc.perform(get("/models/987654321/form").with(TestUsers.staff())).andExpect(status().isNotFound());
        mvc.perform(post("/models/987654321/form").with(csrf()).with(TestUsers.staff())).andExpect(status().isNotFound());
        mvc.perform(post("/models/987654321/form/from-yaml").with(csrf()).with(TestUsers.staff())).andExpect(status().isNotFound());
        long active = TestUsers.asStaff(models::activeModelId);
        mvc.perform(get("/models/" + active + "/form").with(TestUsers.staff())).andExpect(redirectedUrl("/models/" + active));
    }

    @Test
    void inputNamesNoFormProducesAreABadRequestNotAServerError() throws Exception {
        for (String name : new String[] {"indicators[99999999].weights[0]", "indicators[0].weights[2147483647]"}) {
            Map<String, String> fields = formFields(draft);
            fields.put(name, "5");
            fields.put("op", "validate");
            submit(draft, fields).andExpect(status().isBadRequest());
        }
        Map<String, String> fields = formFields(draft);
        fields.put("op", "remove-band-99999999999-0");
        String page = submit(draft, fields).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fieldsOf(page)).containsKeys("indicators[7].bands[0].atLeast", "indicators[7].bands[1].atLeast");
    }

    /** The inputs of the form page as a browser would submit them. */
    private Map<String, String> formFields(long id) throws Exception {
        String page = mvc.perform(get("/models/" + id + "/form").with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return fieldsOf(page);
    }

    private static Map<String, String> fieldsOf(String page) {
        int start = page.indexOf("id=\"model-form\"");
        String form = page.substring(start, page.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String name = attribute(input.group(1), "name");
            if (name != null && !name.equals("_csrf")) {
                fields.put(name, valueOr(attribute(input.group(1), "value")));
            }
        }
        Matcher textarea = TEXTAREA.matcher(form);
        while (textarea.find()) {
            fields.put(attribute(textarea.group(1), "name"), HtmlUtils.htmlUnescape(textarea.group(2)));
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            Matcher selected = SELECTED.matcher(select.group(2));
            fields.put(attribute(select.group(1), "name"), selected.find() ? HtmlUtils.htmlUnescape(selected.group(1)) : "");
        }
        return fields;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? HtmlUtils.htmlUnescape(m.group(1)) : null;
    }

    private static String valueOr(String value) {
        return value == null ? "" : value;
    }

    private org.springframework.test.web.servlet.ResultActions save(long id, Map<String, String> fields) throws Exception {
        fields.put("op", "save");
        return submit(id, fields);
    }

    private String validate(long id, Map<String, String> fields) throws Exception {
        fields.put("op", "validate");
        return submit(id, fields).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private org.springframework.test.web.servlet.ResultActions submit(long id, Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/models/" + id + "/form").with(csrf()).with(TestUsers.staff());
        fields.forEach(request::param);
        return mvc.perform(request);
    }

    private static String inputNamed(String page, String name) {
        Matcher input = INPUT.matcher(page);
        while (input.find()) {
            if (name.equals(attribute(input.group(1), "name"))) {
                return input.group();
            }
        }
        throw new AssertionError("no input " + name);
    }

    private static String tagOf(String page, String tag, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isPositive();
        int start = page.lastIndexOf("<" + tag, at);
        return page.substring(start, page.indexOf('>', at) + 1);
    }

    private static String errorAt(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("message element " + id).isPositive();
        return page.substring(at, page.indexOf("</div>", at));
    }
}
