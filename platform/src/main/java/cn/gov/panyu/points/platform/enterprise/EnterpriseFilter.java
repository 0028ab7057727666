package cn.gov.panyu.points.platform.enterprise;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filters above the enterprise list, bound from the query string. Blank means "any"; {@code year}
 * null means the default year (the latest published one).
 *
 * @param q             part of the name or of the USCC
 * @param stage         STARTUP, GROWTH or MATURE in the year's published run
 * @param tier          LEAD, RUN, RISE in the year's published run, or NONE for "on no list"
 * @param qualification a {@link cn.gov.panyu.points.engine.input.Qualification} code held in the year
 */
public record EnterpriseFilter(String q, String town, String industry, String stage, String tier,
                               String qualification, Integer year) {

    public EnterpriseFilter {
        q = blankToNull(q);
        town = blankToNull(town);
        industry = blankToNull(industry);
        stage = blankToNull(stage);
        tier = blankToNull(tier);
        qualification = blankToNull(qualification);
    }

    public static EnterpriseFilter none() {
        return new EnterpriseFilter(null, null, null, null, null, null, null);
    }

    /** The same filters with the year resolved, so that links and the export keep naming it. */
    public EnterpriseFilter inYear(int y) {
        return new EnterpriseFilter(q, town, industry, stage, tier, qualification, y);
    }

    public boolean any() {
        return q != null || town != null || industry != null || stage != null || tier != null || qualification != null;
    }

    /** The list URL with these filters, the base that pager, sort headers and export extend. */
    public String listUrl(String path) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("town", town);
        params.put("industry", industry);
        params.put("stage", stage);
        params.put("tier", tier);
        params.put("qualification", qualification);
        params.put("year", year);
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
