package cn.gov.panyu.points.platform.evaluation;

import java.math.BigDecimal;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/** One enterprise's stored result in a run (published numbers, two decimals). */
public record ResultRow(String uscc, String name, String town, String industry, Stage stage, BigDecimal core,
                        BigDecimal bonus, BigDecimal deduction, BigDecimal total, Integer rank, Tier tier,
                        boolean eligible) {
}
