package cn.gov.panyu.points.platform.system;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import cn.gov.panyu.points.platform.account.RefusedBeforeSecurity;

/**
 * Sends every HTML error to the one framed {@code error} template, telling it which kind of error it
 * is. The model is Boot's error attributes, which are configured never to carry an exception,
 * message or stack trace (application.yaml, {@code server.error.*}). A request refused before Spring
 * Security screened it gets the neutral frame, without menu or user ({@code neutral}): it was refused as
 * suspicious, and is answered for no one.
 */
@Component
class ErrorPageResolver implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new LinkedHashMap<>(model);
        page.put("kind", ErrorKind.of(status));
        page.put("neutral", RefusedBeforeSecurity.refused(request));
        return new ModelAndView("error", page, status);
    }
}
