package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a bank records of a loan it granted: amount (万元), annual rate (percent), term (months) and the day
 * it was granted. Read from text as the product form reads its figures, so that the web form and the open
 * API accept and refuse the same inputs with the same Chinese messages.
 */
public record LoanTerms(BigDecimal amount, BigDecimal rate, int termMonths, LocalDate grantedOn) {

    /** The earliest day a loan may be dated: the platform holds no points from before. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /**
     * The terms typed, or the problems keyed by input ("amount", "rate", "termMonths", "grantedOn").
     *
     * @throws CreditException naming every problem at once
     */
    public static LoanTerms read(String amount, String rate, String termMonths, String grantedOn) {
        Map<String, String> problems = new LinkedHashMap<>();
        BigDecimal a = ProductForm.decimal("amount", "放款金额（万元）", amount, true, new BigDecimal("0.01"),
                ProductForm.MAX_AMOUNT, problems);
        BigDecimal r = ProductForm.decimal("rate", "年利率（%）", rate, true, new BigDecimal("0.01"), ProductForm.MAX_RATE,
                problems);
        Integer t = ProductForm.whole("termMonths", "期限（月）", termMonths, 1, ProductForm.MAX_TERM, problems);
        LocalDate d = ProductForm.date("grantedOn", "放款日期", grantedOn, problems);
        if (d != null && (d.isAfter(LocalDate.now()) || d.isBefore(EARLIEST))) {
            problems.put("grantedOn", "放款日期：应在 " + EARLIEST + " 到今天之间");
        }
        CreditException.refuseIf(problems);
        return new LoanTerms(a, r, t, d);
    }

    /** A loan through a product stays within its terms: rate ceiling and longest term. */
    void requireWithin(ProductTerms product) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (rate.compareTo(product.rateCeiling()) > 0) {
            problems.put("rate", "年利率（%）：不能高于产品利率上限 " + CreditRules.plain(product.rateCeiling()) + "%");
        }
        if (termMonths > product.termMonths()) {
            problems.put("termMonths", "期限（月）：不能长于产品最长期限 " + product.termMonths() + " 个月");
        }
        CreditException.refuseIf(problems);
    }
}
