package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * Staff's monitoring of a declaration (预算绩效监控): the indicators' actuals, completion, status and trend
 * ({@link Monitoring}, {@link Progress}), actuals entered by hand with their evidence, and snapshots on demand.
 */
@Service
@PreAuthorize("hasRole('STAFF')")
public class PerformanceMonitoring {

    /** An actual entered by hand: a value in the target's unit, or a judgement (achieved or not), and its evidence. */
    public record Entry(BigDecimal value, Boolean achieved, String evidence, String link) {
    }

    private final JdbcClient jdbc;
    private final Monitoring monitoring;
    private final PerformanceDeclarations declarations;
    private final AuditLog audit;

    PerformanceMonitoring(JdbcClient jdbc, Monitoring monitoring, PerformanceDeclarations declarations, AuditLog audit) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.declarations = declarations;
        this.audit = audit;
    }

    public Monitoring.Report report(long id, LocalDate day) {
        return monitoring.report(declarations.get(id), day);
    }

    /** The actuals entered for an indicator of the declaration, latest first. */
    public java.util.List<Monitoring.Actual> entries(long id, long indicatorId) {
        declarations.get(id);
        return monitoring.entries(indicatorId);
    }

    /** Records an actual of one indicator of the declaration; 404 for an indicator of another. */
    @Transactional
    public void enter(long id, long indicatorId, Entry entry, PlatformUser user) {
        Declaration d = declarations.get(id);
        Declaration.Item item = d.scored().stream().filter(i -> i.id() == indicatorId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        jdbc.sql("""
                insert into performance_actual (indicator_id, amount, achieved, evidence, link, entered_by, entered_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(indicatorId, entry.value(), entry.achieved(), entry.evidence(), entry.link(), user.username(),
                        LocalDateTime.now()).update();
        audit.record(AuditAction.PERFORMANCE_CHANGE, null, d.year() + "年度预算绩效指标「" + item.name() + "」填报实际值 "
                + (entry.value() != null ? entry.value().toPlainString() + item.target().unit()
                : Boolean.TRUE.equals(entry.achieved()) ? "已完成" : "未完成") + "，佐证：" + entry.evidence());
    }

    /** Takes this month's snapshot now (the monthly job does the same on the first of each month). */
    @Transactional
    public int snapshot(long id, LocalDate day, PlatformUser user) {
        Declaration d = declarations.get(id);
        int n = monitoring.snapshot(d, day);
        audit.record(AuditAction.PERFORMANCE_CHANGE, null, d.year() + "年度预算绩效监控快照（" + day + "，" + n + " 项指标）");
        return n;
    }
}
