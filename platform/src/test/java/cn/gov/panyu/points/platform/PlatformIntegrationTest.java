package cn.gov.panyu.points.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole platform on a random port with the {@code test} profile (H2 file database under
 * {@code target/}), with both a real HTTP client and MockMvc (for signed-in requests and CSRF tokens:
 * {@code with(user("staff").roles("STAFF"))}, {@code with(csrf())}). Every integration test uses this one annotation so that they all share one cached
 * application context instead of starting the platform once per class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(FailingPageConfiguration.class)
public @interface PlatformIntegrationTest {
}
