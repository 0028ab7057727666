package cn.gov.panyu.points.platform.portal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.evaluation.EvaluationRuns;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/** What the portal, consent and bank tests need of the demo district (DemoDistrictTest). */
public final class PortalFixture {

    public static final int LATEST = LocalDate.now().getYear() - 1;
    /** The demo district's oldest year has no run: the tests put one on notice to object to. */
    public static final int NOTICE_YEAR = LATEST - 2;

    private PortalFixture() {
    }

    /** The enterprise the demo account {@code ent} is bound to. */
    public static String demoEnterprise(JdbcClient jdbc) {
        return jdbc.sql("select uscc from app_user where username = 'ent'").query(String.class).single().trim();
    }

    /** Listed enterprises of the latest published run, other than the demo enterprise, best first. */
    public static List<String> otherListed(JdbcClient jdbc, int count) {
        return jdbc.sql("""
                        select s.uscc from score_result s join publication p on p.run_id = s.run_id
                        where p.data_year = (select max(data_year) from publication) and s.tier is not null and s.uscc <> (select uscc from app_user where username = 'ent')
                        order by s.stage, s.rank_in_stage, s.uscc limit ?""").param(count)
                .query(String.class).list().stream().map(String::trim).toList();
    }

    /** A run of {@link #NOTICE_YEAR} on notice until next month (created once per context). */
    public static synchronized long noticedRun(JdbcClient jdbc, EvaluationRuns runs, ScoreModels models) {
        List<Long> existing = jdbc.sql("select id from evaluation_run where data_year = ? and status = 'NOTICE'")
                .param(NOTICE_YEAR).query(Long.class).list();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        return TestUsers.asStaff(() -> {
            long id = runs.runNow(NOTICE_YEAR, models.activeModelId(), "staff");
            runs.putOnNotice(id, LocalDate.now().plusMonths(1), "staff");
            return id;
        });
    }

    /** Ends every consent of an enterprise, so a test starts from none. */
    public static void withoutConsents(JdbcClient jdbc, String uscc) {
        jdbc.sql("update consent set ended_at = current_timestamp, ended_by = 'test', end_reason = 'REVOKED' "
                + "where uscc = ? and ended_at is null").param(uscc).update();
    }

    /** Gives {@code bank} an active consent to the enterprise's report unless it holds one. */
    public static void withConsentFor(JdbcClient jdbc, String uscc, String bank) {
        jdbc.sql("""
                insert into consent (uscc, bank_code, granted_by, granted_at, expires_on)
                select ?, ?, 'test', current_timestamp, ? where not exists (
                    select 1 from consent where uscc = ? and bank_code = ? and ended_at is null and expires_on >= ?)""")
                .params(uscc, bank, LocalDate.now().plusYears(1), uscc, bank, LocalDate.now()).update();
    }

}
