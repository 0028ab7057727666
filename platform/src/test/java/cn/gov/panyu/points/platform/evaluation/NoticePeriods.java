package cn.gov.panyu.points.platform.evaluation;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests that publish at once: the platform lets no one end a notice period early (an administrator can
 * only override it, audited), so a test moves the run's notice end to yesterday, as if the days had passed.
 */
public final class NoticePeriods {

    private NoticePeriods() {
    }

    private static final String END = "update evaluation_run set notice_ends = ? where id = ? and status = 'NOTICE'";

    /** The run on notice had its last notice day yesterday: no more objections, publishing may follow. */
    public static void endedYesterday(JdbcTemplate jdbc, long runId) {
        check(jdbc.update(END, LocalDate.now().minusDays(1), runId), runId);
    }

    /** As {@link #endedYesterday(JdbcTemplate, long)}. */
    public static void endedYesterday(JdbcClient jdbc, long runId) {
        check(jdbc.sql(END).params(LocalDate.now().minusDays(1), runId).update(), runId);
    }

    private static void check(int updated, long runId) {
        if (updated != 1) {
            throw new IllegalStateException("run " + runId + " is not on notice");
        }
    }
}
