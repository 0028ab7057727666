package cn.gov.panyu.points.platform.collection;

import java.util.Map;

import org.springframework.modulith.NamedInterface;

/**
 * Implemented by the feature that records 双创大赛 awards (contest). The merged record's
 * {@code contest_award_3y} (近三年双创大赛获奖) is 1 for an enterprise with an award counting for the year,
 * whatever the departments reported, so that staff never type an award twice. The interface lives here
 * because collection owns the merged record and must not depend on the contest feature, which depends on it
 * (as audit learns roles through AuditRoles).
 */
@NamedInterface("contest-awards")
public interface ContestAwards {

    /**
     * The awards counting for data year {@code year}: USCC → where the flag comes from, as the record's
     * provenance shows it ("双创大赛 2026 一等奖"); only {@code uscc}'s when it is not null.
     */
    Map<String, String> countingFor(int year, String uscc);
}
