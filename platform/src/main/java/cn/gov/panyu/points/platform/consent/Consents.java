package cn.gov.panyu.points.platform.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The enterprise's side of 授权管理. Every statement binds the signed-in user's USCC, so a consent id
 * from another enterprise matches no row and is answered like an id that does not exist.
 */
@Service
@PreAuthorize("hasRole('ENTERPRISE')")
public class Consents {

    /**
     * The condition "consent {@code c} lets bank {@code :bank} see the report on {@code :today}", for every
     * query that reads on a bank's behalf: one definition, so that a revoked or expired consent cannot
     * stay readable through a query that spelled it differently.
     */
    public static final String ACTIVE_FOR_BANK = "c.bank_code = :bank and c.ended_at is null and c.expires_on >= :today";

    /** A consent lasts at most this long; the enterprise renews it if it wants more. */
    static final int MAX_YEARS = 3;

    /**
     * How long a consent granted by filing an application lasts at most: it normally ends earlier, with the
     * application; a bank that has not decided within a year no longer sees the report.
     */
    public static final int APPLICATION_YEARS = 1;

    private static final String COLUMNS = """
            c.id, c.bank_code, b.name as bank_name, c.granted_by, c.granted_at, c.expires_on, c.ended_at,
                   c.ended_by, c.end_reason, c.application_id""";
    private static final String FROM = "from consent c join bank b on b.code = c.bank_code";
    /** One of the signed-in enterprise's consents. */
    private static final String OWN_CONSENT = "select " + COLUMNS + " " + FROM + " where c.uscc = :uscc and c.id = :id";
    private static final Map<String, String> SORTABLE = Map.of(
            "bank", "b.name", "granted", "c.granted_at", "expires", "c.expires_on", "ended", "c.ended_at");

    private final JdbcClient jdbc;
    private final Banks banks;
    private final SqlListing<ConsentRow> history;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Consents(JdbcClient jdbc, Banks banks, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.history = new SqlListing<>(jdbc, COLUMNS, FROM, Consents::row, SORTABLE, "c.id desc", "c.id desc");
        this.audit = audit;
        this.events = events;
    }

    /** The banks an enterprise can choose. */
    public List<Bank> banks() {
        return banks.all();
    }

    /** The consent history of the signed-in enterprise, newest first unless sorted otherwise. */
    public TablePage<ConsentRow> mine(PlatformUser user, TableQuery query) {
        return history.page(own(user), query);
    }

    /** The whole history, for "导出Excel". */
    public List<ConsentRow> allMine(PlatformUser user, TableQuery query) {
        return history.all(own(user), query);
    }

    private static SqlFilter own(PlatformUser user) {
        return SqlFilter.all().and("c.uscc = ?", user.uscc());
    }

    /**
     * Lets a bank see the detailed report until {@code expiresOn} (inclusive). A consent of the enterprise's
     * own still active for the same bank is ended as replaced, so that there is one current own consent per
     * bank and the old terms stay in the history; consents granted by applications are left alone (they end
     * with their application).
     *
     * @return the new consent's id
     */
    @Transactional
    public long grant(PlatformUser user, String bankCode, LocalDate expiresOn) {
        LocalDate today = LocalDate.now();
        Bank bank = banks.find(bankCode).orElseThrow(() -> new ConsentException("请选择要授权的银行。"));
        if (expiresOn == null || expiresOn.isBefore(today)) {
            throw new ConsentException("授权截止日期不能早于今天。");
        }
        if (expiresOn.isAfter(today.plusYears(MAX_YEARS))) {
            throw new ConsentException("授权期限最长 " + MAX_YEARS + " 年，请选择 " + today.plusYears(MAX_YEARS) + " 之前的日期。");
        }
        requireRegistered(user);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.sql("""
                        update consent set ended_at = :now, ended_by = :user, end_reason = 'REPLACED'
                        where uscc = :uscc and bank_code = :bank and ended_at is null and application_id is null""")
                .param("now", now).param("user", user.username()).param("uscc", user.uscc()).param("bank", bank.code())
                .update();
        long id = insert(user, bank, expiresOn, null, now);
        audit.record(AuditAction.CONSENT_CHANGE, user.uscc(),
                "授权 " + bank.name() + "（" + bank.code() + "）查看企业报告至 " + expiresOn + "，授权 #" + id);
        return id;
    }

    /**
     * The consent that filing application {@code applicationId} grants the product's bank: for
     * {@value #APPLICATION_YEARS} year at most, ended earlier by {@link #endForApplication} when the
     * application is over. It is an ordinary row of the enterprise's history, shown and revocable there;
     * revoking it publishes {@link ApplicationConsentRevoked}.
     *
     * @return the consent's id
     */
    @Transactional
    public long grantForApplication(PlatformUser user, String bankCode, long applicationId) {
        Bank bank = banks.find(bankCode).orElseThrow(() -> new ConsentException("该产品的银行已不在合作银行之列。"));
        requireRegistered(user);
        LocalDate expiresOn = LocalDate.now().plusYears(APPLICATION_YEARS);
        long id = insert(user, bank, expiresOn, applicationId, Timestamp.valueOf(LocalDateTime.now()));
        audit.record(AuditAction.CONSENT_CHANGE, user.uscc(), "申请积分贷 #" + applicationId + "，授权 " + bank.name()
                + "（" + bank.code() + "）在申请办理期间查看企业报告（至迟 " + expiresOn + "），授权 #" + id);
        return id;
    }

    /**
     * Ends the consent an application granted, when the application is over (refused, loan granted,
     * withdrawn). Called on behalf of the enterprise or of the bank that decided; nothing happens when the
     * enterprise had already revoked it.
     */
    @PreAuthorize("hasAnyRole('ENTERPRISE', 'BANK')")
    @Transactional
    public void endForApplication(long applicationId, String actor) {
        int ended = jdbc.sql("""
                        update consent set ended_at = :now, ended_by = :user, end_reason = 'CLOSED'
                        where application_id = :application and ended_at is null""")
                .param("now", Timestamp.valueOf(LocalDateTime.now())).param("user", actor)
                .param("application", applicationId).update();
        if (ended > 0) {
            audit.record(AuditAction.CONSENT_CHANGE, null, "积分贷申请 #" + applicationId + " 已办结，随申请授予银行的授权结束");
        }
    }

    private void requireRegistered(PlatformUser user) {
        long registered = jdbc.sql("select count(*) from enterprise where uscc = :uscc").param("uscc", user.uscc())
                .query(Long.class).single();
        if (registered == 0) {
            throw new ConsentException("本账户绑定的企业尚未在平台登记，暂不能授权。");
        }
    }

    private long insert(PlatformUser user, Bank bank, LocalDate expiresOn, Long applicationId, Timestamp now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into consent (uscc, bank_code, granted_by, granted_at, expires_on, application_id)
                        values (:uscc, :bank, :user, :now, :expires, :application)""")
                .param("uscc", user.uscc()).param("bank", bank.code()).param("user", user.username()).param("now", now)
                .param("expires", expiresOn).param("application", applicationId).update(key, "id");
        return key.getKey().longValue(); // this insert's own key: a grant at the same moment has another
    }

    /** Ends one of the signed-in enterprise's active consents now; 404 for any other id. */
    @Transactional
    public void revoke(PlatformUser user, long consentId) {
        Optional<ConsentRow> consent = jdbc.sql(OWN_CONSENT).param("uscc", user.uscc())
                .param("id", consentId).query(Consents::row).optional();
        if (consent.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        int ended = jdbc.sql("""
                        update consent set ended_at = :now, ended_by = :user, end_reason = 'REVOKED'
                        where id = :id and uscc = :uscc and ended_at is null""")
                .param("now", Timestamp.valueOf(LocalDateTime.now())).param("user", user.username())
                .param("id", consentId).param("uscc", user.uscc()).update();
        if (ended == 0) {
            throw new ConsentException("该授权已撤销或已被替代，无需再次撤销。");
        }
        audit.record(AuditAction.CONSENT_CHANGE, user.uscc(),
                "撤销对 " + consent.get().bankName() + "（" + consent.get().bankCode() + "）的授权 #" + consentId);
        if (consent.get().applicationId() != null) {
            // the bank can no longer read the report the application rests on: the application ends with it
            events.publishEvent(new ApplicationConsentRevoked(consent.get().applicationId(), user.uscc(), user.username()));
        }
    }

    private static ConsentRow row(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new ConsentRow(rs.getLong("id"), rs.getString("bank_code"), rs.getString("bank_name"),
                rs.getString("granted_by"), rs.getTimestamp("granted_at").toLocalDateTime(),
                rs.getObject("expires_on", LocalDate.class), ended == null ? null : ended.toLocalDateTime(),
                rs.getString("ended_by"), rs.getString("end_reason"), rs.getObject("application_id", Long.class));
    }
}
