package cn.gov.panyu.points.platform.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.gov.panyu.points.engine.calibration.BackTest;
import cn.gov.panyu.points.engine.calibration.BackTest.Outcome;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.evaluation.DistrictFixture;

/**
 * The back-test on a hand-made district of six start-ups (year 2096, followed into 2097; no data of 2098), scored
 * by two small model versions stored as drafts. Two band indicators read rd_staff (A) and ip_class1 (B):
 * 4 → 1, 3 → 0.75, 2 → 0.5, 1 → 0.25. Model A weighs them 80/20, model B 20/80; tiers: the top 20 % 领跑,
 * 40 % 竞跑, 60 % 进取. (A, B) values and totals under A / B: F1 (4,1) 85/40 · F2 (3,2) 70/55 · F3 (2,3) 55/70 ·
 * F4 (1,4) 40/85 · F5 (0,0) 0/0 · F6 (0,2) 10/40. Model A: F1 F2 领跑, F3 竞跑, F4 进取, F5 F6 none; model B:
 * F4 F3 领跑, F2 竞跑, F1 F6 (tied) 进取, F5 none.
 *
 * <p>In 2097: F1 F3 F6 are 高企, F2 F5 are not, F4 has no record; F2 got a loan in 2097; revenue 100 → F1 150,
 * F5 120, the others 100 (no growth).
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackTestIntegrationTests {

    private static final int YEAR = 2096;
    private static final String MODEL = """
            id: backtest-%1$s
            version: "%2$s"
            name: 回测模型%1$s
            district: {name: 测试区, towns: [市桥街道]}
            stages: {growthFrom: 500, matureFrom: 10000}
            coreTotal: 100
            indicators:
              - {code: A, category: 技术创新, name: 研发人员数, value: rd_staff, transform: bands,
                 bands: [{atLeast: 4, fraction: 1.0}, {atLeast: 3, fraction: 0.75}, {atLeast: 2, fraction: 0.5}, {atLeast: 1, fraction: 0.25}],
                 weights: {STARTUP: %3$d, GROWTH: %3$d, MATURE: %3$d}}
              - {code: B, category: 技术创新, name: 有效Ⅰ类知识产权数, value: ip_class1, transform: bands,
                 bands: [{atLeast: 4, fraction: 1.0}, {atLeast: 3, fraction: 0.75}, {atLeast: 2, fraction: 0.5}, {atLeast: 1, fraction: 0.25}],
                 weights: {STARTUP: %4$d, GROWTH: %4$d, MATURE: %4$d}}
            keyIndustries: []
            bonus: {cap: 0, items: []}
            negatives: []
            tiers: [{tier: LEAD, topPercent: 20}, {tier: RUN, topPercent: 40}, {tier: RISE, topPercent: 60}]
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BackTests backTests;

    private long modelA;
    private long modelB;
    private String version;
    private final List<String> uscc = new ArrayList<>();

    @BeforeAll
    void district() {
        // a version no earlier run of this test stored (the test database outlives a run)
        version = TestEnterprises.uniqueName("bt");
        modelA = storeDraft("A", 80, 20);
        modelB = storeDraft("B", 20, 80);
        int[][] values = {{4, 1}, {3, 2}, {2, 3}, {1, 4}, {0, 0}, {0, 2}};
        List<EnterpriseRecord> year = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            uscc.add(TestEnterprises.uscc());
            year.add(record(i, 100, false).set(InputField.RD_STAFF, values[i][0]).set(InputField.IP_CLASS1, values[i][1]).build());
        }
        DistrictFixture.replace(jdbc, YEAR, year);
        DistrictFixture.replace(jdbc, YEAR + 1, List.of(record(0, 150, true).build(), record(1, 100, false).build(),
                record(2, 100, true).build(), record(4, 120, false).build(), record(5, 100, true).build()));
        jdbc.update("delete from enterprise_year where data_year = ?", YEAR + 2);
        jdbc.update("""
                insert into credit_loan (bank_code, uscc, amount, rate, term_months, granted_on, recorded_by, recorded_at)
                values ('ICBC-PY', ?, 100, 3.5, 12, ?, 'test', ?)""", uscc.get(1), LocalDate.of(YEAR + 1, 5, 1),
                LocalDateTime.now());
    }

    private EnterpriseRecord.Builder record(int i, double revenue, boolean hte) {
        EnterpriseRecord.Builder b = EnterpriseRecord.builder(uscc.get(i)).name("回测企业" + (i + 1)).town("市桥街道")
                .industry("C38").established(LocalDate.of(2015, 1, 1)).set(InputField.EMPLOYEES, 10)
                .set(InputField.REVENUE_Y0, revenue);
        return hte ? b.qualification(Qualification.HTE) : b;
    }

    private long storeDraft(String name, int weightA, int weightB) {
        String text = MODEL.formatted(name, version, weightA, weightB);
        jdbc.update("insert into score_model (model_key, version, name, status, definition, created_by) values (?, ?, ?, 'DRAFT', ?, 'test')",
                "backtest-" + name, version, "回测模型" + name, text);
        return jdbc.queryForObject("select id from score_model where model_key = ? and version = ?", Long.class,
                "backtest-" + name, version);
    }

    private BackTests.Result result() {
        return TestUsers.asStaff(() -> backTests.run(backTests.choose(YEAR, modelA, modelB).orElseThrow()));
    }

    @Test
    void sharesPerTierOfBothModelsAsWorkedByHand() {
        BackTests.Result r = result();
        assertThat(r.horizons()).containsExactly(1); // no data of 2098
        assertThat(r.report().cohort()).isEqualTo(6);
        BackTest.StageResult a = r.report().a().stage(Stage.STARTUP);
        BackTest.StageResult b = r.report().b().stage(Stage.STARTUP);
        assertThat(a.rows()).extracting(BackTest.Row::enterprises).containsExactly(2, 1, 1, 2);
        assertThat(b.rows()).extracting(BackTest.Row::enterprises).containsExactly(2, 1, 2, 1);
        // became 高企: F1 F3 F6 yes, F2 F5 no, F4 unknown → A 1/2, 1/1, none, 1/2; B 1/1, 0/1, 2/2, 0/1
        assertThat(a.rows()).extracting(row -> row.cell(Outcome.HTE, 1))
                .containsExactly(new BackTest.Cell(2, 1), new BackTest.Cell(1, 1), new BackTest.Cell(0, 0), new BackTest.Cell(2, 1));
        assertThat(b.rows()).extracting(row -> row.cell(Outcome.HTE, 1))
                .containsExactly(new BackTest.Cell(1, 1), new BackTest.Cell(1, 0), new BackTest.Cell(2, 2), new BackTest.Cell(1, 0));
        // a loan: F2 only; F4 has no record of 2097 and no loan → unknown
        assertThat(a.row(Tier.LEAD).cell(Outcome.LOAN, 1)).isEqualTo(new BackTest.Cell(2, 1));
        assertThat(b.row(Tier.RUN).cell(Outcome.LOAN, 1)).isEqualTo(new BackTest.Cell(1, 1));
        assertThat(b.row(Tier.LEAD).cell(Outcome.LOAN, 1)).isEqualTo(new BackTest.Cell(1, 0));
        // revenue grew: F1 (150) and F5 (120)
        assertThat(a.row(Tier.LEAD).cell(Outcome.REVENUE_GREW, 1)).isEqualTo(new BackTest.Cell(2, 1));
        assertThat(a.row(null).cell(Outcome.REVENUE_GREW, 1)).isEqualTo(new BackTest.Cell(2, 1));
        assertThat(b.row(Tier.RISE).cell(Outcome.REVENUE_GREW, 1)).isEqualTo(new BackTest.Cell(2, 1));
        // R&D expense is missing in every record: nothing known
        assertThat(a.separation(Outcome.RD_GREW, 1).observed()).isZero();
        // separation of 高企: A 0.5 − 0.5 = 0, τ-b 0; B 1 − 0, τ-b 2 / √54 (see the engine's BackTestTests)
        assertThat(a.separation(Outcome.HTE, 1).topMinusBottom()).isEqualTo(0.0);
        assertThat(b.separation(Outcome.HTE, 1).topMinusBottom()).isEqualTo(1.0);
        assertThat(b.separation(Outcome.HTE, 1).kendallTauB()).isCloseTo(2 / Math.sqrt(54), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void thePageShowsBothModelsByNameWithTheirSharesAndSeparation() throws Exception {
        String page = mvc.perform(get("/calibration/backtest").param("year", "" + YEAR).param("a", "" + modelA)
                        .param("b", "" + modelB).with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("回测模型A（" + version + "，草稿）", "回测模型B（" + version + "，草稿）",
                "2096 年度共 6 家企业参与回测，观察其至 2097 年的后续结果", "初创期", "领跑", "竞跑", "进取", "未上榜",
                "成为高新技术企业", "获得贷款", "无数据", "不计为未发生",
                // 高企 in 领跑: A 1 of 2, B 1 of 1; the separation row of 高企
                "50.0%（1/2）", "100.0%（1/1）", "A 0.0 个百分点 · B 100.0 个百分点", "A 0.000 · B 0.272");
        assertThat(page).doesNotContain("backtest-A", "LEAD", "HTE", "REVENUE_GREW", "是同一版本");

        // one version on both sides: the page says why the two sides agree
        String same = mvc.perform(get("/calibration/backtest").param("year", "" + YEAR).param("a", "" + modelA)
                        .param("b", "" + modelA).with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(same).contains("模型A 与模型B 是同一版本");
    }

    private List<List<String>> export(String year) throws Exception {
        MvcResult started = mvc.perform(get("/calibration/backtest/export").param("year", year)
                .param("a", "" + modelA).param("b", "" + modelB).with(TestUsers.staff())).andReturn();
        byte[] xlsx = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> sheet = wb.getFirstSheet().openStream()) {
            sheet.forEach(r -> rows.add(r.stream().map(c -> c == null ? "" : c.getText()).toList()));
        }
        return rows;
    }

    @Test
    void theExportHasEveryShareByLabel() throws Exception {
        List<List<String>> rows = export("" + YEAR);
        assertThat(rows.get(0)).startsWith("数据年度", "模型", "模型版本", "发展阶段", "榜单");
        // 2 models × 3 stages × 1 horizon × 4 outcomes × (4 tiers + the separation row)
        assertThat(rows).hasSize(1 + 2 * 3 * 4 * 5);
        // B's 进取 (F1 F6): both observed, both 高企; A's 进取 (F4): nothing observed, so no share (empty cells
        // at the end of a row are not written)
        assertThat(rows).contains(List.of("2096", "模型B", "回测模型B（" + version + "，草稿）", "初创期", "进取", "2", "2097",
                "成为高新技术企业", "2", "2", "1.0"));
        assertThat(rows).contains(List.of("2096", "模型A", "回测模型A（" + version + "，草稿）", "初创期", "进取", "1", "2097",
                "成为高新技术企业", "0", "0"));
        assertThat(rows).contains(List.of("2096", "模型B", "回测模型B（" + version + "，草稿）", "初创期", "领跑−未上榜", "6",
                "2097", "成为高新技术企业", "5", "", "1.0", String.valueOf(2 / Math.sqrt(54))));
    }

    @Test
    void unknownVersionsAreNotFoundAndAbsurdParametersAreHandled() throws Exception {
        mvc.perform(get("/calibration/backtest").param("a", "987654321").with(TestUsers.staff())).andExpect(status().isNotFound());
        mvc.perform(get("/calibration/backtest").param("year", "" + YEAR).param("b", "-1").with(TestUsers.staff()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/calibration/backtest/export").param("a", "987654321").with(TestUsers.staff()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/calibration/backtest").param("year", "x").with(TestUsers.staff())).andExpect(status().isBadRequest());
        assertThat(export("99999999")).hasSize(1); // the header only
        // a year without a later year of data (2097: no 2098), or far off: the choice again with a note
        for (String year : List.of("" + (YEAR + 1), "99999999", "-5")) {
            String page = mvc.perform(get("/calibration/backtest").param("year", year).with(TestUsers.staff()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("所选年度没有后一年度的数据").doesNotContain("app-backtest-stage");
        }
        // a horizon the district has no data for falls back to the furthest it has
        String page = mvc.perform(get("/calibration/backtest").param("year", "" + YEAR).param("a", "" + modelA)
                .param("b", "" + modelB).param("horizon", "7").with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("观察其至 2097 年");
        mvc.perform(get("/calibration/backtest").with(TestUsers.enterprise(uscc.get(0)))).andExpect(status().isForbidden());
    }
}
