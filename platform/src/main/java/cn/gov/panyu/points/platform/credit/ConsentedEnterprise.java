package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * An enterprise on a bank's list, with its result in the latest published year.
 *
 * @param year null (and the score fields too) when the enterprise is not in the latest published run
 */
public record ConsentedEnterprise(String uscc, String name, String town, String industry, Integer year,
                                  BigDecimal total, Stage stage, Integer rank, Tier tier, LocalDate consentExpires) {
}
