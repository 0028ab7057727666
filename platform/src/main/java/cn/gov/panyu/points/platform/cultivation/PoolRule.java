package cn.gov.panyu.points.platform.cultivation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import cn.gov.panyu.points.engine.cultivation.Tsme;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;

/**
 * A pool's rule with its parameters set: who it proposes, and why, in words staff read on the member list.
 * Plain Java, no database: the pool rules are tested on hand-made assessments.
 */
public record PoolRule(Pool pool, Map<String, Double> values) {

    public PoolRule {
        values = Map.copyOf(values);
    }

    /** The rule with the pool's default parameters. */
    public static PoolRule defaults(Pool pool) {
        Map<String, Double> v = new LinkedHashMap<>();
        pool.parameters().forEach(p -> v.put(p.key(), p.defaultValue()));
        return new PoolRule(pool, v);
    }

    /**
     * A rule from typed parameters; every value within its bounds.
     *
     * @throws IllegalArgumentException with a Chinese message naming the parameter
     */
    public static PoolRule parse(Pool pool, Map<String, String> typed) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Pool.Parameter p : pool.parameters()) {
            String text = typed.get(p.key());
            double value;
            try {
                value = new BigDecimal(text == null ? "" : text.strip()).doubleValue();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("「" + p.label() + "」应为数字，收到「" + (text == null ? "" : text.strip()) + "」");
            }
            if (value < p.min() || value > p.max()) {
                throw new IllegalArgumentException("「" + p.label() + "」应在 " + plain(p.min()) + "–" + plain(p.max())
                        + " " + p.unit() + " 之间，收到 " + plain(value));
            }
            v.put(p.key(), value);
        }
        return new PoolRule(pool, v);
    }

    /** "minTotal=60;…" as stored; unknown or missing names take their defaults (a pool gained a parameter). */
    static PoolRule fromStored(Pool pool, String stored) {
        Map<String, String> typed = new LinkedHashMap<>();
        defaults(pool).values.forEach((k, d) -> typed.put(k, plain(d)));
        for (String pair : stored.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && typed.containsKey(pair.substring(0, eq))) {
                typed.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return parse(pool, typed);
    }

    String stored() {
        StringJoiner j = new StringJoiner(";");
        pool.parameters().forEach(p -> j.add(p.key() + "=" + plain(value(p.key()))));
        return j.toString();
    }

    public double value(String key) {
        return values.get(key);
    }

    /** "科小评价总分不低于 60 分" — the rule as staff set it, kept with each version built by it. */
    public String text() {
        StringJoiner j = new StringJoiner("；");
        pool.parameters().forEach(p -> j.add(p.label() + " " + plain(value(p.key())) + " " + p.unit()));
        return j.toString();
    }

    /** Why the rule proposes the enterprise of {@code year}, or null when it does not. */
    public String reason(Assessed a, int year) {
        return switch (pool) {
            case TSME_RESERVE -> tsme(a);
            case HTE_RESERVE -> hte(a);
            case SRDI_RESERVE -> srdi(a, year);
        };
    }

    private String tsme(Assessed a) {
        if (a.record().has(Qualification.TSME)) {
            return null;
        }
        if (a.tsme() == Tsme.Outcome.DIRECT_PASS) {
            return "符合科小直接通过条件";
        }
        if (a.tsme() == Tsme.Outcome.PASS && a.tsmeTotal() != null && a.tsmeTotal() >= value("minTotal")) {
            return "科小评价 " + a.tsmeTotal() + " 分，通过";
        }
        return null;
    }

    private String hte(Assessed a) {
        if (a.record().has(Qualification.HTE)) {
            return null;
        }
        return switch (a.hte()) {
            case PASS -> "数据可算部分已确定通过（创新能力评价至少 " + a.capability().min() + " 分）";
            case UNDECIDED -> "创新能力评价 " + a.capability() + "，待专家评审";
            case FAIL -> close(a.hteFailed());
            case MISSING_DATA -> null;
        };
    }

    /** A failed 高企 assessment counts when few conditions are short and each by little. */
    private String close(List<Assessed.Shortfall> failed) {
        double margin = value("margin") / 100;
        if (failed.isEmpty() || failed.size() > value("maxShort")
                || failed.stream().anyMatch(f -> !f.nearlyMet(margin))) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Assessed.Shortfall f : failed) {
            parts.add(f.name() + "（达到要求的 " + Math.round(Math.floor(f.attained() * 100)) + " %）");
        }
        return "差 " + failed.size() + " 项：" + String.join("、", parts);
    }

    private String srdi(Assessed a, int year) {
        EnterpriseRecord r = a.record();
        if (r.has(Qualification.SRDI) || r.has(Qualification.LITTLE_GIANT)) {
            return null;
        }
        double revenue = r.value(InputField.REVENUE_Y0);
        double rd = r.value(InputField.RD_EXPENSE);
        double equity = r.value(InputField.EQUITY_FINANCING_3Y);
        LocalDate est = r.established();
        int years = year - est.getYear();
        boolean oldEnough = !est.plusYears((long) value("minYears")).isAfter(LocalDate.of(year, 12, 31));
        if (!oldEnough || !(revenue > 0) || Double.isNaN(rd) || rd < value("minRdExpense")
                || rd * 100 < value("minRdRatio") * revenue) {
            return null;
        }
        boolean bySales = revenue >= value("minRevenue");
        boolean byEquity = !Double.isNaN(equity) && equity >= value("minEquity");
        if (!bySales && !byEquity) {
            return null;
        }
        return "成立约 " + years + " 年；研发费用 " + plain(rd) + " 万元，占营业收入 "
                + BigDecimal.valueOf(rd * 100 / revenue).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " %；"
                + (bySales ? "营业收入 " + plain(revenue) + " 万元" : "近三年股权融资 " + plain(equity) + " 万元");
    }

    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
