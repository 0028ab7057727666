package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the pre-assessment over firms varied around the worked examples. */
class PreAssessmentPropertyTests {

    @Property
    void moreRdNeverTurnsAPassIntoAFail(@ForAll("firms") Facts f, @ForAll("amounts") BigDecimal more) {
        Facts richer = f.with(InputField.RD_EXPENSE, BigDecimal.valueOf(f.value(InputField.RD_EXPENSE)).add(more).doubleValue());
        Tsme.Result before = Tsme.assess(f);
        Tsme.Result after = Tsme.assess(richer);
        if (before.outcome() == Tsme.Outcome.PASS) {
            assertThat(after.outcome()).isEqualTo(Tsme.Outcome.PASS);
        }
        if (before.rd() != null) {
            assertThat(after.rd()).isGreaterThanOrEqualTo(before.rd());
        }
        if (Hte.assess(f, Examples.YEAR).outcome() != Hte.Outcome.FAIL) {
            assertThat(Hte.assess(richer, Examples.YEAR).outcome()).isNotEqualTo(Hte.Outcome.FAIL);
        }
    }

    @Property
    void moreStStaffNeverLowersTheStaffScore(@ForAll("firms") Facts f, @ForAll("hires") int more) {
        double st = Math.min(f.value(InputField.EMPLOYEES), f.value(CultivationField.ST_STAFF) + more);
        assertThat(Tsme.assess(f.with(CultivationField.ST_STAFF, st)).staff()).isGreaterThanOrEqualTo(Tsme.assess(f).staff());
    }

    @Property
    void aCertainOutcomeHasCertainConditions(@ForAll("firms") Facts f) {
        Hte.Result r = Hte.assess(f, Examples.YEAR);
        assertThat(r.capability().max()).isLessThanOrEqualTo(100);
        switch (r.outcome()) {
            case PASS -> {
                assertThat(r.checks()).noneMatch(c -> c.status() == Check.Status.NOT_MET || c.status() == Check.Status.MISSING);
                assertThat(r.capability().min()).isGreaterThan(70);
            }
            case UNDECIDED -> {
                assertThat(r.capability().min()).isLessThanOrEqualTo(70);
                assertThat(r.capability().max()).isGreaterThan(70);
                assertThat(r.expertPointsNeeded()).isBetween(1, r.capability().max() - r.capability().min());
            }
            case FAIL -> assertThat(r.failed()).isNotEmpty();
            case MISSING_DATA -> throw new AssertionError("every figure was given");
        }
    }

    /** The fen shortcut of {@link Exact#dec} gives exactly the decimal {@link BigDecimal#valueOf(double)} gives. */
    @Property
    void decimalsAreTheTypedOnes(@ForAll double v) {
        assertThat(Exact.dec(v).compareTo(BigDecimal.valueOf(v))).isZero();
    }

    @Property
    void typedAmountsKeepTheirValue(@ForAll("typed") BigDecimal typed) {
        assertThat(Exact.dec(typed.doubleValue()).compareTo(typed)).isZero();
    }

    @Provide
    Arbitrary<BigDecimal> typed() {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1e12), BigDecimal.valueOf(1e12)).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(5000)).ofScale(2);
    }

    @Provide
    Arbitrary<Integer> hires() {
        return Arbitraries.integers().between(0, 300);
    }

    @Provide
    Arbitrary<Facts> firms() {
        Arbitrary<Integer> employees = Arbitraries.integers().between(1, 600);
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 1).ofScale(2);
        Arbitrary<BigDecimal> sales = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(30000)).ofScale(2);
        Arbitrary<BigDecimal> rd = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(3000)).ofScale(2);
        Arbitrary<Integer> judged = Arbitraries.integers().between(0, 16);
        Arbitrary<Integer> conversions = Arbitraries.integers().between(0, 8);
        return Combinators.combine(employees, share, sales, rd, judged, conversions, share).as((e, s, rev, r, j, c, h) ->
                Examples.hte().with(InputField.EMPLOYEES, e).with(CultivationField.ST_STAFF, Math.floor(e * s))
                        .with(InputField.REVENUE_Y0, rev.doubleValue()).with(InputField.HITECH_REVENUE, Math.floor(rev.doubleValue() * h))
                        .with(InputField.RD_EXPENSE, r.doubleValue()).with(CultivationField.SELF_IP_QUALITY, j)
                        .with(CultivationField.SELF_RD_MANAGEMENT, j)
                        .with(CultivationField.TECH_CONVERSIONS_Y0, c)
                        .with(CultivationField.TOTAL_ASSETS, 5000).with(CultivationField.TOTAL_COST_EXPENSE, 3000)
                        .with(CultivationField.MAIN_IP_CLASS1, 0).with(CultivationField.MAIN_IP_CLASS2, c % 5));
    }
}
