package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the points led to in the dashboard's year: 科技信贷 and the 培育库, as their own pages count them
 * ({@link DistrictOutcomes}). District figures: the dashboard's filters do not narrow them.
 *
 * @param credit      the year's applications and loans over every bank; null when the year has neither
 * @param creditChart the amount lent per stage and tier; null without a loan
 * @param pools       each pool built for the year, in the pools' order; empty when none was
 */
public record Outcomes(Credit credit, Chart creditChart, List<PoolSize> pools) {

    public boolean any() {
        return credit != null || !pools.isEmpty();
    }

    /**
     * @param loanAmount 万元
     * @param url        the credit totals page of the year
     */
    public record Credit(long applications, long approvals, long loans, BigDecimal loanAmount, String url) {
    }

    /**
     * The newest version of a pool for the year.
     *
     * @param kept its members not removed (proposed or confirmed)
     * @param url  the pools page of the year
     */
    public record PoolSize(String pool, long kept, long confirmed, String url) {
    }
}
