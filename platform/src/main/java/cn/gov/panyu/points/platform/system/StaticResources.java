package cn.gov.panyu.points.platform.system;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The static files, each folder under its own path: the WebJars (versionless paths resolved by the WebJars
 * locator), {@code static/css}, {@code static/js} and the favicon.
 *
 * <p>Spring Boot's default mapping serves {@code static/} under {@code /**} (switched off in application.yaml:
 * {@code spring.web.resources.add-mappings}). With the WebJars locator on the class path the resource chain is on,
 * and its URL filter asks every link a page builds ({@code @{/public/rankings?…}}, pager and sort links) whether it
 * is a static file — under {@code /**}, yes, possibly — so every page link cost four class-path look-ups inside the
 * jar, misses that the chain does not cache. Profiled under load this was over half of every page's CPU time
 * (docs/benchmarks.md, issue 15). Mapped to their own folders, only real static paths are looked up (once: the
 * chain caches hits). The paths are those SecurityConfiguration leaves public.
 *
 * <p>Browsers keep the files for a year ({@link #KEPT_FOR}). Before, every page view downloaded Bootstrap, htmx and
 * the platform's own files again (Spring Security's no-store applied to them too): four or five requests and a
 * third of a megabyte per page. A year is safe because pages link each file under a name that changes with its
 * content: the WebJars' version is in their paths, and the platform's own files carry a hash of their content
 * ({@code /css/app-1f3a….css}), so an upgrade is fetched at once. The plain names still answer, for anyone who
 * types them. The favicon keeps its name and is kept for a day.
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

    static final Duration KEPT_FOR = Duration.ofDays(365);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl kept = CacheControl.maxAge(KEPT_FOR).cachePublic().immutable();
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(kept).resourceChain(true);
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(kept).resourceChain(true).addResolver(byContent());
        }
        // "/favicon.svg" itself would leave no path within the mapping to resolve. Its name stays as it is: it is
        // public by that name (a sign-in page's favicon under any other name would be asked for before sign-in,
        // refused, and become the page the sign-in returns to), so browsers keep it for a day, not a year.
        registry.addResourceHandler("/*.svg").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).resourceChain(true);
    }

    private static VersionResourceResolver byContent() {
        return new VersionResourceResolver().addContentVersionStrategy("/**");
    }
}
