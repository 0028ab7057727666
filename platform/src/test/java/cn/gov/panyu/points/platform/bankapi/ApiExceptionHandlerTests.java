package cn.gov.panyu.points.platform.bankapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import cn.gov.panyu.points.platform.credit.CreditApplications;
import cn.gov.panyu.points.platform.credit.Loans;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A failure nobody foresaw — here the loans service throwing with an internal message, as a broken database
 * would — reaches a bank's system as a 500 problem detail in Chinese without anything internal. The real
 * endpoint over a failing service, since the running platform offers no way to make it fail on purpose.
 */
class ApiExceptionHandlerTests {

    @Test
    void aServerErrorIs500WithoutAnythingInternal() throws Exception {
        Loans failing = mock(Loans.class);
        when(failing.recordOutside(any(), any(), any(), any()))
                .thenThrow(new IllegalStateException("secret internal detail that must not reach the bank"));
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new BankCreditApiController(mock(CreditApplications.class), failing))
                .setControllerAdvice(new ApiExceptionHandler())
                .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver()).build();

        MockHttpServletResponse response = mvc.perform(post("/api/v1/bank/loans").contentType(MediaType.APPLICATION_JSON)
                .content("{\"uscc\": \"91440113MA59ZZZZ0X\", \"amount\": \"150\", \"rate\": \"3.6\", \"termMonths\": \"12\", "
                        + "\"grantedOn\": \"" + LocalDate.now() + "\"}")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("secret internal detail").doesNotContain("Exception").doesNotContain("at cn.");
        JsonNode problem = JsonMapper.builder().build().readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        assertThat(problem.get("detail").asString()).startsWith("服务器处理请求时出错");
    }
}
