package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * What an orchestrator and a monitoring system reach (docs/operations.md): the probes and the health
 * state without signing in, but no details; the metrics, with the platform's own meters, only as an
 * administrator — a machine without a session is told 401, not sent to the sign-in form.
 */
@PlatformIntegrationTest
class OperationsEndpointsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void probesAnswerAnyoneWithTheStateOnly() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            String body = mvc.perform(get(probe).with(anonymous())).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(body).as(probe).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        }
        assertThat(mvc.perform(get("/actuator/health").with(TestUsers.admin())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).as("an administrator sees the checks").contains("\"db\"");
    }

    @Test
    void metricsAreForAdministratorsOnlyWithImportRunAndPageMeters() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(anonymous())).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(TestUsers.staff())).andExpect(status().isForbidden());
        mvc.perform(get("/actuator").with(anonymous())).andExpect(status().isUnauthorized());
        mvc.perform(get("/public/rankings").with(anonymous())).andExpect(status().isOk());

        String text = mvc.perform(get("/actuator/prometheus").with(TestUsers.admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(text).contains("points_runs{", "status=\"published\"", "points_runs_latest_seconds",
                "points_imports{", "status=\"interrupted\"", "points_imports_rows");
        assertThat(text).as("page latency by URI pattern, in buckets")
                .contains("http_server_requests_seconds_bucket{").contains("uri=\"/public/rankings\"");
        assertThat(text).as("Spring Security's filters are not observed one by one on every request (issue 15)")
                .doesNotContain("spring_security_filterchains");
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    /**
     * Whichever request comes first after a start, page latency keeps one set of tag keys: a failed request's
     * extra {@code error} tag, had it registered the series first, would make Prometheus drop every other page's.
     */
    @Test
    void aFailedRequestRegistersNoExtraTagKey() {
        io.micrometer.core.instrument.Timer failed = io.micrometer.core.instrument.Timer.builder("http.server.requests")
                .tags("error", "RequestRejectedException", "exception", "RequestRejectedException", "method", "GET",
                        "outcome", "CLIENT_ERROR", "status", "400", "uri", "UNKNOWN")
                .register(registry);
        assertThat(failed.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
                .containsExactlyInAnyOrder("exception", "method", "outcome", "status", "uri");
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    @org.springframework.beans.factory.annotation.Value("${management.metrics.web.server.max-uri-tags}")
    int maxUriTags;

    /**
     * Every route can have its latency series: the cap on distinct URI tags stays above the number of route
     * patterns with room for the error URIs (the default of 100 stopped recording routes visited after the hundredth).
     */
    @Test
    void everyRouteFitsUnderTheCapOnUriTags() {
        long patterns = mappings.getHandlerMethods().keySet().stream().flatMap(i -> i.getPatternValues().stream())
                .distinct().count();
        assertThat(patterns).isGreaterThan(100);
        assertThat(maxUriTags).isGreaterThanOrEqualTo((int) (patterns * 2));
    }
}
