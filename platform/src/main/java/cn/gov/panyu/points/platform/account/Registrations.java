package cn.gov.panyu.points.platform.account;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * <p>One account per enterprise: a registration is refused while the enterprise has an active account or a
 * request under review, because whoever holds the account sees the firm's confidential figures and files
 * its declarations and objections. Staff may still activate a second account when the firm asks for one
 * (e.g. a second contact), by confirming it explicitly on activation; administrators may create one
 * directly in 用户管理.
 */
@Service
public class Registrations {

    static final Map<String, String> SORTABLE = sortable();

    private final JdbcClient jdbc;
    private final SqlListing<UserAccount> listing;
    private final UserAccounts accounts;
    private final AccountRules rules;
    private final AuditLog audit;

    Registrations(JdbcClient jdbc, UserAccounts accounts, AccountRules rules, AuditLog audit) {
        this.jdbc = jdbc;
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

    /** Records a request; the account stays unusable until staff activate it. */
    @Transactional
    public void register(Registration form) {
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
        long taken = jdbc.sql("""
                        select count(*) from app_user where uscc = :uscc and role = 'ENTERPRISE'
                        and (status = 'PENDING' or (status = 'ACTIVE' and enabled = true))""")
                .param("uscc", uscc).query(Long.class).single();
        if (taken > 0) {
            throw new AccountException("uscc", "该企业已有平台账户或注册申请正在审核。如需新增或找回账户，请联系番禺区科技工业商务和信息化局。");
        }
        accounts.insert(username, form.password(), enterpriseName, Role.ENTERPRISE, uscc, null,
                AccountStatus.PENDING, false, false, contact, phone);
        audit.recordFor(username, Role.ENTERPRISE.name(), AuditAction.ACCOUNT_CHANGE, uscc,
                "企业注册申请（联系人 " + contact + "），待审核");
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
     * say that staff mean to give it another one.
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void activate(String username, boolean allowSecond, String reviewer) {
        UserAccount request = pending(username);
        List<String> others = activeAccountsOf(request.uscc(), username);
        if (!others.isEmpty() && !allowSecond) {
            throw new AccountException("该企业已有启用的账户（" + String.join("、", others)
                    + "）。如确需为其再开通一个账户，请勾选“仍然启用”后再提交。");
        }
        review(username, AccountStatus.ACTIVE, true, null, reviewer);
        audit.record(AuditAction.ACCOUNT_CHANGE, request.uscc(), "审核通过企业注册 " + username
                + (others.isEmpty() ? "" : "（该企业已有账户 " + String.join("、", others) + "，经确认仍启用）"));
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
                .orElseThrow(() -> new AccountException("没有用户名为“" + username + "”的注册申请。"));
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
