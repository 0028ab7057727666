package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.panyu.points.engine.cultivation.Exact.show;

/**
 * 高新技术企业 pre-assessment (国科发火〔2016〕32号 and its 工作指引): every condition the data can show,
 * and the innovation-capability assessment as a band — the data-driven parts computed, the expert
 * parts open — so that the outcome is certain (PASS, FAIL) or says what the experts must still give.
 */
public final class Hte {

    public enum Outcome { PASS, FAIL, UNDECIDED, MISSING_DATA }

    /** The capability assessment must exceed this (70 itself fails). */
    static final int CAPABILITY_PASS_ABOVE = 70;

    /**
     * @param capability the innovation-capability band, null when its data is missing
     * @param failed     codes of the conditions that certainly fail, in rule order
     * @param checks     every condition, explained, and the parts of the capability assessment
     */
    public record Result(Outcome outcome, Band capability, List<String> failed, List<Check> checks) {

        /**
         * For UNDECIDED: "高企：若专家评审部分在其余 M 分中给出 ≥ N 分即可通过"; for the others a short
         * statement of the outcome.
         */
        public String verdict() {
            return switch (outcome) {
                case PASS -> "高企：数据可算部分已确定通过（创新能力评价至少 " + capability.min() + " 分）";
                case FAIL -> "高企：确定不符合（" + String.join("、", failedNames()) + "）";
                case MISSING_DATA -> Missing.describe(checks);
                case UNDECIDED -> "高企：创新能力评价已确定 " + capability.min() + " 分，若专家评审在其余 "
                        + (capability.max() - capability.min()) + " 分中给出 ≥ " + expertPointsNeeded() + " 分即可通过";
            };
        }

        /** The points the experts must still give for the assessment to exceed 70 (whole points). */
        public int expertPointsNeeded() {
            return Math.max(0, CAPABILITY_PASS_ABOVE + 1 - capability.min());
        }

        private List<String> failedNames() {
            return checks.stream().filter(c -> failed.contains(c.code())).map(Check::name).toList();
        }
    }

    private static final Bands ST_STAFF = new Bands("科技人员占比", new double[]{10}, new int[]{1});
    private static final Bands HITECH = new Bands("高新技术产品收入占比", new double[]{60}, new int[]{1});
    private static final BigDecimal SMALL_SALES = BigDecimal.valueOf(5000);   // 万元 = ¥50M
    private static final BigDecimal MEDIUM_SALES = BigDecimal.valueOf(20000); // 万元 = ¥200M

    /** Sales of this year, last year and the year before. */
    static final Column[] REVENUE = {Column.of(InputField.REVENUE_Y0), Column.of(InputField.REVENUE_Y1),
            Column.of(InputField.REVENUE_Y2)};
    private static final Column[] RD = {Column.of(InputField.RD_EXPENSE), Column.of(CultivationField.RD_EXPENSE_Y1),
            Column.of(CultivationField.RD_EXPENSE_Y2)};

    private Hte() {
    }

    /** @param year the evaluation year Y: the data are of fiscal year Y, the application follows it */
    public static Result assess(Facts f, int year) {
        List<Check> checks = new ArrayList<>();
        int years = fiscalYears(f, year);
        checks.add(registered(f, year));
        checks.add(ipOwned(f));
        checks.add(Check.selfDeclared("KEY_FIELD", "核心技术属于国家重点支持的高新技术领域", "企业自评"));
        checks.add(Check.selfDeclared("RD_IN_CHINA", "境内研发费用占全部研发费用比例", "≥ 60 %（企业自评）"));
        checks.add(stStaff(f));
        checks.add(rdRatio(f, years));
        checks.add(hitech(f));
        checks.add(Check.of("NO_ACCIDENT", "申请前一年无重大安全、质量事故或严重环境违法", !f.record().has(Negative.ACCIDENT),
                f.record().has(Negative.ACCIDENT) ? Negative.ACCIDENT.label() : "无", "无", show(InputField.NEGATIVES)));

        Capability capability = Capability.assess(f, years);
        Band band = capability.band();
        String threshold = "> " + CAPABILITY_PASS_ABOVE + " 分";
        String source = "知识产权、科技成果转化、研发组织管理、企业成长性";
        if (band == null) {
            checks.add(Check.missing("CAPABILITY", "创新能力评价", threshold, capability.missingSource()));
        } else if (band.min() > CAPABILITY_PASS_ABOVE) {
            checks.add(Check.of("CAPABILITY", "创新能力评价", true, band.toString(), threshold, source));
        } else if (band.max() <= CAPABILITY_PASS_ABOVE) {
            // even the best the experts can give stays at or below 70: how close that best comes is the share
            checks.add(Check.of("CAPABILITY", "创新能力评价", false, band.toString(), threshold, source)
                    .attained(band.max() / (double) (CAPABILITY_PASS_ABOVE + 1)));
        } else {
            checks.add(new Check("CAPABILITY", "创新能力评价", Check.Status.EXPERT_BAND, band.toString(), threshold, source, ""));
        }
        checks.addAll(capability.parts());

        List<String> failed = checks.stream().filter(c -> c.status() == Check.Status.NOT_MET).map(Check::code).toList();
        Outcome outcome;
        if (!failed.isEmpty()) {
            outcome = Outcome.FAIL;
        } else if (checks.stream().anyMatch(c -> c.status() == Check.Status.MISSING)) {
            outcome = Outcome.MISSING_DATA;
        } else {
            outcome = band.min() > CAPABILITY_PASS_ABOVE ? Outcome.PASS : Outcome.UNDECIDED;
        }
        return new Result(outcome, band, failed, List.copyOf(checks));
    }

    /** The fiscal years the three-year figures span: fewer for a younger firm (工作指引: actual years). */
    static int fiscalYears(Facts f, int year) {
        return Math.max(1, Math.min(3, year - f.record().established().getYear() + 1));
    }

    private static Check registered(Facts f, int year) {
        LocalDate est = f.record().established();
        LocalDate end = LocalDate.of(year, 12, 31);
        return Check.of("REGISTERED_1Y", "注册成立一年以上", !est.plusYears(1).isAfter(end), "成立于 " + est,
                "至 " + end + " 满 1 年", show(InputField.ESTABLISHED));
    }

    private static Check ipOwned(Facts f) {
        double c1 = f.value(InputField.IP_CLASS1);
        double c2 = f.value(InputField.IP_CLASS2);
        String source = show(InputField.IP_CLASS1) + "、" + show(InputField.IP_CLASS2);
        if (c1 >= 1 || c2 >= 1) {
            return Check.of("IP_OWNED", "拥有知识产权", true, "Ⅰ类 " + text(c1) + " 项，Ⅱ类 " + text(c2) + " 项", "≥ 1 项", source);
        }
        if (Double.isNaN(c1) || Double.isNaN(c2)) {
            return Check.missing("IP_OWNED", "拥有知识产权", "≥ 1 项", source);
        }
        return Check.of("IP_OWNED", "拥有知识产权", false, "无", "≥ 1 项", source);
    }

    private static Check stStaff(Facts f) {
        double st = f.value(CultivationField.ST_STAFF);
        double all = f.value(InputField.EMPLOYEES);
        BigDecimal ten = BigDecimal.TEN;
        if (Double.isNaN(st)) {
            return Check.missing("ST_STAFF_RATIO", "科技人员占职工总数比例", "≥ 10 %", show(CultivationField.ST_STAFF));
        }
        boolean met = ST_STAFF.score(st, all) > 0;
        Check c = Check.of("ST_STAFF_RATIO", "科技人员占职工总数比例", met,
                Exact.percent(st, all) + "（" + text(st) + " / " + text(all) + " 人）", "≥ 10 %",
                show(CultivationField.ST_STAFF) + "、" + show(InputField.EMPLOYEES));
        return met ? c : c.attained(st * 100 / (all * 10)).withGap("科技人员占比 " + Exact.percent(st, all) + "：再增加 "
                + Exact.hires(st, all, ten) + " 名科技人员可达 10 %");
    }

    /** R&D over the last (up to) three years against sales of the same years, by the latest year's sales band. */
    private static Check rdRatio(Facts f, int years) {
        double sales0 = f.value(InputField.REVENUE_Y0);
        BigDecimal need = Exact.dec(sales0).compareTo(SMALL_SALES) <= 0 ? BigDecimal.valueOf(5)
                : Exact.dec(sales0).compareTo(MEDIUM_SALES) <= 0 ? BigDecimal.valueOf(4) : BigDecimal.valueOf(3);
        String threshold = "≥ " + Exact.plain(need) + " %（本年销售收入 " + text(sales0) + " 万元：≤ 5000 万元 5 %，≤ 2 亿元 4 %，以上 3 %）";
        List<String> sources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal rd = BigDecimal.ZERO;
        BigDecimal sales = BigDecimal.ZERO;
        for (int i = 0; i < years; i++) {
            for (Column col : new Column[]{RD[i], REVENUE[i]}) {
                sources.add(col.display());
                if (Double.isNaN(col.value(f))) {
                    missing.add(col.display());
                }
            }
            if (missing.isEmpty()) {
                rd = rd.add(Exact.dec(RD[i].value(f)));
                sales = sales.add(Exact.dec(REVENUE[i].value(f)));
            }
        }
        if (!missing.isEmpty()) {
            return Check.missing("RD_RATIO", "近三年研发费用占销售收入比例", threshold, String.join("、", missing));
        }
        boolean met = Exact.atLeast(rd, sales, need);
        Check c = Check.of("RD_RATIO", "近" + years + "年研发费用占销售收入比例", met,
                Exact.percent(rd, sales) + "（研发 " + Exact.plain(rd) + " / 收入 " + Exact.plain(sales) + " 万元）", threshold,
                String.join("、", sources));
        if (!met && sales.signum() > 0) {
            c = c.attained(rd.doubleValue() * 100 / (sales.doubleValue() * need.doubleValue()))
                    .withGap("研发投入强度 " + Exact.percent(rd, sales) + "，按销售收入档需 " + Exact.plain(need)
                    + " %：本年还需增加研发投入约 " + Exact.money(Exact.shortfall(need, sales, rd)));
        }
        return c;
    }

    private static Check hitech(Facts f) {
        double h = f.value(InputField.HITECH_REVENUE);
        double all = f.value(InputField.REVENUE_Y0);
        String source = show(InputField.HITECH_REVENUE) + "、" + show(InputField.REVENUE_Y0);
        if (Double.isNaN(h)) {
            return Check.missing("HITECH_REVENUE", "高新技术产品（服务）收入占比", "≥ 60 %", show(InputField.HITECH_REVENUE));
        }
        boolean met = HITECH.score(h, all) > 0;
        Check c = Check.of("HITECH_REVENUE", "高新技术产品（服务）收入占比", met,
                Exact.percent(h, all) + "（" + text(h) + " / " + text(all) + " 万元）", "≥ 60 %", source);
        return met || !(all > 0) ? c : c.attained(h * 100 / (all * 60)).withGap("高新技术产品（服务）收入还差约 "
                + Exact.money(Exact.shortfall(BigDecimal.valueOf(60), all, h)) + " 可达 60 %");
    }

    static String text(double v) {
        return Double.isNaN(v) ? "—" : Exact.plain(v);
    }
}
