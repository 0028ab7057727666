package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;


import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/** One enterprise's total in two consecutive published years of the same stage ({@link DistrictDashboard}: the risers and fallers). */
public record ScoreChange(String uscc, String name, String town, String industry, Stage stage, BigDecimal previousTotal,
                          BigDecimal total, Tier tier) {

    public BigDecimal change() {
        return total.subtract(previousTotal);
    }
}
