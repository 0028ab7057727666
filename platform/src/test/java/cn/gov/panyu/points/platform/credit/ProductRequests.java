package cn.gov.panyu.points.platform.credit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;

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

    /**
     * Publishes, as the bank's officer, a product every listed enterprise with revenue is eligible for (every stage
     * and list, nothing excluded, base 100 万 for each tier) and answers its id: for tests of what follows an offer.
     */
    public static long openProduct(MockMvc mvc, JdbcClient jdbc, String bank, String namePrefix) throws Exception {
        String name = TestEnterprises.uniqueName(namePrefix);
        mvc.perform(filled(post("/bank/products"), name,
                        "stages", "STARTUP|GROWTH|MATURE", "lowestTier", "RISE", "minimumTotal", "",
                        "excludedNegatives", null, "minimumYears", "0", "baseLead", "100", "baseRun", "100",
                        "baseRise", "100", "bands", "", "rateCeiling", "4.5", "termMonths", "24")
                        .with(TestUsers.bank(bank)))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from credit_product where name = ?").param(name).query(Long.class).single();
    }
}
