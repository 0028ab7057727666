package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The units targets are written in, each as a multiple of the base unit a platform measure reports in: a
 * target of 2100亿元 and a measure in 万元 compare after 1亿元 = 10,000万元; 13万人 against 人. Units outside
 * this table are compared only with a measure of exactly that unit.
 */
final class Units {

    /** A unit as a factor of its base unit. */
    record Scale(String base, BigDecimal factor) {
    }

    private static final Map<String, Scale> SCALES = Map.ofEntries(
            Map.entry("元", new Scale("万元", new BigDecimal("0.0001"))),
            Map.entry("万元", new Scale("万元", BigDecimal.ONE)),
            Map.entry("亿元", new Scale("万元", new BigDecimal("10000"))),
            Map.entry("人", new Scale("人", BigDecimal.ONE)),
            Map.entry("万人", new Scale("人", new BigDecimal("10000"))),
            Map.entry("家", new Scale("家", BigDecimal.ONE)),
            Map.entry("户", new Scale("家", BigDecimal.ONE)),
            Map.entry("件", new Scale("件", BigDecimal.ONE)),
            Map.entry("项", new Scale("项", BigDecimal.ONE)),
            Map.entry("个", new Scale("个", BigDecimal.ONE)),
            Map.entry("%", new Scale("%", BigDecimal.ONE)),
            Map.entry("‰", new Scale("%", new BigDecimal("0.1"))),
            Map.entry("个工作日", new Scale("个工作日", BigDecimal.ONE)),
            Map.entry("天", new Scale("天", BigDecimal.ONE)));

    private Units() {
    }

    static boolean known(String unit) {
        return SCALES.containsKey(unit);
    }

    /** The scale of {@code unit}; an unknown unit is its own base. */
    static Scale scale(String unit) {
        return SCALES.getOrDefault(unit, new Scale(unit, BigDecimal.ONE));
    }
}
