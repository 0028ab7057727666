package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * The year-end 自评 of a declaration: each indicator scored by {@link SelfEvaluation}'s rule from the
 * monitoring's completion (or by hand, with a reason), the budget execution rate from the funds spent, the
 * total and grade, and the narrative.
 */
@Service
@PreAuthorize("hasRole('STAFF')")
public class PerformanceSelfEvaluations {

    /** The narrative and the funds spent, as stored (blank before the first save). */
    public record Narrative(BigDecimal executedFunds, String achievements, String problems, String improvements,
                            String updatedBy, LocalDateTime updatedAt) {

        static Narrative blank() {
            return new Narrative(null, "", "", "", null, null);
        }
    }

    /** A score given by hand and why. */
    public record HandScore(BigDecimal score, String reason, String scoredBy) {
    }

    /** One indicator on the self-evaluation. */
    public record Line(Monitoring.Row row, HandScore hand, BigDecimal score) {
    }

    public record Report(Declaration declaration, List<Line> lines, Narrative narrative, SelfEvaluation.Result result) {
    }

    private final JdbcClient jdbc;
    private final PerformanceMonitoring monitoring;
    private final PerformanceDeclarations declarations;
    private final AuditLog audit;

    PerformanceSelfEvaluations(JdbcClient jdbc, PerformanceMonitoring monitoring, PerformanceDeclarations declarations,
                               AuditLog audit) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.declarations = declarations;
        this.audit = audit;
    }

    public Report report(long id, LocalDate day) {
        Monitoring.Report m = monitoring.report(id, day);
        Declaration d = m.declaration();
        Map<Long, HandScore> hand = new HashMap<>();
        jdbc.sql("""
                select h.indicator_id, h.score, h.reason, h.scored_by from performance_hand_score h
                join performance_indicator i on i.id = h.indicator_id where i.declaration_id = ?""").param(id)
                .query((rs, n) -> Map.entry(rs.getLong(1), new HandScore(rs.getBigDecimal(2), rs.getString(3), rs.getString(4))))
                .list().forEach(e -> hand.put(e.getKey(), e.getValue()));
        List<SelfEvaluation.Item> items = new ArrayList<>();
        for (Monitoring.Row r : m.rows()) {
            HandScore h = hand.get(r.item().id());
            items.add(new SelfEvaluation.Item(r.item().name(), r.item().weight(), r.progress().completion(), h == null ? null : h.score()));
        }
        Narrative narrative = jdbc.sql("select * from performance_self_evaluation where declaration_id = ?").param(id)
                .query((rs, n) -> new Narrative(rs.getBigDecimal("executed_funds"), rs.getString("achievements"),
                        rs.getString("problems"), rs.getString("improvements"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toLocalDateTime())).optional().orElse(Narrative.blank());
        SelfEvaluation.Result result = SelfEvaluation.score(items, d.budget().total(), narrative.executedFunds());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < m.rows().size(); i++) {
            Monitoring.Row r = m.rows().get(i);
            lines.add(new Line(r, hand.get(r.item().id()), result.scores().get(i)));
        }
        return new Report(d, lines, narrative, result);
    }

    @Transactional
    public void save(long id, BigDecimal executedFunds, String achievements, String problems, String improvements,
                     PlatformUser user) {
        Declaration d = declarations.get(id);
        jdbc.sql("delete from performance_self_evaluation where declaration_id = ?").param(id).update();
        jdbc.sql("""
                insert into performance_self_evaluation (declaration_id, executed_funds, achievements, problems,
                    improvements, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, executedFunds, achievements, problems, improvements, user.username(), LocalDateTime.now()).update();
        audit.record(AuditAction.PERFORMANCE_CHANGE, null, d.year() + "年度预算绩效自评：预算执行数 "
                + (executedFunds == null ? "未填" : executedFunds.toPlainString() + " 万元") + "，自评说明已保存");
    }

    /** Scores an indicator by hand (null score: back to the rule); 404 for an indicator of another declaration. */
    @Transactional
    public void scoreByHand(long id, long indicatorId, BigDecimal score, String reason, PlatformUser user) {
        Declaration d = declarations.get(id);
        Declaration.Item item = d.scored().stream().filter(i -> i.id() == indicatorId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        jdbc.sql("delete from performance_hand_score where indicator_id = ?").param(indicatorId).update();
        if (score != null) {
            jdbc.sql("""
                    insert into performance_hand_score (indicator_id, score, reason, scored_by, scored_at)
                    values (?, ?, ?, ?, ?)""").params(indicatorId, score, reason, user.username(), LocalDateTime.now()).update();
        }
        audit.record(AuditAction.PERFORMANCE_CHANGE, null, d.year() + "年度预算绩效自评：指标「" + item.name() + "」"
                + (score == null ? "恢复按完成率计分" : "人工评分 " + score.toPlainString() + " 分，理由：" + reason));
    }
}
