package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A 积分贷 product as its bank publishes it: what it offers, to whom (the rules) and while when.
 *
 * @param termMonths  the longest term of a loan, in months
 * @param rateCeiling the highest annual rate, in percent
 * @param validFrom   first day the product is offered
 * @param validTo     last day the product is offered
 */
public record ProductTerms(String name, String description, ProductRules rules, int termMonths,
                           BigDecimal rateCeiling, LocalDate validFrom, LocalDate validTo) {

    /** Whether the product is offered on {@code day}. */
    public boolean offeredOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
