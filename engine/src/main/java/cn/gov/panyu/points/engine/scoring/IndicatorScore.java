package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.model.Indicator;

import java.math.BigDecimal;

/**
 * How one indicator scored for one enterprise: the explanation a firm and its bank officer read.
 *
 * @param raw       the value the indicator read ({@code NaN} when missing or set-valued)
 * @param rawText   that value as text: a number, the set members present, or "" when missing
 * @param fraction  f ∈ [0, 1]
 * @param points    weight × f, unrounded
 * @param maxPoints the weight of the enterprise's stage
 */
public record IndicatorScore(Indicator indicator, double raw, String rawText, double fraction, double points,
                             double maxPoints) {

    public String code() {
        return indicator.code();
    }

    public BigDecimal publishedPoints() {
        return Rounding.decimal(Rounding.cents(points));
    }

    public boolean missing() {
        return rawText.isEmpty();
    }
}
