package cn.gov.panyu.points.platform.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.consent.Consents;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Registry;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.ScoreBreakdown;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.YearScore;
import cn.gov.panyu.points.platform.enterprise.PublishedScores;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * A bank officer's view of the enterprises that consented to the officer's bank. The consent is part of
 * every query — the bank code from the signed-in user and today's date are bound parameters of
 * {@link Consents#ACTIVE_FOR_BANK} — so an enterprise without an active consent is not in any result,
 * whatever the URL asks for. Every list view, export and report is audited.
 */
@Service
@PreAuthorize("hasRole('BANK')")
public class BankEnterprises {

    /**
     * The enterprises with an active consent, once each: an enterprise may hold its own consent and those its
     * applications granted at the same time; the list shows the one that lasts longest, and the newest grant
     * (what a bank's system copying the list asks "changed since").
     */
    static final String CONSENTING = "(select c.uscc, max(c.expires_on) as expires_on, max(c.granted_at) as granted_at"
            + " from consent c where " + Consents.ACTIVE_FOR_BANK + " group by c.uscc)";
    /** The consenting enterprises with their result in {@code :year}; no where clause, for callers to add theirs. */
    static final String FROM = "from " + CONSENTING + " c join enterprise e on e.uscc = c.uscc"
            + " left join published_score s on s.data_year = :year and s.uscc = c.uscc";
    static final String SELECT = """
            select e.uscc, e.name, e.town, e.industry, c.expires_on, s.data_year, s.total, s.stage, s.rank_in_stage,
                   s.tier\s""" + FROM;
    private static final Map<String, String> SORTABLE = Map.of(
            "name", "e.name", "uscc", "e.uscc", "total", "s.total", "stage", "s.stage", "tier", "s.tier",
            "expires", "c.expires_on", "town", "e.town");

    private final JdbcClient jdbc;
    private final PublishedScores scores;
    private final PublishedResults published;
    private final AuditLog audit;

    BankEnterprises(JdbcClient jdbc, PublishedScores scores, PublishedResults published, AuditLog audit) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.published = published;
        this.audit = audit;
    }

    public TablePage<ConsentedEnterprise> list(PlatformUser user, TableQuery query) {
        long total = jdbc.sql("select count(*) " + FROM).param("bank", bank(user)).param("today", LocalDate.now())
                .param("year", latestYear()).query(Long.class).single();
        List<ConsentedEnterprise> rows = jdbc.sql(SELECT + order(query) + " limit :limit offset :offset")
                .param("bank", bank(user)).param("today", LocalDate.now()).param("year", latestYear())
                .param("limit", query.size()).param("offset", query.offset())
                .query(BankEnterprises::row).list();
        audit.record(AuditAction.VIEW_ENTERPRISE, null, "银行 " + bank(user) + " 查看授权企业清单（共 " + total + " 家）");
        return new TablePage<>(rows, total, query);
    }

    /** Every consented enterprise for "导出Excel"; one audit entry per enterprise, so each one's trail shows it. */
    @Transactional(readOnly = true)
    public List<ConsentedEnterprise> export(PlatformUser user, TableQuery query) {
        List<ConsentedEnterprise> rows = jdbc.sql(SELECT + order(query)).param("bank", bank(user))
                .param("today", LocalDate.now()).param("year", latestYear()).query(BankEnterprises::row).list();
        for (ConsentedEnterprise r : rows) {
            audit.record(AuditAction.EXPORT_DATA, r.uscc(), "银行 " + bank(user) + " 导出授权企业清单");
        }
        return rows;
    }

    /** The detailed report; empty — exactly as for an unknown USCC — unless the enterprise consented now. */
    @Transactional(readOnly = true)
    public Optional<BankReport> report(PlatformUser user, String uscc) {
        Optional<LocalDate> expires = activeConsentUntil(bank(user), uscc);
        Optional<Registry> registry = expires.flatMap(e -> scores.registry(uscc));
        if (registry.isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditAction.VIEW_ENTERPRISE, uscc, "银行 " + bank(user) + " 查看企业积分报告（已授权至 " + expires.get() + "）");
        List<YearScore> history = scores.history(uscc);
        Integer year = history.isEmpty() ? null : history.get(history.size() - 1).year();
        ScoreBreakdown score = year == null ? null : scores.breakdown(registry.get(), year).orElse(null);
        Integer figuresYear = year != null ? year
                : jdbc.sql("select max(data_year) from enterprise_year where uscc = :uscc").param("uscc", uscc)
                        .query(Integer.class).optional().orElse(null);
        return Optional.of(new BankReport(registry.get(), expires.get(), year, score, history, figuresYear,
                figuresYear == null ? List.of() : scores.keyFigures(uscc, figuresYear)));
    }

    /**
     * The last day of the longest active consent of the enterprise to the bank; empty without one — the one
     * check before a bank reads anything about a single enterprise.
     */
    Optional<LocalDate> activeConsentUntil(String bankCode, String uscc) {
        return jdbc.sql("select max(c.expires_on) from consent c where c.uscc = :uscc and " + Consents.ACTIVE_FOR_BANK)
                .param("uscc", uscc).param("bank", bankCode).param("today", LocalDate.now())
                .query(LocalDate.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    /** The year whose published results the list shows; a year no result has when nothing is published. */
    private int latestYear() {
        return published.latestYear().orElse(-1);
    }

    /** A bank officer without a bank sees nothing: the code binds as a value that matches no consent. */
    private static String bank(PlatformUser user) {
        return user.bankCode() == null ? "" : user.bankCode();
    }

    private static String order(TableQuery query) {
        return SORTABLE.containsKey(query.sort()) ? query.orderBy(SORTABLE, "name") + ", e.uscc" : " order by e.name, e.uscc";
    }

    static ConsentedEnterprise row(ResultSet rs, int n) throws SQLException {
        String stage = rs.getString("stage");
        String tier = rs.getString("tier");
        return new ConsentedEnterprise(rs.getString("uscc").trim(), rs.getString("name"), rs.getString("town"),
                rs.getString("industry").trim(), stage == null ? null : rs.getObject("data_year", Integer.class),
                rs.getBigDecimal("total"), stage == null ? null : Stage.valueOf(stage.trim()),
                rs.getObject("rank_in_stage", Integer.class), tier == null ? null : Tier.valueOf(tier.trim()),
                rs.getObject("expires_on", LocalDate.class));
    }
}
