package cn.gov.panyu.points.platform.credit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The product form as a browser posts it, for the tests that publish products through the web. */
public final class ProductRequests {

    private ProductRequests() {
    }

    /**
     * A product form filled as a bank would (growth and mature firms, 竞跑 and above, base 300/200 万, bands 60/80,
     * valid for a year from today), with {@code changes} (name, value, name, value …) typed over it.
     */
    public static MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder request, String name, String... changes) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("name", List.of(name));
        form.put("description", List.of("测试产品"));
        form.put("stages", List.of("GROWTH", "MATURE"));
        form.put("lowestTier", List.of("RUN"));
        form.put("minimumTotal", List.of("60"));
        form.put("excludedNegatives", List.of("DISHONEST", "ACCIDENT", "ABNORMAL", "TAX_D"));
        form.put("minimumYears", List.of("3"));
        form.put("baseLead", List.of("300"));
        form.put("baseRun", List.of("200"));
        form.put("bands", List.of("60 = 1\n80 = 1.2"));
        form.put("cap", List.of("1000"));
        form.put("termMonths", List.of("12"));
        form.put("rateCeiling", List.of("4.35"));
        form.put("validFrom", List.of(LocalDate.now().toString()));
        form.put("validTo", List.of(LocalDate.now().plusYears(1).toString()));
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1] == null ? List.of() : List.of(changes[i + 1].split("\\|", -1)));
        }
        form.forEach((field, values) -> request.param(field, values.toArray(String[]::new)));
        return request.with(csrf());
    }
}
