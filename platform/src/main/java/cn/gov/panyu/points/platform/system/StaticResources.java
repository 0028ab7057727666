package cn.gov.panyu.points.platform.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files, each folder under its own path: the WebJars (versionless paths resolved by the WebJars
 * locator, as before), {@code static/css}, {@code static/js} and the favicon.
 *
 * <p>Spring Boot's default mapping serves {@code static/} under {@code /**} (switched off in application.yaml:
 * {@code spring.web.resources.add-mappings}). With the WebJars locator on the class path the resource chain is on,
 * and its URL filter asks every link a page builds ({@code @{/public/rankings?…}}, pager and sort links) whether it
 * is a static file — under {@code /**}, yes, possibly — so every page link cost four class-path look-ups inside the
 * jar, misses that the chain does not cache. Profiled under load this was over half of every page's CPU time
 * (docs/benchmarks.md, issue 15). Mapped to their own folders, only real static paths are looked up (once: the
 * chain caches hits). The paths are those SecurityConfiguration leaves public.
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        // "/favicon.svg" itself would leave no path within the mapping to resolve
        registry.addResourceHandler("/*.svg").addResourceLocations("classpath:/static/").resourceChain(true);
    }
}
