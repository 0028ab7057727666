package cn.gov.panyu.points.platform.account;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * 企业注册: an enterprise asks for an account bound to its USCC; bureau staff check the request against
 * what they know of the firm and activate or reject it.
 *
 * <p>One account per enterprise: a registration is refused while the enterprise has an active account,
 * because whoever holds the account sees the firm's confidential figures and files its declarations and
 * objections. Staff may still activate a second account when the firm asks for one (e.g. a second
 * contact), by confirming it explicitly on activation; administrators may create one directly in 用户管理.
 *
 * <p>A request under review does not block another (docs/adr/0010-registration-squatting.md): anyone can
 * file one for any registered code, and the firm's own must not wait behind it. Staff see the competing
 * requests side by side, verify the applicant through the firm's known contacts, and activate one, which
 * rejects the others. So that no one floods the queue, a client address files a few requests an hour
 * ({@link RegistrationThrottle}), one request under review per enterprise, and an enterprise has at most
 * {@code pendingPerEnterprise} requests under review at once.
 */
@Service
public class Registrations {

    static final Map<String, String> SORTABLE = sortable();

    private final JdbcClient jdbc;
    private final SqlListing<UserAccount> listing;
    private final UserAccounts accounts;
    private final AccountRules rules;
    private final AuditLog audit;
    private final RegistrationThrottle throttle;
    private final int pendingPerEnterprise;

    Registrations(JdbcClient jdbc, UserAccounts accounts, AccountRules rules, AuditLog audit,
                  RegistrationThrottle throttle,
                  @Value("${points.security.registration.pending-per-enterprise:3}") int pendingPerEnterprise) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.pendingPerEnterprise = pendingPerEnterprise;
        // oldest request first unless the user sorted
        this.listing = new SqlListing<>(jdbc, UserAccount.COLUMNS, UserAccount.FROM, UserAccount::map, SORTABLE,
                "u.created_at, u.username", "u.username");
        this.accounts = accounts;
        this.rules = rules;
        this.audit = audit;
    }

    private static Map<String, String> sortable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("created", "u.created_at");
        m.put("username", "u.username");
        m.put("enterprise", "e.name");
        m.put("uscc", "u.uscc");
        m.put("contact", "u.contact_name");
        m.put("reviewed", "u.reviewed_at");
        return Map.copyOf(m);
    }

    /** What the public registration form sends. */
    public record Registration(String uscc, String contactName, String contactPhone, String username,
                               String password, String confirmPassword) {
    }

    /**
     * Records a request from the client address {@code client}; the account stays unusable until staff
     * activate it.
     */
    @Transactional
    public void register(Registration form, String client) {
        if (!throttle.allows(client)) {
            throw new AccountException("您所在网络提交的注册申请过多，请一小时后再试。如需帮助，请联系番禺区科技工业商务和信息化局。");
        }
        String enterpriseName = rules.enterprise(form.uscc());
        String uscc = AccountRules.normalisedUscc(form.uscc());
        String contact = AccountRules.required("contactName", form.contactName(), "联系人姓名", 50);
        String phone = form.contactPhone() == null || form.contactPhone().isBlank() ? null
                : AccountRules.required("contactPhone", form.contactPhone(), "联系电话", 32);
        String username = rules.newUsername(form.username());
        PasswordPolicy.check(username, form.password());
        if (!form.password().equals(form.confirmPassword())) {
            throw new AccountException("confirmPassword", "两次输入的密码不一致。");
        }
        if (!activeAccountsOf(uscc, "").isEmpty()) {
            throw new AccountException("uscc", "该企业已有平台账户。如需新增或找回账户，请联系番禺区科技工业商务和信息化局。");
        }
        List<String> fromClients = jdbc.sql("""
                        select coalesce(registered_from, '') from app_user
                        where uscc = :uscc and role = 'ENTERPRISE' and status = 'PENDING'""")
                .param("uscc", uscc).query(String.class).list();
        if (fromClients.contains(client)) {
            throw new AccountException("uscc", "您已为该企业提交过注册申请，正在审核中，请勿重复提交。");
        }
        if (fromClients.size() >= pendingPerEnterprise) {
            throw new AccountException("uscc", "该企业已有 " + fromClients.size()
                    + " 个注册申请正在审核，暂不受理新的申请。请联系番禺区科技工业商务和信息化局核实。");
        }
        accounts.insert(username, form.password(), enterpriseName, Role.ENTERPRISE, uscc, null,
                AccountStatus.PENDING, false, false, contact, phone);
        jdbc.sql("update app_user set registered_from = :client where username = :u")
                .param("client", client).param("u", username).update();
        throttle.filedBy(client);
        audit.recordFor(username, Role.ENTERPRISE.name(), AuditAction.ACCOUNT_CHANGE, uscc,
                "企业注册申请（联系人 " + contact + "），待审核" + (fromClients.isEmpty() ? ""
                        : "；该企业另有 " + fromClients.size() + " 个待审核申请"));
    }

    /** Registrations waiting for a decision, for the staff's work queue. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public long pendingCount() {
        return listing.count(inState(AccountStatus.PENDING));
    }

    /** Registrations in one review state (PENDING, ACTIVE = approved, REJECTED), for the review list. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public TablePage<UserAccount> page(AccountStatus status, TableQuery query) {
        return listing.page(inState(status), query);
    }

    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public List<UserAccount> export(AccountStatus status, TableQuery query) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出企业注册申请（" + status.label() + "）");
        return listing.all(inState(status), query);
    }

    /** The other enabled accounts of the same enterprise: staff see them before activating another. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public List<String> otherActiveAccounts(String username) {
        UserAccount request = pending(username);
        return activeAccountsOf(request.uscc(), username);
    }

    /**
     * Activates a request. When the enterprise already has an active account, {@code allowSecond} must
     * say that staff mean to give it another one. The enterprise's other requests under review are
     * rejected: staff verified this applicant, so the others came from someone else (or are duplicates),
     * and none of them may later be activated by mistake.
     *
     * @return the user names of the requests rejected with it
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public List<String> activate(String username, boolean allowSecond, String reviewer) {
        UserAccount request = pending(username);
        List<String> others = activeAccountsOf(request.uscc(), username);
        if (!others.isEmpty() && !allowSecond) {
            throw new AccountException("该企业已有启用的账户（" + String.join("、", others)
                    + "）。如确需为其再开通一个账户，请勾选“仍然启用”后再提交。");
        }
        review(username, AccountStatus.ACTIVE, true, null, reviewer);
        List<String> rivals = jdbc.sql("""
                        select username from app_user where uscc = :uscc and role = 'ENTERPRISE' and status = 'PENDING'
                        order by username""")
                .param("uscc", request.uscc()).query(String.class).list();
        for (String rival : rivals) {
            review(rival, AccountStatus.REJECTED, false, "经核实，已通过该企业的另一注册申请（用户名 " + username + "）。", reviewer);
        }
        audit.record(AuditAction.ACCOUNT_CHANGE, request.uscc(), "审核通过企业注册 " + username
                + (others.isEmpty() ? "" : "（该企业已有账户 " + String.join("、", others) + "，经确认仍启用）")
                + (rivals.isEmpty() ? "" : "；同一企业的其他待审核申请随之驳回：" + String.join("、", rivals)));
        return rivals;
    }

    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void reject(String username, String reason, String reviewer) {
        UserAccount request = pending(username);
        String why = AccountRules.required("reason", reason, "驳回理由", 200);
        review(username, AccountStatus.REJECTED, false, why, reviewer);
        audit.record(AuditAction.ACCOUNT_CHANGE, request.uscc(), "驳回企业注册 " + username + "：" + why);
    }

    private UserAccount pending(String username) {
        UserAccount account = jdbc.sql(UserAccount.SELECT + " where u.username = :u").param("u", username)
                .query(UserAccount::map).optional()
                .orElseThrow(() -> new AccountNotFoundException(username));
        if (account.status() != AccountStatus.PENDING) {
            throw new AccountException("该注册申请已处理（" + account.status().label() + "），无需再次审核。");
        }
        return account;
    }

    private List<String> activeAccountsOf(String uscc, String except) {
        return jdbc.sql("""
                        select username from app_user where uscc = :uscc and role = 'ENTERPRISE' and status = 'ACTIVE'
                        and enabled = true and username <> :u order by username""")
                .param("uscc", uscc).param("u", except).query(String.class).list();
    }

    private void review(String username, AccountStatus status, boolean enabled, String note, String reviewer) {
        jdbc.sql("""
                        update app_user set status = :status, enabled = :enabled, review_note = :note,
                               reviewed_by = :reviewer, reviewed_at = :at
                        where username = :u and status = 'PENDING'""")
                .param("status", status.name()).param("enabled", enabled).param("note", note)
                .param("reviewer", reviewer).param("at", LocalDateTime.now()).param("u", username).update();
    }

    /** Accounts that came through the registration form, in one review state. */
    private static SqlFilter inState(AccountStatus status) {
        return SqlFilter.all().and("u.role = 'ENTERPRISE' and u.contact_name is not null and u.status = ?", status.name());
    }
}
