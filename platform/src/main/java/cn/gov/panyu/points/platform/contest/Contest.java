package cn.gov.panyu.points.platform.contest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A contest with its groups and criteria.
 *
 * @param expertWeight α of the screening list in percent (the experts' share; the points have the rest)
 */
public record Contest(long id, String name, int year, BigDecimal expertWeight, List<Group> groups,
                      List<Criterion> criteria, String createdBy, LocalDateTime createdAt) {

    public Contest {
        groups = List.copyOf(groups);
        criteria = List.copyOf(criteria);
    }

    /** "番禺区青蓝国际创新创业大赛 2026" as award provenance and page titles show it. */
    public String title() {
        return name + "（" + year + "）";
    }

    /** A group of a contest, e.g. 初创组. */
    public record Group(long id, String name) {
    }

    /** A scoring criterion; the maximum scores of a contest's criteria add up to 100. */
    public record Criterion(long id, String name, BigDecimal maxScore) {
    }
}
