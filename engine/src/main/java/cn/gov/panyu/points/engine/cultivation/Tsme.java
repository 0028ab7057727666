package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.panyu.points.engine.cultivation.Exact.show;

/**
 * 科技型中小企业 evaluation (国科发区〔2022〕67号): the basic conditions, the three indicators with their
 * bands, the pass rule (total ≥ 60 and a non-zero staff score) and the direct-pass conditions.
 */
public final class Tsme {

    public enum Outcome { PASS, FAIL, DIRECT_PASS, NOT_ELIGIBLE, MISSING_DATA }

    /**
     * @param staff  科技人员 score (0–20), null when its data is missing
     * @param rd     研发投入 score (0–50), the better of the two ratios; null when missing
     * @param ip     科技成果 score (0–30); null when missing
     * @param checks every condition and indicator, explained
     */
    public record Result(Outcome outcome, Integer staff, Integer rd, Integer ip, List<Check> checks) {

        /** The total, when all three indicators are known. */
        public Integer total() {
            return staff == null || rd == null || ip == null ? null : staff + rd + ip;
        }

        /** "数据缺失: 科技人员数(st_staff)、…" or empty. */
        public String missing() {
            return Missing.describe(checks);
        }
    }

    static final BigDecimal STAFF_LIMIT = BigDecimal.valueOf(500);
    static final BigDecimal MONEY_LIMIT = BigDecimal.valueOf(20000); // 万元 = ¥200M

    private static final Bands STAFF = new Bands("科技人员占比", new double[]{30, 25, 20, 15, 10}, new int[]{20, 16, 12, 8, 4});
    private static final Bands RD_SALES = new Bands("研发投入占销售收入比例", new double[]{6, 5, 4, 3, 2}, new int[]{50, 40, 30, 20, 10});
    private static final Bands RD_COST = new Bands("研发投入占成本费用总额比例", new double[]{30, 25, 20, 15, 10}, new int[]{50, 40, 30, 20, 10});

    private Tsme() {
    }

    public static Result assess(Facts f) {
        List<Check> checks = new ArrayList<>();
        // basic conditions
        checks.add(Check.selfDeclared("RESIDENT", "境内居民企业，不属于禁止、限制和淘汰类", "企业自评"));
        checks.add(notAbove("STAFF_LIMIT", "职工总数", f.value(InputField.EMPLOYEES), STAFF_LIMIT, " 人", show(InputField.EMPLOYEES)));
        checks.add(notAbove("SALES_LIMIT", "年销售收入", f.value(InputField.REVENUE_Y0), MONEY_LIMIT, " 万元", show(InputField.REVENUE_Y0)));
        checks.add(notAbove("ASSETS_LIMIT", "资产总额", f.value(CultivationField.TOTAL_ASSETS), MONEY_LIMIT, " 万元",
                show(CultivationField.TOTAL_ASSETS)));
        checks.add(clean(f));
        boolean eligible = checks.stream().noneMatch(c -> c.status() == Check.Status.NOT_MET);
        boolean basicKnown = checks.stream().noneMatch(c -> c.status() == Check.Status.MISSING);

        Check direct = direct(f);
        checks.add(direct);

        Integer staff = staff(f, checks);
        Integer rd = rd(f, checks);
        Integer ip = ip(f, checks);

        Outcome outcome;
        if (!eligible) {
            outcome = Outcome.NOT_ELIGIBLE;
        } else if (!basicKnown) {
            outcome = Outcome.MISSING_DATA;
        } else if (direct.status() == Check.Status.MET) {
            outcome = Outcome.DIRECT_PASS;
        } else if (staff == null || rd == null || ip == null) {
            outcome = Outcome.MISSING_DATA;
        } else {
            outcome = staff + rd + ip >= 60 && staff != 0 ? Outcome.PASS : Outcome.FAIL;
        }
        return new Result(outcome, staff, rd, ip, List.copyOf(checks));
    }

    private static Check notAbove(String code, String name, double v, BigDecimal limit, String unit, String source) {
        String threshold = "≤ " + Exact.plain(limit) + unit;
        if (Double.isNaN(v)) {
            return Check.missing(code, name, threshold, source);
        }
        return Check.of(code, name, Exact.dec(v).compareTo(limit) <= 0, Exact.plain(v) + unit, threshold, source);
    }

    /** No listed accident, abnormal-operations or serious-dishonesty entry (the input holds this year's). */
    private static Check clean(Facts f) {
        List<String> found = new ArrayList<>();
        for (Negative n : new Negative[]{Negative.ACCIDENT, Negative.ABNORMAL, Negative.DISHONEST}) {
            if (f.record().has(n)) {
                found.add(n.label());
            }
        }
        return Check.of("NEGATIVE_LIST", "重大事故、经营异常、严重失信", found.isEmpty(),
                found.isEmpty() ? "无" : String.join("、", found), "无", show(InputField.NEGATIVES));
    }

    /** Any one direct-pass condition suffices; a missing one is simply not met. */
    private static Check direct(Facts f) {
        List<String> met = new ArrayList<>();
        if (f.record().has(Qualification.HTE)) {
            met.add("有效期内高新技术企业");
        }
        if (f.value(CultivationField.NATIONAL_AWARD_5Y) >= 1) {
            met.add("近五年国家科技奖励（前三完成单位）");
        }
        if (f.value(InputField.RD_PLATFORMS) >= 1) {
            met.add("省部级以上研发机构");
        }
        if (f.value(CultivationField.LED_STANDARDS_5Y) >= 1) {
            met.add("近五年牵头制定国际、国家或行业标准");
        }
        return Check.of("DIRECT", "直通条件", !met.isEmpty(), met.isEmpty() ? "无" : String.join("、", met), "任一项",
                String.join("、", show(InputField.QUALIFICATIONS), show(CultivationField.NATIONAL_AWARD_5Y),
                        show(InputField.RD_PLATFORMS), show(CultivationField.LED_STANDARDS_5Y)));
    }

    private static Integer staff(Facts f, List<Check> checks) {
        double st = f.value(CultivationField.ST_STAFF);
        double all = f.value(InputField.EMPLOYEES);
        String source = show(CultivationField.ST_STAFF) + "、" + show(InputField.EMPLOYEES);
        if (Double.isNaN(st) || Double.isNaN(all)) {
            checks.add(Check.missing("TSME_STAFF", "科技人员指标", STAFF.describe(), show(CultivationField.ST_STAFF)));
            return null;
        }
        int score = STAFF.score(st, all);
        Check c = Check.scored("TSME_STAFF", "科技人员指标", Exact.percent(st, all) + "（" + Exact.plain(st) + " / " + Exact.plain(all) + " 人）→ " + score + " 分",
                STAFF.describe(), source);
        BigDecimal next = STAFF.next(st, all);
        if (next != null) {
            long n = Exact.hires(st, all, next);
            c = c.withGap("科技人员占比 " + Exact.percent(st, all) + "：再增加 " + n + " 名科技人员可达 "
                    + Exact.plain(next) + " %（" + STAFF.scoreAt(next) + " 分）");
        }
        checks.add(c);
        return score;
    }

    private static Integer rd(Facts f, List<Check> checks) {
        double rd = f.value(InputField.RD_EXPENSE);
        double sales = f.value(InputField.REVENUE_Y0);
        double cost = f.value(CultivationField.TOTAL_COST_EXPENSE);
        String source = show(InputField.RD_EXPENSE) + "、" + show(InputField.REVENUE_Y0) + "、" + show(CultivationField.TOTAL_COST_EXPENSE);
        String threshold = "较高者：" + RD_SALES.describe() + "；" + RD_COST.describe();
        if (Double.isNaN(rd)) {
            checks.add(Check.missing("TSME_RD", "研发投入指标", threshold, show(InputField.RD_EXPENSE)));
            return null;
        }
        int bySales = RD_SALES.score(rd, sales);
        if (Double.isNaN(cost) && bySales < RD_SALES.top()) {
            // the better of two ratios: without the second, a better score cannot be ruled out
            checks.add(Check.missing("TSME_RD", "研发投入指标", threshold, show(CultivationField.TOTAL_COST_EXPENSE)));
            return null;
        }
        int byCost = Double.isNaN(cost) ? 0 : RD_COST.score(rd, cost);
        int score = Math.max(bySales, byCost);
        String figure = "占销售收入 " + Exact.percent(rd, sales) + "（" + bySales + " 分）"
                + (Double.isNaN(cost) ? "" : "，占成本费用 " + Exact.percent(rd, cost) + "（" + byCost + " 分）")
                + " → " + score + " 分";
        Check c = Check.scored("TSME_RD", "研发投入指标", figure, threshold, source);
        BigDecimal next = RD_SALES.next(rd, sales);
        if (next != null && bySales >= byCost && sales > 0) {
            c = c.withGap("研发投入占销售收入 " + Exact.percent(rd, sales) + "：本年再增加研发投入约 "
                    + Exact.money(Exact.shortfall(next, sales, rd)) + " 可达 " + Exact.plain(next) + " %（"
                    + RD_SALES.scoreAt(next) + " 分）");
        }
        checks.add(c);
        return score;
    }

    private static Integer ip(Facts f, List<Check> checks) {
        double c1 = f.value(CultivationField.MAIN_IP_CLASS1);
        double c2 = f.value(CultivationField.MAIN_IP_CLASS2);
        String source = show(CultivationField.MAIN_IP_CLASS1) + "、" + show(CultivationField.MAIN_IP_CLASS2);
        String threshold = "≥1 项Ⅰ类 30 · ≥4 项Ⅱ类 24 · 3 项 18 · 2 项 12 · 1 项 6 · 无 0";
        Integer score;
        if (c1 >= 1) {
            score = 30;
        } else if (Double.isNaN(c1) || Double.isNaN(c2)) {
            score = null;
        } else {
            score = c2 >= 4 ? 24 : (int) c2 * 6;
        }
        if (score == null) {
            checks.add(Check.missing("TSME_IP", "科技成果指标", threshold, source));
            return null;
        }
        checks.add(Check.scored("TSME_IP", "科技成果指标",
                "Ⅰ类 " + Exact.plain(c1) + " 项" + (Double.isNaN(c2) ? "" : "，Ⅱ类 " + Exact.plain(c2) + " 项") + " → " + score + " 分",
                threshold, source));
        return score;
    }
}
