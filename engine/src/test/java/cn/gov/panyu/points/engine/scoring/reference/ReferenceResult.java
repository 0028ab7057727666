package cn.gov.panyu.points.engine.scoring.reference;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One enterprise's published result as the reference computes it: every number already rounded to
 * hundredths (spec §6), because the published numbers are all that the spec promises.
 *
 * @param points each indicator's published points by indicator code, in model order
 * @param rank   null when ineligible
 * @param tier   null when on no list
 */
public record ReferenceResult(String uscc, Stage stage, Map<String, BigDecimal> points, BigDecimal core,
                              BigDecimal bonus, BigDecimal deduction, BigDecimal total, boolean eligible,
                              Integer rank, Tier tier) {

    public ReferenceResult {
        points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
    }
}
