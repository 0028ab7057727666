package cn.gov.panyu.points.platform.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.gov.panyu.points.platform.TestUsers;

/**
 * The 预算绩效 integration tests' way through the web as staff: the seed imported for a department of the test's
 * own (the database is shared), pages read, exports downloaded.
 */
final class PerformanceWeb {

    private PerformanceWeb() {
    }

    /** The seed with the department renamed. */
    static String seedOf(String department) {
        return DemoDeclaration.text().replace(PerformanceFormParserTests.DEPARTMENT, department);
    }

    static MvcResult upload(MockMvc mvc, String fileName, byte[] content, int year) throws Exception {
        return mvc.perform(multipart("/performance/import").file(new MockMultipartFile("file", fileName, "text/plain", content))
                .param("year", String.valueOf(year)).with(TestUsers.staff()).with(csrf())).andReturn();
    }

    /** Imports the seed for {@code department} and answers the declaration's id. */
    static long importSeed(MockMvc mvc, String department, int year) throws Exception {
        MvcResult r = upload(mvc, "申报表.txt", seedOf(department).getBytes(StandardCharsets.UTF_8), year);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        return Long.parseLong(r.getResponse().getRedirectedUrl().replaceFirst(".*/performance/", ""));
    }

    static String page(MockMvc mvc, String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.staff())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** An Excel export, streamed: its bytes after the asynchronous dispatch. */
    static MvcResult download(MockMvc mvc, String path) throws Exception {
        MvcResult started = mvc.perform(get(path).with(TestUsers.staff())).andExpect(status().isOk()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();
    }
}
