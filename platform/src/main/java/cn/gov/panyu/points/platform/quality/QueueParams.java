package cn.gov.panyu.points.platform.quality;

import org.springframework.web.util.UriComponentsBuilder;

import cn.gov.panyu.points.engine.quality.Rule;
import cn.gov.panyu.points.platform.quality.QualityReviews.Filter;

/**
 * The filters as a request names them; status defaults to the open flags (the work), {@code ALL} shows
 * every status. Unknown values filter nothing rather than failing.
 */
public record QueueParams(Integer year, String rule, String town, String industry, String status) {

    Filter filter() {
        Rule r = null;
        for (Rule candidate : Rule.values()) {
            if (candidate.name().equals(rule)) {
                r = candidate;
            }
        }
        return new Filter(year, r, town, industry, status == null ? FlagStatus.OPEN : FlagStatus.parse(status));
    }

    public String statusOrDefault() {
        return status == null ? FlagStatus.OPEN.name() : status;
    }

    /** The list's URL with these filters: for sort headers, pager, export and the way back after a decision. */
    String url() {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(QualityController.PATH).queryParam("status", statusOrDefault());
        if (year != null) {
            b.queryParam("year", year);
        }
        for (String[] p : new String[][] {{"rule", rule}, {"town", town}, {"industry", industry}}) {
            if (p[1] != null && !p[1].isBlank()) {
                b.queryParam(p[0], p[1]);
            }
        }
        return b.encode().build().toUriString();
    }
}
