package cn.gov.panyu.points.platform.analytics;

import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

import cn.gov.panyu.points.engine.model.Stage;

/**
 * The dashboard's filters, bound from the query string. Blank means "any"; an unknown stage is no filter
 * (a link with a stale value shows the whole district rather than an error); {@code year} null or not
 * published means the latest published year.
 */
public record DashboardFilter(Integer year, String stage, String town, String industry) {

    public DashboardFilter {
        stage = blankToNull(stage);
        town = blankToNull(town);
        industry = blankToNull(industry);
    }

    public static DashboardFilter none() {
        return new DashboardFilter(null, null, null, null);
    }

    /** The selected stage, or null for all stages (also for a value that names none). */
    public Stage stageOrNull() {
        return stage == null ? null : Stage.parse(stage);
    }

    DashboardFilter inYear(int y) {
        Stage s = stageOrNull();
        return new DashboardFilter(y, s == null ? null : s.name(), town, industry);
    }

    /** {@code path} with these filters as its query string: the data, export and leader-view links keep them. */
    public String url(String path) {
        return url(path, "", null);
    }

    /** {@link #url(String)} with one more parameter, left out when {@code value} is null. */
    public String url(String path, String name, String value) {
        Stage s = stageOrNull();
        return UriComponentsBuilder.fromPath(path).queryParamIfPresent("year", Optional.ofNullable(year))
                .queryParamIfPresent("stage", Optional.ofNullable(s).map(Stage::name))
                .queryParamIfPresent("town", Optional.ofNullable(town))
                .queryParamIfPresent("industry", Optional.ofNullable(industry))
                .queryParamIfPresent(name, Optional.ofNullable(value)).encode().build().toUriString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
