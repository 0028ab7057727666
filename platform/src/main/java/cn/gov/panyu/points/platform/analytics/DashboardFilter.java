package cn.gov.panyu.points.platform.analytics;

import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;

/**
 * The dashboard's filters, bound from the query string. Blank means "any"; an unknown stage or qualification
 * is no filter (a link with a stale value shows the whole district rather than an error); {@code year} null or
 * not published means the latest published year.
 *
 * @param qualification a {@link Qualification} code held in the year's merged record (as the enterprise list
 *                      filters it)
 */
public record DashboardFilter(Integer year, String stage, String town, String industry, String qualification) {

    public DashboardFilter {
        stage = blankToNull(stage);
        town = blankToNull(town);
        industry = blankToNull(industry);
        qualification = blankToNull(qualification);
    }

    /** The filters without a qualification, as most callers (the white paper, tests) name them. */
    public DashboardFilter(Integer year, String stage, String town, String industry) {
        this(year, stage, town, industry, null);
    }

    public static DashboardFilter none() {
        return new DashboardFilter(null, null, null, null, null);
    }

    /** The selected stage, or null for all stages (also for a value that names none). */
    public Stage stageOrNull() {
        return stage == null ? null : Stage.parse(stage);
    }

    /** The selected qualification, or null for any (also for a code that names none). */
    public Qualification qualificationOrNull() {
        if (qualification == null) {
            return null;
        }
        for (Qualification q : Qualification.values()) {
            if (q.name().equals(qualification)) {
                return q;
            }
        }
        return null;
    }

    DashboardFilter inYear(int y) {
        Stage s = stageOrNull();
        Qualification q = qualificationOrNull();
        return new DashboardFilter(y, s == null ? null : s.name(), town, industry, q == null ? null : q.name());
    }

    DashboardFilter withStage(String s) {
        return new DashboardFilter(year, s, town, industry, qualification);
    }

    DashboardFilter withTown(String t) {
        return new DashboardFilter(year, stage, t, industry, qualification);
    }

    DashboardFilter withIndustry(String i) {
        return new DashboardFilter(year, stage, town, i, qualification);
    }

    DashboardFilter withQualification(String q) {
        return new DashboardFilter(year, stage, town, industry, q);
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
                .queryParamIfPresent("qualification", Optional.ofNullable(qualificationOrNull()).map(Qualification::name))
                .queryParamIfPresent(name, Optional.ofNullable(value)).encode().build().toUriString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
