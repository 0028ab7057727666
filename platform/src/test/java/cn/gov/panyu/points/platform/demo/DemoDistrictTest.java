package cn.gov.panyu.points.platform.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The platform as {@code bin/points serve} starts it on an empty database — demo accounts and a small demo
 * district loaded at start-up — in a database of its own (in memory), so that the shared test database
 * of {@code @PlatformIntegrationTest} is never the "empty database" and this one always is. Every class
 * with this annotation shares the one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "points.demo.enterprises=" + DemoDistrictTest.SIZE,
        "points.data-dir=target/demo-district-data",
        "spring.datasource.url=jdbc:h2:mem:demo-district;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureRestTestClient
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface DemoDistrictTest {

    /** Small, so that the context starts quickly; the shape of the data does not depend on the size. */
    int SIZE = 400;
}
