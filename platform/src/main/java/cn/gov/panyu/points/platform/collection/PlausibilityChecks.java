package cn.gov.panyu.points.platform.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plausibility checks on the merged records (异常提示): findings are written to {@code data_anomaly} for
 * staff to look at and never block anything. The expected R&amp;D intensity (R&amp;D expense / revenue)
 * depends on the industry and the stage (scoring-spec §3: by revenue); the ranges below are deliberately
 * wide — only values far outside them are flagged:
 * <ul>
 * <li>R&amp;D intensity above the upper bound of its industry and stage ({@code RD_INTENSITY_HIGH}), or
 *     R&amp;D staff but no R&amp;D expense in a growth or mature enterprise ({@code RD_INTENSITY_ZERO});</li>
 * <li>revenue more than ×10 or less than ÷10 of last year's, both at least 100 万元
 *     ({@code YEAR_ON_YEAR_JUMP});</li>
 * <li>R&amp;D staff above 90 % of employees with at least 10 employees, or more R&amp;D staff than
 *     employees ({@code RD_STAFF_RATIO}).</li>
 * </ul>
 * One streaming pass over the year's records; a single enterprise's rebuild checks just its row.
 */
@Component
class PlausibilityChecks {

    static final double JUMP_FACTOR = 10;
    static final double JUMP_FLOOR = 100;

    private final JdbcTemplate jdbc;

    PlausibilityChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An anomaly to record. */
    record Finding(String uscc, String field, String kind, String message) {
    }

    void check(int year, String uscc) {
        String only = uscc == null ? "" : " and y.uscc = ?";
        Object[] args = uscc == null ? new Object[] {year} : new Object[] {year, uscc};
        jdbc.update("delete from data_anomaly where data_year = ?" + (uscc == null ? "" : " and uscc = ?"), args);
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("select y.uscc, e.industry, y.revenue_y0, y.revenue_y1, y.rd_expense, y.employees, y.rd_staff"
                + " from enterprise_year y join enterprise e on e.uscc = y.uscc where y.data_year = ?" + only, rs -> {
            for (Finding f : findings(rs.getString(1), rs.getString(2), number(rs.getObject(3)), number(rs.getObject(4)),
                    number(rs.getObject(5)), number(rs.getObject(6)), number(rs.getObject(7)))) {
                rows.add(new Object[] {f.uscc(), year, f.field(), f.kind(), f.message()});
                if (rows.size() == 5_000) {
                    insert(rows);
                }
            }
        }, args);
        insert(rows);
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("insert into data_anomaly (uscc, data_year, field, kind, message) values (?, ?, ?, ?, ?)", rows);
        rows.clear();
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    static List<Finding> findings(String uscc, String industry, Double revenue, Double lastRevenue, Double rdExpense,
                                  Double employees, Double rdStaff) {
        List<Finding> found = new ArrayList<>(1);
        if (revenue != null && rdExpense != null && revenue > 0) {
            double intensity = rdExpense / revenue;
            double upper = upperIntensity(industry, revenue);
            if (intensity > upper) {
                found.add(new Finding(uscc, "rd_expense", "RD_INTENSITY_HIGH", String.format(Locale.ROOT,
                        "研发投入强度 %.1f%% 远高于同行业同阶段的合理上限 %.1f%%，请核对研发费用和营业收入",
                        intensity * 100, upper * 100)));
            }
        }
        if (revenue != null && revenue >= 500 && rdStaff != null && rdStaff >= 5
                && rdExpense != null && rdExpense == 0) {
            found.add(new Finding(uscc, "rd_expense", "RD_INTENSITY_ZERO", String.format(Locale.ROOT,
                    "有研发人员 %.0f 人但研发费用为 0，请核对", rdStaff)));
        }
        if (revenue != null && lastRevenue != null && Math.min(revenue, lastRevenue) >= JUMP_FLOOR
                && (revenue > JUMP_FACTOR * lastRevenue || lastRevenue > JUMP_FACTOR * revenue)) {
            found.add(new Finding(uscc, "revenue_y0", "YEAR_ON_YEAR_JUMP", String.format(Locale.ROOT,
                    "营业收入由上年 %,.2f 万元变为 %,.2f 万元（%.1f 倍），请核对", lastRevenue, revenue,
                    revenue / lastRevenue)));
        }
        if (employees != null && rdStaff != null
                && (rdStaff > employees || (employees >= 10 && rdStaff > 0.9 * employees))) {
            found.add(new Finding(uscc, "rd_staff", "RD_STAFF_RATIO", String.format(Locale.ROOT,
                    "研发人员 %.0f 人占职工总数 %.0f 人的 %.1f%%，请核对", rdStaff, employees,
                    employees == 0 ? 100.0 : rdStaff / employees * 100)));
        }
        return found;
    }

    /**
     * The highest plausible R&amp;D intensity for an industry section and a stage: research and software
     * firms spend far more than manufacturers, and start-ups with little revenue far more than mature firms.
     */
    static double upperIntensity(String industry, double revenue) {
        char section = industry == null || industry.isEmpty() ? ' ' : industry.charAt(0);
        double base = switch (section) {
            case 'I', 'M' -> 0.6;  // 信息传输软件, 科学研究和技术服务
            case 'C' -> 0.25;       // 制造业
            default -> 0.3;
        };
        if (revenue < 500) {
            return base * 4;        // 初创期: little revenue, research paid by financing
        }
        return revenue < 10_000 ? base : base * 0.6;
    }
}
