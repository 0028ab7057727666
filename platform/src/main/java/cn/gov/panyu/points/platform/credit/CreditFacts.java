package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * What the credit rules look at for one enterprise: its latest published result and the figures of that
 * year's record. Amounts in 万元.
 *
 * @param vetoed          the published run found a veto item (not eligible for ranking): never eligible for credit
 * @param tier            the 榜单, or null when on none
 * @param established     date of establishment, or null when unknown
 * @param revenue         营业收入 of the published year, or null when missing
 * @param revenuePrevious 营业收入 of the year before, or null when missing
 */
public record CreditFacts(int year, Stage stage, Tier tier, BigDecimal total, boolean vetoed,
                          Set<Qualification> qualifications, Set<Negative> negatives, LocalDate established,
                          BigDecimal revenue, BigDecimal revenuePrevious) {
}
