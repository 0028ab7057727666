package cn.gov.panyu.points.platform.evaluation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;

import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Rounding;

/**
 * The published points of each indicator of one result, keyed by the indicator's code. Stored in one
 * column as {@code T1=1234;T2=500;…} — the code, '=', the points in hundredths — because a reader then
 * finds an indicator by its code: a model version that adds, drops or reorders indicators can never shift
 * one indicator's points onto another, and a code the stored result does not know reads as absent.
 *
 * <p>One column rather than a row per indicator: a run of 100,000 enterprises would otherwise write
 * 1.8 million more rows, and every reader wants all indicators of a result at once. Model codes are
 * identifiers (the model loader refuses '=' and ';' in them), so the text needs no escaping.
 */
@NamedInterface("published-scores")
public final class IndicatorPoints {

    private static final IndicatorPoints NONE = new IndicatorPoints(Map.of());

    private final Map<String, BigDecimal> byCode;

    private IndicatorPoints(Map<String, BigDecimal> byCode) {
        this.byCode = byCode;
    }

    /** Reads the stored text; null or blank is a result without indicator points. */
    public static IndicatorPoints parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (String entry : stored.split(";")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("stored indicator points are not keyed by code: " + stored);
            }
            map.put(entry.substring(0, eq), BigDecimal.valueOf(Long.parseLong(entry.substring(eq + 1)), 2));
        }
        return new IndicatorPoints(Collections.unmodifiableMap(map));
    }

    /** The text stored for result {@code i} of an evaluation: its model's indicators in model order. */
    static String format(Evaluation ev, int i) {
        StringBuilder sb = new StringBuilder(ev.model().indicators().size() * 8);
        int j = 0;
        for (Indicator indicator : ev.model().indicators()) {
            if (j > 0) {
                sb.append(';');
            }
            sb.append(indicator.code()).append('=').append(Rounding.cents(ev.points(i, j++)));
        }
        return sb.toString();
    }

    /** The points of the indicator with this code, if the result has it. */
    public Optional<BigDecimal> of(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Code → points, in the order of the model the result was computed with. */
    public Map<String, BigDecimal> asMap() {
        return byCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorPoints p && p.byCode.equals(byCode);
    }

    @Override
    public int hashCode() {
        return byCode.hashCode();
    }

    @Override
    public String toString() {
        return byCode.toString();
    }
}
