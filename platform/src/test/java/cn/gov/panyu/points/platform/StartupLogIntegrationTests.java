package cn.gov.panyu.points.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A normal start logs nothing an operator must puzzle over: no WARN (nor ERROR) while the platform starts
 * on a fresh database, and none when the home page is shown to a visitor or to staff (it used to ask Flyway
 * for the schema version on every view, and Flyway warned each time). The platform is started here, not
 * taken from the shared test context, so that its start-up is what the captured output holds.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLogIntegrationTests {

    @Test
    void startingAndShowingTheHomePageLogNoWarnings(CapturedOutput output) {
        try (ConfigurableApplicationContext platform = new SpringApplicationBuilder(PointsPlatformApplication.class)
                .profiles("test")
                .properties("server.port=0", "points.data-dir=target/startup-log-data/" + System.nanoTime())
                .run()) {
            String port = platform.getEnvironment().getProperty("local.server.port");
            RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

            for (int view = 0; view < 2; view++) {
                http.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
            }
            String staff = SignIn.as(http, "staff");
            for (int view = 0; view < 2; view++) {
                http.get().uri("/").accept(MediaType.TEXT_HTML).header(HttpHeaders.COOKIE, staff).exchange()
                        .expectStatus().isOk();
            }
        }
        assertThat(output.toString()).as("the platform started and was stopped here").contains("Started", "平台已启动");
        List<String> warnings = output.toString().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .toList();
        assertThat(warnings).as("warnings logged by a normal start and home page views").isEmpty();
    }
}
