package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.calibration.BackTest.Outcome;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.RecordColumns;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The six start-ups of {@link SensitivityTests}, every figure worked by hand. Model A (the active model) puts
 * F1 F2 on 领跑, F3 竞跑, F4 进取, F5 F6 on no list; model B (the draft) F4 F3 领跑, F2 竞跑, F1 F6 进取, F5 none.
 * Became 高企 by Y+1: F1 yes, F2 no, F3 yes, F4 unknown (no later record), F5 no, F6 yes.
 */
class BackTestTests {

    static BackTest.Outcomes outcomes() {
        BackTest.Outcomes o = new BackTest.Outcomes(6);
        Boolean[] hte = {true, false, true, null, false, true};
        for (int i = 0; i < hte.length; i++) {
            o.set(i, Outcome.HTE, 1, hte[i]);
        }
        return o;
    }

    @Test
    void sharesPerTierAndSeparationOfBothModels() {
        BackTest.Report r = BackTest.run(SensitivityTests.ACTIVE, SensitivityTests.draft(), SensitivityTests.cohort(), outcomes());
        assertThat(r.cohort()).isEqualTo(6);
        assertThat(r.a().model()).isEqualTo("tiny@1");
        assertThat(r.b().model()).isEqualTo("tiny@2");

        BackTest.StageResult a = r.a().stage(Stage.STARTUP);
        assertThat(a.enterprises()).isEqualTo(6);
        assertThat(a.rows()).extracting(BackTest.Row::enterprises).containsExactly(2, 1, 1, 2);
        assertThat(a.rows()).extracting(BackTest.Row::label).containsExactly("领跑", "竞跑", "进取", "未上榜");
        // 领跑 F1 yes F2 no: 1/2; 竞跑 F3 yes: 1/1; 进取 F4 unknown: nothing observed; none F5 no F6 yes: 1/2
        assertThat(a.row(Tier.LEAD).cell(Outcome.HTE, 1)).isEqualTo(new BackTest.Cell(2, 1));
        assertThat(a.row(Tier.LEAD).cell(Outcome.HTE, 1).share()).isEqualTo(0.5);
        assertThat(a.row(Tier.RUN).cell(Outcome.HTE, 1).share()).isEqualTo(1.0);
        assertThat(a.row(Tier.RISE).cell(Outcome.HTE, 1).observed()).isZero();
        assertThat(a.row(Tier.RISE).cell(Outcome.HTE, 1).unknown(1)).isEqualTo(1);
        assertThat(a.row(Tier.RISE).cell(Outcome.HTE, 1).share()).isNaN();
        assertThat(a.row(null).cell(Outcome.HTE, 1).share()).isEqualTo(0.5);
        // 0.5 − 0.5; pairs across rows: concordant (better row yes, worse no) F1–F2? no, same row: F1–F5, F3–F5 = 2;
        // discordant F2–F3, F2–F6 = 2 → τ-b 0
        BackTest.Separation sa = a.separation(Outcome.HTE, 1);
        assertThat(sa.topMinusBottom()).isEqualTo(0.0);
        assertThat(sa.kendallTauB()).isEqualTo(0.0);
        assertThat(sa.observed()).isEqualTo(5);

        BackTest.StageResult b = r.b().stage(Stage.STARTUP);
        assertThat(b.rows()).extracting(BackTest.Row::enterprises).containsExactly(2, 1, 2, 1);
        // 领跑 F3 yes (F4 unknown): 1/1; 竞跑 F2 no: 0/1; 进取 F1 F6 yes: 2/2; none F5 no: 0/1
        assertThat(b.rows()).extracting(row -> row.cell(Outcome.HTE, 1).share()).containsExactly(1.0, 0.0, 1.0, 0.0);
        BackTest.Separation sb = b.separation(Outcome.HTE, 1);
        assertThat(sb.topMinusBottom()).isEqualTo(1.0);
        // concordant F3–F2, F3–F5, F1–F5, F6–F5 = 4; discordant F2–F1, F2–F6 = 2; 10 pairs, 1 tied in tier
        // (F1 F6), 3 + 1 tied in the outcome → τ-b = 2 / √(9 · 6)
        assertThat(sb.kendallTauB()).isCloseTo(2 / Math.sqrt(54), within(1e-12));

        // an outcome nobody has data for: no shares, no separation — never failures
        BackTest.Separation loans = b.separation(Outcome.LOAN, 2);
        assertThat(loans.observed()).isZero();
        assertThat(loans.topMinusBottom()).isNaN();
        assertThat(loans.kendallTauB()).isNaN();
        assertThat(r.a().stage(Stage.GROWTH).enterprises()).isZero();
    }

    @Test
    void theTablesTauEqualsTheDefinitionOnTheExpandedData() {
        // model B's table above, {no, yes} per row best first, and the same five enterprises expanded:
        // x = tier order (领跑 4 … 未上榜 1, higher better), y = 1 for yes
        long[][] table = {{0, 1}, {1, 0}, {0, 2}, {1, 0}};
        double[] x = {4, 3, 2, 2, 1};
        double[] y = {1, 0, 1, 1, 0};
        assertThat(BackTest.kendallTauB(table)).isCloseTo(RankCorrelation.kendallTauB(x, y), within(1e-12));
    }

    private static EnterpriseRecord record(String uscc, boolean hte, double revenue, double rd) {
        EnterpriseRecord.Builder b = EnterpriseRecord.builder(uscc).name(uscc).town("市桥街道").industry("C38")
                .established(LocalDate.of(2015, 1, 1)).set(InputField.EMPLOYEES, 10).set(InputField.REVENUE_Y0, revenue)
                .set(InputField.RD_EXPENSE, rd);
        return hte ? b.qualification(Qualification.HTE).build() : b.build();
    }

    /**
     * E1: not 高企 in Y; in Y+1 高企, revenue 100 → 120, R&amp;D 10 → 10; no record of Y+2; a loan in Y+2.
     * E2: 高企 already; no record of Y+1; in Y+2 revenue 100 → 90; R&amp;D missing in Y.
     */
    @Test
    void outcomesFromTheLaterYearsRecordsAndLoans() {
        RecordColumns cohort = RecordColumns.of(List.of(record("E1", false, 100, 10), record("E2", true, 100, Double.NaN)));
        BackTest.Outcomes o = BackTest.outcomes(cohort,
                List.of(Map.of("E1", record("E1", true, 120, 10)), Map.of("E2", record("E2", true, 90, 5))),
                List.of(Set.of(), Set.of("E1")));
        byte yes = BackTest.Outcomes.YES;
        byte no = BackTest.Outcomes.NO;
        byte unknown = BackTest.Outcomes.UNKNOWN;
        // E1: became 高企 in Y+1, so also by Y+2 although Y+2 has no record of it
        assertThat(o.get(0, Outcome.HTE, 1)).isEqualTo(yes);
        assertThat(o.get(0, Outcome.HTE, 2)).isEqualTo(yes);
        // no loan in Y+1 (followed: no); the loan of Y+2 counts by Y+2 without a record of Y+2
        assertThat(o.get(0, Outcome.LOAN, 1)).isEqualTo(no);
        assertThat(o.get(0, Outcome.LOAN, 2)).isEqualTo(yes);
        assertThat(o.get(0, Outcome.REVENUE_GREW, 1)).isEqualTo(yes);
        assertThat(o.get(0, Outcome.REVENUE_GREW, 2)).isEqualTo(unknown);
        assertThat(o.get(0, Outcome.RD_GREW, 1)).isEqualTo(no); // equal is not growth
        assertThat(o.get(0, Outcome.RD_GREW, 2)).isEqualTo(unknown);
        // E2: cannot become 高企; not followed in Y+1 (unknown, not a failure), followed in Y+2
        assertThat(o.get(1, Outcome.HTE, 1)).isEqualTo(unknown);
        assertThat(o.get(1, Outcome.HTE, 2)).isEqualTo(unknown);
        assertThat(o.get(1, Outcome.LOAN, 1)).isEqualTo(unknown);
        assertThat(o.get(1, Outcome.LOAN, 2)).isEqualTo(no);
        assertThat(o.get(1, Outcome.REVENUE_GREW, 1)).isEqualTo(unknown);
        assertThat(o.get(1, Outcome.REVENUE_GREW, 2)).isEqualTo(no);
        assertThat(o.get(1, Outcome.RD_GREW, 2)).isEqualTo(unknown); // nothing to compare with in Y

        // without any data of Y+2 only a loan granted then is known
        BackTest.Outcomes noYear2 = BackTest.outcomes(cohort,
                java.util.Arrays.asList(Map.of("E1", record("E1", true, 120, 10)), null), List.of(Set.of(), Set.of("E1")));
        assertThat(noYear2.get(0, Outcome.LOAN, 2)).isEqualTo(yes);
        assertThat(noYear2.get(1, Outcome.LOAN, 2)).isEqualTo(unknown);
        assertThat(noYear2.get(1, Outcome.REVENUE_GREW, 2)).isEqualTo(unknown);
    }

    @Test
    void refusesCohortsThatDoNotMatch() {
        BackTest.Tiering t = new BackTest.Tiering("m", new Stage[]{Stage.STARTUP}, new Tier[]{null});
        assertThatThrownBy(() -> BackTest.compare(t, t, new BackTest.Outcomes(2))).isInstanceOf(CalibrationException.class);
        assertThatThrownBy(() -> new BackTest.Tiering("m", new Stage[]{null}, new Tier[]{null}))
                .isInstanceOf(CalibrationException.class);
        assertThatThrownBy(() -> new BackTest.Outcomes(1).set(0, Outcome.HTE, 3, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
