package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static cn.gov.panyu.points.engine.cultivation.Exact.show;

/**
 * The 高企 innovation-capability assessment (100 points) as far as data decide it. Even the computed
 * parts give a band (an IP count of "≥ 1 Ⅰ类" is worth 7–8 points, the experts pick within it); the
 * judgement parts span their whole range. The band is the sum of the parts.
 */
final class Capability {

    /** 技术先进程度 ≤ 8 plus 核心支持作用 ≤ 8: expert judgement, or the firm's stated score. */
    private static final Band JUDGED_IP_QUALITY = new Band(0, 16);
    private static final Band IP_ACQUISITION = new Band(1, 6);
    private static final Band STANDARDS = new Band(0, 2);
    private static final Band MANAGEMENT = new Band(0, 20);
    private static final int IP_CAP = 30;

    /** Average conversions per year: thresholds (inclusive) and their bands. */
    private static final int[] CONVERSION_AT_LEAST = {5, 4, 3, 2, 1};
    private static final Band[] CONVERSION = {new Band(25, 30), new Band(19, 24), new Band(13, 18), new Band(7, 12), new Band(1, 6)};
    /** Growth rate in percent: thresholds (inclusive) and their bands; above 0 (exclusive) the last band. */
    private static final BigDecimal[] GROWTH_AT_LEAST = {BigDecimal.valueOf(35), BigDecimal.valueOf(25), BigDecimal.valueOf(15), BigDecimal.valueOf(5)};
    private static final Band[] GROWTH = {new Band(9, 10), new Band(7, 8), new Band(5, 6), new Band(3, 4)};
    private static final Band GROWTH_ABOVE_ZERO = new Band(1, 2);

    private final List<Check> parts = new ArrayList<>();
    private final Set<String> missing = new LinkedHashSet<>();
    private Band band = Band.ZERO;

    private Capability() {
    }

    static Capability assess(Facts f, int years) {
        Capability c = new Capability();
        c.ip(f);
        c.conversions(f, years);
        Band management = stated(f, CultivationField.SELF_RD_MANAGEMENT, MANAGEMENT);
        c.add(new Check("CAP_MANAGEMENT", "研究开发组织管理水平", Check.Status.EXPERT_BAND, management.toString(),
                "≤ 20 分，专家评审", show(CultivationField.SELF_RD_MANAGEMENT) + "（未填按 0–20 分）", ""), management);
        c.growth(f, years);
        return c;
    }

    /** The band, or null when data it needs are missing. */
    Band band() {
        return missing.isEmpty() ? band : null;
    }

    List<Check> parts() {
        return parts;
    }

    String missingSource() {
        return String.join("、", missing);
    }

    /**
     * A judgement part: the firm's own score where it states one (cultivation-rules: "ranges the firm
     * states"), else the part's whole range.
     */
    private static Band stated(Facts f, CultivationField field, Band range) {
        double v = f.value(field);
        return Double.isNaN(v) ? range : new Band((int) v, (int) v);
    }

    private void add(Check part, Band points) {
        parts.add(part);
        band = band.plus(points);
    }

    private void lack(String code, String name, String threshold, String source) {
        parts.add(Check.missing(code, name, threshold, source));
        missing.add(source);
    }

    private void ip(Facts f) {
        double c1 = f.value(InputField.IP_CLASS1);
        double c2 = f.value(InputField.IP_CLASS2);
        double standards = f.value(InputField.STANDARDS_5Y);
        String threshold = "数量 ≥1 项Ⅰ类 7–8 · ≥5 项Ⅱ类 5–6 · 3–4 项 3–4 · 1–2 项 1–2；另有先进程度 ≤ 8、核心支持作用 ≤ 8、"
                + "获得方式 1–6、标准 ≤ 2（专家评审，合计 ≤ 30）";
        String source = show(InputField.IP_CLASS1) + "、" + show(InputField.IP_CLASS2) + "、" + show(InputField.STANDARDS_5Y)
                + "、" + show(CultivationField.SELF_IP_QUALITY);
        Band count;
        if (c1 >= 1) {
            count = new Band(7, 8);
        } else if (Double.isNaN(c1) || Double.isNaN(c2)) {
            lack("CAP_IP", "知识产权", threshold, Double.isNaN(c1) ? show(InputField.IP_CLASS1) : show(InputField.IP_CLASS2));
            return;
        } else if (c2 >= 5) {
            count = new Band(5, 6);
        } else if (c2 >= 3) {
            count = new Band(3, 4);
        } else if (c2 >= 1) {
            count = new Band(1, 2);
        } else {
            count = Band.ZERO;
        }
        // with no IP there is nothing for the experts to judge; standards work counts only if there was some
        Band judged = count.max() == 0 ? Band.ZERO
                : stated(f, CultivationField.SELF_IP_QUALITY, JUDGED_IP_QUALITY).plus(IP_ACQUISITION);
        Band bonus = standards == 0 ? Band.ZERO : STANDARDS;
        Band total = count.plus(judged).plus(bonus).cappedAt(IP_CAP);
        add(new Check("CAP_IP", "知识产权", Check.Status.EXPERT_BAND,
                "Ⅰ类 " + Hte.text(c1) + " 项，Ⅱ类 " + Hte.text(c2) + " 项：数量 " + count + "；合计 " + total,
                threshold, source, ""), total);
    }

    private void conversions(Facts f, int years) {
        String name = "科技成果转化能力";
        String threshold = "近三年年均转化 ≥5 项 25–30 · ≥4 项 19–24 · ≥3 项 13–18 · ≥2 项 7–12 · ≥1 项 1–6 · 否则 0";
        CultivationField[] series = {CultivationField.TECH_CONVERSIONS_Y0, CultivationField.TECH_CONVERSIONS_Y1,
                CultivationField.TECH_CONVERSIONS_Y2};
        List<String> sources = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < years; i++) {
            double v = f.value(series[i]);
            sources.add(show(series[i]));
            if (Double.isNaN(v)) {
                lacking.add(show(series[i]));
            } else {
                sum += (long) v;
            }
        }
        if (!lacking.isEmpty()) {
            lack("CAP_CONVERSION", name, threshold, String.join("、", lacking));
            return;
        }
        Band points = Band.ZERO;
        for (int i = 0; i < CONVERSION_AT_LEAST.length; i++) {
            if (sum >= (long) CONVERSION_AT_LEAST[i] * years) { // average ≥ k without a rounded division
                points = CONVERSION[i];
                break;
            }
        }
        BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(years), 2, RoundingMode.HALF_UP);
        add(Check.scored("CAP_CONVERSION", name,
                "年均 " + Exact.plain(average) + " 项（" + years + " 年共 " + sum + " 项）→ " + points,
                threshold, String.join("、", sources)), points);
    }

    private void growth(Facts f, int years) {
        double assets = f.value(CultivationField.TOTAL_ASSETS);
        double liabilities = f.value(CultivationField.TOTAL_LIABILITIES);
        double net0 = f.value(CultivationField.NET_ASSETS_Y0);
        if (Double.isNaN(net0) && !Double.isNaN(assets) && !Double.isNaN(liabilities)) {
            net0 = assets - liabilities; // net assets = total assets − liabilities
        }
        String net0Source = show(CultivationField.NET_ASSETS_Y0) + "（或 " + show(CultivationField.TOTAL_ASSETS) + " − "
                + show(CultivationField.TOTAL_LIABILITIES) + "）";
        rate("CAP_NET_ASSETS_GROWTH", "净资产增长率", years,
                new double[]{net0, f.value(CultivationField.NET_ASSETS_Y1), f.value(CultivationField.NET_ASSETS_Y2)},
                new String[]{net0Source, show(CultivationField.NET_ASSETS_Y1), show(CultivationField.NET_ASSETS_Y2)});
        double[] sales = new double[3];
        String[] salesSources = new String[3];
        for (int i = 0; i < 3; i++) {
            sales[i] = Hte.REVENUE[i].value(f);
            salesSources[i] = Hte.REVENUE[i].display();
        }
        rate("CAP_SALES_GROWTH", "销售收入增长率", years, sales, salesSources);
    }

    /**
     * A growth rate over the last three years, ½·(y₋₁/y₋₂ + y₀/y₋₁) − 1, scored by band. A firm with two
     * fiscal years has the one ratio y₀/y₋₁ − 1; with one, no growth (0 points). A base ≤ 0 makes the
     * ratio meaningless: 0 points, said so.
     */
    private void rate(String code, String name, int years, double[] y, String[] sources) {
        String threshold = "≥35 % 9–10 · ≥25 % 7–8 · ≥15 % 5–6 · ≥5 % 3–4 · >0 1–2 · ≤0 0；"
                + "增长率 = ½·(上年/前年 + 本年/上年) − 1";
        List<String> lacking = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < years; i++) {
            used.add(sources[i]);
            if (Double.isNaN(y[i])) {
                lacking.add(sources[i]);
            }
        }
        if (!lacking.isEmpty()) {
            lack(code, name, threshold, String.join("、", lacking));
            return;
        }
        String source = String.join("、", used);
        if (years == 1) {
            add(Check.scored(code, name, "成立不足两个会计年度，无增长率 → 0 分", threshold, source), Band.ZERO);
            return;
        }
        BigDecimal y0 = Exact.dec(y[0]);
        BigDecimal y1 = Exact.dec(y[1]);
        if (y1.signum() <= 0 || (years == 3 && y[2] <= 0)) {
            add(Check.scored(code, name, "基数不大于 0，增长率无意义 → 0 分", threshold, source), Band.ZERO);
            return;
        }
        // growth ≥ t ⇔ lhs ≥ (1 + t)·base, both sides multiplied by the positive denominators
        BigDecimal lhs;
        BigDecimal base;
        if (years == 3) {
            BigDecimal y2 = Exact.dec(y[2]);
            lhs = y1.multiply(y1).add(y0.multiply(y2));
            base = BigDecimal.valueOf(2).multiply(y1).multiply(y2);
        } else {
            lhs = y0;
            base = y1;
        }
        Band points = lhs.compareTo(base) > 0 ? GROWTH_ABOVE_ZERO : Band.ZERO;
        for (int i = 0; i < GROWTH_AT_LEAST.length; i++) {
            BigDecimal factor = Exact.HUNDRED.add(GROWTH_AT_LEAST[i]);
            if (lhs.multiply(Exact.HUNDRED).compareTo(factor.multiply(base)) >= 0) {
                points = GROWTH[i];
                break;
            }
        }
        BigDecimal percent = lhs.multiply(Exact.HUNDRED).divide(base, 1, RoundingMode.HALF_UP).subtract(Exact.HUNDRED);
        add(Check.scored(code, name, Exact.plain(percent) + " % → " + points, threshold, source), points);
    }
}
