package cn.gov.panyu.points.engine.quality;

/**
 * One figure behind a flag, as a reviewer reads it: "行业中位数" = "120". Values are already formatted
 * ({@link Numbers#plain}) so that every consumer shows the same digits.
 */
public record Fact(String label, String value) {
}
