package cn.gov.panyu.points.platform.account;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's endpoints as "METHOD pattern" strings read from the MVC handler mapping, and their
 * patterns filled in with test values. Shared by the tests that walk every endpoint, so that they all
 * see the same list the access table is checked against.
 */
final class Endpoints {

    private Endpoints() {
    }

    /** "METHOD pattern" for every handler method; ANY = a mapping without a method restriction. */
    static Set<String> of(RequestMappingHandlerMapping mappings) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                for (RequestMethod m : methods) {
                    endpoints.add(m.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    static String method(String endpoint) {
        return endpoint.substring(0, endpoint.indexOf(' '));
    }

    static String pattern(String endpoint) {
        return endpoint.substring(endpoint.indexOf(' ') + 1);
    }

    /**
     * Replaces each {@code {variable}} or {@code {variable:regex}} (whose regex may hold braces itself) by
     * {@code value.apply(variable)}.
     */
    static String expand(String pattern, Function<String, String> value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < pattern.length(); end++) {
                depth += pattern.charAt(end) == '{' ? 1 : pattern.charAt(end) == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            out.append(value.apply(pattern.substring(i + 1, end).split(":")[0]));
            i = end + 1;
        }
        return out.toString();
    }
}
