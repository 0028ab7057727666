package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

class DirectRequestAttributesTests {

    /** Only hands calls on, like most of the platform's wrappers. */
    static class Passing extends HttpServletRequestWrapper {
        Passing(HttpServletRequest request) {
            super(request);
        }
    }

    /** Watches attributes being set, as Spring's resource URL wrapper does. */
    static class Watching extends HttpServletRequestWrapper {
        final List<String> seen = new ArrayList<>();

        Watching(HttpServletRequest request) {
            super(request);
        }

        @Override
        public void setAttribute(String name, Object value) {
            seen.add(name);
            super.setAttribute(name, value);
        }
    }

    /** Answers one attribute itself, as Tomcat's dispatch wrapper answers the forward and error attributes. */
    static class Answering extends HttpServletRequestWrapper {
        Answering(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return "jakarta.servlet.error.status_code".equals(name) ? 404 : super.getAttribute(name);
        }
    }

    private final MockHttpServletRequest base = new MockHttpServletRequest("GET", "/enterprises");

    @Test
    void readsAndWritesTheRequestUnderWrappersThatOnlyPassCallsOn() throws Exception {
        ServletRequest seen = filter(new Passing(new Passing(base)));

        seen.setAttribute("row", "南村镇");
        assertThat(base.getAttribute("row")).isEqualTo("南村镇");
        base.setAttribute("page", 3);
        assertThat(seen.getAttribute("page")).isEqualTo(3);
        assertThat(Collections.list(seen.getAttributeNames())).contains("row", "page");
        seen.removeAttribute("row");
        assertThat(base.getAttribute("row")).isNull();
        // the shortcut skips the plain wrappers
        assertThat(DirectRequestAttributes.target(new Passing(new Passing(base)), DirectRequestAttributes.Call.GET))
                .isSameAs(base);
    }

    @Test
    void aWrapperWithItsOwnVersionOfACallStillGetsIt() throws Exception {
        Watching watching = new Watching(new Passing(base));
        ServletRequest seen = filter(new Passing(new Answering(new Passing(watching))));

        seen.setAttribute("org.springframework.web.servlet.resource.ResourceUrlProvider", "provider");
        assertThat(watching.seen).contains("org.springframework.web.servlet.resource.ResourceUrlProvider");
        assertThat(seen.getAttribute("jakarta.servlet.error.status_code")).isEqualTo(404);
        assertThat(seen.getAttribute("org.springframework.web.servlet.resource.ResourceUrlProvider"))
                .isEqualTo("provider");
    }

    private static ServletRequest filter(HttpServletRequest request) throws Exception {
        ServletRequest[] passed = new ServletRequest[1];
        new DirectRequestAttributes().doFilter(request, new MockHttpServletResponse(), (req, res) -> passed[0] = req);
        return passed[0];
    }
}
