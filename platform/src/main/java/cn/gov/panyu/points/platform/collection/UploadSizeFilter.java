package cn.gov.panyu.points.platform.collection;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a department upload whose announced size is beyond the limit before anything reads it. It has
 * to run ahead of Spring Security: the CSRF check reads the form parameters, and the servlet container
 * answers a too-large multipart body there with a bare 413 error page. Here the user is sent back to the
 * upload page with the Chinese message instead (the container discards the rest of the body,
 * {@code server.tomcat.max-swallow-size}).
 */
@Configuration(proxyBeanMethods = false)
class UploadSizeFilter {

    static final String UPLOAD_PATH = "/collection/imports/new";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> departmentUploadSizeFilter(ImportProperties properties) {
        long limit = properties.maxFileSize().toBytes();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // the form fields and multipart framing add a few KB to the file itself
                if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > limit + 64 * 1024) {
                    response.sendRedirect(request.getContextPath() + UPLOAD_PATH + "?tooLarge");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(UPLOAD_PATH);
        registration.setOrder(-1000); // before Spring Security's filter chain (-100)
        return registration;
    }
}
