package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * The 科技信贷 figures of one bank, year, stage and tier — or of several, added with {@link #plus}. The sums are
 * kept rather than the averages, so that totals over banks or years average correctly (the dashboards add them).
 * Amounts in 万元.
 *
 * @param bankCode        null in a sum over banks
 * @param year            the year an application was filed, or a loan granted; null in a sum over years
 * @param stage           the enterprise's stage in the published result the application (or loan) rested on; null
 *                        when it had none, or in a sum
 * @param tier            its tier then; null when on no list, or in a sum
 * @param applications    applications filed
 * @param approvals       applications the bank accepted that have not been refused or withdrawn since (已受理, 已放款)
 * @param rejections      applications refused (已拒绝)
 * @param decided         applications with a first decision (accepted or refused), those whose delay is measured
 * @param decisionMinutes minutes from filing to the first decision, added over {@code decided}
 * @param loans           loans granted, through applications and outside the platform
 * @param loanAmount      their amounts, added
 * @param rateSum         their annual rates (percent), added
 */
public record CreditTotal(String bankCode, String bankName, Integer year, Stage stage, Tier tier, long applications,
                          long approvals, long rejections, long decided, long decisionMinutes, long loans,
                          BigDecimal loanAmount, BigDecimal rateSum) {

    private static final BigDecimal MINUTES_A_DAY = BigDecimal.valueOf(24 * 60);

    static CreditTotal empty(String bankCode, String bankName, Integer year, Stage stage, Tier tier) {
        return new CreditTotal(bankCode, bankName, year, stage, tier, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The same figures under another bank, year, stage and tier. */
    CreditTotal keyed(String bankCode, String bankName, Integer year, Stage stage, Tier tier) {
        return new CreditTotal(bankCode, bankName, year, stage, tier, applications, approvals, rejections, decided,
                decisionMinutes, loans, loanAmount, rateSum);
    }

    /** The mean annual rate of the loans, in percent (two decimals); null without a loan. */
    public BigDecimal averageRate() {
        return loans == 0 ? null : rateSum.divide(BigDecimal.valueOf(loans), 2, RoundingMode.HALF_UP);
    }

    /** The mean days from filing to the first decision (one decimal); null when nothing was decided. */
    public BigDecimal averageDaysToDecision() {
        return decided == 0 ? null
                : BigDecimal.valueOf(decisionMinutes).divide(MINUTES_A_DAY.multiply(BigDecimal.valueOf(decided)), 1,
                        RoundingMode.HALF_UP);
    }

    /** The figures of both; a key (bank, year, stage, tier) the two do not share becomes null. */
    public CreditTotal plus(CreditTotal o) {
        return new CreditTotal(same(bankCode, o.bankCode), same(bankName, o.bankName), same(year, o.year),
                same(stage, o.stage), same(tier, o.tier), applications + o.applications, approvals + o.approvals,
                rejections + o.rejections, decided + o.decided, decisionMinutes + o.decisionMinutes, loans + o.loans,
                loanAmount.add(o.loanAmount), rateSum.add(o.rateSum));
    }

    private static <T> T same(T a, T b) {
        return a != null && a.equals(b) ? a : null;
    }
}
