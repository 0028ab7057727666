package cn.gov.panyu.points.platform.credit;

import java.time.LocalDate;
import java.util.List;

import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Registry;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.ScoreBreakdown;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.YearScore;
import cn.gov.panyu.points.platform.enterprise.PublishedScores.Figure;

/**
 * The detailed report a consented bank sees.
 *
 * @param year  the latest published year of the enterprise (null when it has none; figures then are of the
 *              latest year with data)
 * @param score null when no published result exists
 */
public record BankReport(Registry registry, LocalDate consentExpires, Integer year, ScoreBreakdown score,
                         List<YearScore> history, Integer figuresYear, List<Figure> figures) {
}
