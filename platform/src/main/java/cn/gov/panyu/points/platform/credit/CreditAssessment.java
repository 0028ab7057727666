package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.util.List;

/**
 * The verdict of a product's rules on one enterprise.
 *
 * @param eligible whether the enterprise qualifies
 * @param miss     the first rule it misses, in words ("进取榜单；本产品要求竞跑及以上"), or null when eligible
 * @param line     the pre-approved line in 万元 (whole 万元), or null when not eligible
 * @param steps    how the line was reached, one step per figure; empty when not eligible
 */
public record CreditAssessment(boolean eligible, String miss, BigDecimal line, List<String> steps) {

    public CreditAssessment {
        steps = List.copyOf(steps);
    }

    static CreditAssessment missed(String rule) {
        return new CreditAssessment(false, rule, null, List.of());
    }

    /** The steps as one sentence, as the explanation is shown next to the figure. */
    public String explanation() {
        return String.join("；", steps);
    }
}
