package cn.gov.panyu.points.platform;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A page that always fails, so that tests can see what a user sees on a server error. A router
 * function rather than a {@code @Controller}, which component scanning would pick up everywhere.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingPageConfiguration {

    public static final String PATH = "/test-only/failing-page";

    @Bean
    RouterFunction<ServerResponse> failingPage() {
        return RouterFunctions.route()
                .GET(PATH, request -> {
                    throw new IllegalStateException("secret internal detail that must not reach the page");
                })
                .build();
    }
}
