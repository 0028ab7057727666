package cn.gov.panyu.points.platform.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * 异议 during 公示: filed (today by staff on an enterprise's behalf; later by enterprise users for their
 * own USCC only), then accepted — the data is corrected and the year re-run, and the new run replaces
 * the noticed one when it goes on notice — or rejected with a reason. A run with open objections cannot
 * be published, nor one that does not carry the correction of an accepted objection of its year
 * ({@link PublicationGate}, docs/adr/0011-publishing-waits-for-notice-and-objections.md).
 */
@Service
public class Objections {

    static final int MAX_TEXT = 2000;
    /** The data item an objection names: what column objection.field holds (the forms say maxlength too). */
    static final int MAX_FIELD = 32;
    private static final String COLUMNS = """
            o.id, o.run_id, r.data_year, o.uscc, s.name, o.field, o.claim, o.filed_by, o.filed_at, o.status,
                   o.response, o.resolved_by, o.resolved_at""";
    private static final String FROM = """
            from objection o join evaluation_run r on r.id = o.run_id
            left join score_result s on s.run_id = o.run_id and s.uscc = o.uscc""";
    private static final String SELECT = "select " + COLUMNS + " " + FROM;
    private static final Map<String, String> SORTABLE = Map.of(
            "id", "o.id", "filed", "o.filed_at", "status", "o.status", "uscc", "o.uscc", "run", "o.run_id");

    private final JdbcClient jdbc;
    private final SqlListing<ObjectionRow> listing;
    private final AuditLog audit;

    Objections(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        listing = new SqlListing<>(jdbc, COLUMNS, FROM, Objections::row, SORTABLE, "o.id desc", "o.id");
    }

    /**
     * Files an objection against a run on notice. An enterprise user may object only for its own USCC.
     *
     * @return the objection's id
     */
    @PreAuthorize("hasAnyRole('STAFF', 'ENTERPRISE')")
    @Transactional
    public long file(PlatformUser filer, long runId, String uscc, String field, String claim) {
        String code = uscc == null ? "" : uscc.trim().toUpperCase(java.util.Locale.ROOT);
        if (filer.role() == Role.ENTERPRISE && !code.equals(filer.uscc())) {
            throw new AccessDeniedException("企业用户只能对本企业的评价结果提出异议。");
        }
        if (claim == null || claim.isBlank()) {
            throw new EvaluationException("请填写异议内容。");
        }
        if (claim.length() > MAX_TEXT) {
            throw new EvaluationException("异议内容最多 " + MAX_TEXT + " 字。");
        }
        if (field != null && field.trim().length() > MAX_FIELD) {
            throw new EvaluationException("涉及数据项不能超过 " + MAX_FIELD + " 个字符。");
        }
        var run = jdbc.sql("select status, notice_ends from evaluation_run where id = ?").param(runId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class)}).optional()
                .orElseThrow(() -> new RunNotFoundException(runId));
        if (!RunStatus.NOTICE.name().equals(run[0])) {
            throw new EvaluationException("该评价批次不在公示期内，不能提出异议。");
        }
        if (run[1] != null && LocalDate.now().isAfter((LocalDate) run[1])) {
            throw new EvaluationException("公示期已于 " + run[1] + " 结束，不能再提出异议。");
        }
        long inRun = jdbc.sql("select count(*) from score_result where run_id = ? and uscc = ?").params(runId, code)
                .query(Long.class).single();
        if (inRun == 0) {
            throw new EvaluationException("统一社会信用代码 " + code + " 不在该评价批次中。");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into objection (run_id, uscc, field, claim, filed_by, filed_at, status)
                values (?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(runId, code, blankToNull(field), claim.trim(), filer.username(), now()).update(key, "id");
        long id = key.getKey().longValue(); // this insert's own key: the newest of the enterprise may be another's
        audit.record(AuditAction.OBJECTION_CHANGE, code, "登记异议 #" + id + "（评价批次 #" + runId + "）");
        return id;
    }

    /** Every objection of a status (null: all), newest first, for "导出Excel": recorded as an export. */
    @PreAuthorize("hasRole('STAFF')")
    public List<ObjectionRow> export(String status) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出异议登记" + (status == null ? "" : "（" + status + "）"));
        return listing.all(statusFilter(null, status), TableQuery.of(null, null, null, null));
    }

    private static SqlFilter statusFilter(Integer year, String status) {
        return SqlFilter.all().andIf(year != null, "r.data_year = ?", year)
                .andIf(status != null && !status.isBlank(), "o.status = ?", status);
    }

    /** The signed-in enterprise's own objections, newest first. */
    @PreAuthorize("hasRole('ENTERPRISE')")
    public List<ObjectionRow> mine(PlatformUser user) {
        return jdbc.sql(SELECT + " where o.uscc = ? order by o.id desc").param(user.uscc())
                .query(Objections::row).list();
    }

    /**
     * The runs now on 公示 (notice period not over) that include the signed-in enterprise, with its result
     * in each: what it may still object to.
     */
    @PreAuthorize("hasRole('ENTERPRISE')")
    public List<NoticedResult> onNoticeFor(PlatformUser user) {
        return jdbc.sql("""
                        select r.id, r.data_year, r.notice_ends, s.stage, s.total, s.rank_in_stage, s.tier
                        from evaluation_run r join score_result s on s.run_id = r.id and s.uscc = ?
                        where r.status = 'NOTICE' and (r.notice_ends is null or r.notice_ends >= ?)
                        order by r.data_year desc, r.id desc""")
                .params(user.uscc(), LocalDate.now())
                .query((rs, n) -> {
                    String tier = rs.getString("tier");
                    return new NoticedResult(rs.getLong("id"), rs.getInt("data_year"),
                            rs.getObject("notice_ends", LocalDate.class), Stage.valueOf(rs.getString("stage").trim()),
                            rs.getBigDecimal("total"), rs.getObject("rank_in_stage", Integer.class),
                            tier == null ? null : Tier.valueOf(tier.trim()));
                }).list();
    }

    /** Accepts: staff correct the data and re-run the year; the reply says what will happen. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void accept(long objectionId, String response, String user) {
        requireExisting(objectionId);
        resolve(objectionId, "ACCEPTED", response == null || response.isBlank()
                ? "异议成立，将更正数据并重新计算。" : response.trim(), user);
    }

    /** Rejects with a reason, which is required. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void reject(long objectionId, String reason, String user) {
        requireExisting(objectionId);
        if (reason == null || reason.isBlank()) {
            throw new EvaluationException("不予采纳时必须填写理由。");
        }
        resolve(objectionId, "REJECTED", reason.trim(), user);
    }

    /** Objections waiting for an answer, for the staff's work queue. */
    @PreAuthorize("hasRole('STAFF')")
    public long openCount() {
        return listing.count(statusFilter(null, "OPEN"));
    }

    @PreAuthorize("hasRole('STAFF')")
    public TablePage<ObjectionRow> list(Integer year, String status, TableQuery query) {
        return listing.page(statusFilter(year, status), query);
    }

    @PreAuthorize("hasRole('STAFF')")
    public ObjectionRow objection(long id) {
        return jdbc.sql(SELECT + " where o.id = ?").param(id).query(Objections::row).optional()
                .orElseThrow(() -> new ObjectionNotFoundException(id));
    }

    /** Before anything else: an id that names no objection is a wrong URL, not a refused decision. */
    private void requireExisting(long id) {
        if (jdbc.sql("select count(*) from objection where id = ?").param(id).query(Long.class).single() == 0) {
            throw new ObjectionNotFoundException(id);
        }
    }

    private void resolve(long id, String status, String response, String user) {
        if (response.length() > MAX_TEXT) {
            throw new EvaluationException("答复最多 " + MAX_TEXT + " 字。");
        }
        int updated = jdbc.sql("""
                update objection set status = ?, response = ?, resolved_by = ?, resolved_at = ?
                where id = ? and status = 'OPEN'""").params(status, response, user, now(), id).update();
        if (updated == 0) {
            throw new EvaluationException("异议 " + id + " 已处理。");
        }
        String uscc = jdbc.sql("select uscc from objection where id = ?").param(id).query(String.class).single().strip();
        audit.record(AuditAction.OBJECTION_CHANGE, uscc, ("ACCEPTED".equals(status) ? "采纳异议 #" : "不予采纳异议 #")
                + id + "：" + response);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }

    private static ObjectionRow row(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new ObjectionRow(rs.getLong("id"), rs.getLong("run_id"), rs.getInt("data_year"),
                rs.getString("uscc").trim(), rs.getString("name"), rs.getString("field"), rs.getString("claim"),
                rs.getString("filed_by"), rs.getTimestamp("filed_at").toLocalDateTime(), rs.getString("status"),
                rs.getString("response"), rs.getString("resolved_by"), resolved == null ? null : resolved.toLocalDateTime());
    }
}
