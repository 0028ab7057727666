package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;

import java.time.LocalDate;

/**
 * Hand-written worked examples. Each starts from a firm that is comfortably inside every rule, so that a
 * test changes the one figure it is about and the outcome follows from that figure alone.
 */
final class Examples {

    static final int YEAR = 2025;

    private Examples() {
    }

    /**
     * 科小: 100 staff of whom 30 S&T (30 % → 20), sales 4000 万元 with R&D 240 (6 % → 50), total cost 3000,
     * 2 Ⅱ类 IP tied to the main products (12): 82 points, basic conditions met, no direct-pass route.
     */
    static Facts tsme() {
        EnterpriseRecord r = EnterpriseRecord.builder("91440113MA59AAAA0X").established(LocalDate.of(2015, 1, 1))
                .set(InputField.EMPLOYEES, 100).set(InputField.REVENUE_Y0, 4000).set(InputField.RD_EXPENSE, 240)
                .set(InputField.RD_PLATFORMS, 0).build();
        return Facts.of(r).with(CultivationField.ST_STAFF, 30).with(CultivationField.TOTAL_ASSETS, 5000)
                .with(CultivationField.TOTAL_COST_EXPENSE, 3000).with(CultivationField.MAIN_IP_CLASS1, 0)
                .with(CultivationField.MAIN_IP_CLASS2, 2);
    }

    /**
     * 高企, evaluation year 2025: founded 2015, 20 of 100 staff S&T (20 %), sales 4000/3000/2000 万元 with
     * R&D 240/180/120 (6 % over three years; band 5 % since sales ≤ 5000 万元), high-tech revenue 3000
     * (75 %), 2 Ⅰ类 and 10 Ⅱ类 IP, no standards work, 5 conversions a year (25–30), net assets
     * 2000/1500/1000 and sales growth both ½·(1.5 + 1.333) − 1 = 41.7 % (9–10 each). Capability band:
     * IP 7–8 count + 0–16 judged + 1–6 acquisition = 8–30, conversion 25–30, management 0–20, growth
     * 18–20: 51–100 — UNDECIDED, the experts must give ≥ 20 of the remaining 49.
     */
    static Facts hte() {
        EnterpriseRecord r = EnterpriseRecord.builder("91440113MA59BBBB0X").established(LocalDate.of(2015, 1, 1))
                .set(InputField.EMPLOYEES, 100)
                .set(InputField.REVENUE_Y0, 4000).set(InputField.REVENUE_Y1, 3000).set(InputField.REVENUE_Y2, 2000)
                .set(InputField.RD_EXPENSE, 240).set(InputField.HITECH_REVENUE, 3000)
                .set(InputField.IP_CLASS1, 2).set(InputField.IP_CLASS2, 10).set(InputField.STANDARDS_5Y, 0).build();
        return Facts.of(r).with(CultivationField.ST_STAFF, 20)
                .with(CultivationField.RD_EXPENSE_Y1, 180).with(CultivationField.RD_EXPENSE_Y2, 120)
                .with(CultivationField.TECH_CONVERSIONS_Y0, 5).with(CultivationField.TECH_CONVERSIONS_Y1, 5)
                .with(CultivationField.TECH_CONVERSIONS_Y2, 5)
                .with(CultivationField.NET_ASSETS_Y0, 2000).with(CultivationField.NET_ASSETS_Y1, 1500)
                .with(CultivationField.NET_ASSETS_Y2, 1000);
    }

    static Check check(java.util.List<Check> checks, String code) {
        return checks.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code));
    }
}
