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
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * 用户管理 (administrators only): accounts of every role, their data scope, switching them on and off,
 * unlocking and password resets. Every change is audited, and a change that alters what a user may do
 * ends that user's sessions. An administrator cannot disable or demote themself, so the platform always
 * keeps someone who can manage it.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserAdministration {

    static final Map<String, String> SORTABLE = sortable();

    private final JdbcClient jdbc;
    private final SqlListing<UserAccount> listing;
    private final UserAccounts accounts;
    private final AccountRules rules;
    private final LoginAttempts attempts;
    private final SignedInSessions sessions;
    private final AuditLog audit;

    UserAdministration(JdbcClient jdbc, UserAccounts accounts, AccountRules rules, LoginAttempts attempts,
                       SignedInSessions sessions, AuditLog audit) {
        this.jdbc = jdbc;
        this.listing = new SqlListing<>(jdbc, UserAccount.COLUMNS, UserAccount.FROM, UserAccount::map, SORTABLE,
                "u.username", "u.username");
        this.accounts = accounts;
        this.rules = rules;
        this.attempts = attempts;
        this.sessions = sessions;
        this.audit = audit;
    }

    private static Map<String, String> sortable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("username", "u.username");
        m.put("name", "u.display_name");
        m.put("role", "u.role");
        m.put("binding", "coalesce(u.uscc, u.bank_code)");
        m.put("state", "u.status, u.enabled");
        m.put("created", "u.created_at");
        m.put("lastLogin", "u.last_login_at");
        return Map.copyOf(m);
    }

    /** A new account from the administrator's form: a temporary password the user must change. */
    public record NewUser(String username, String displayName, Role role, String uscc, String bankCode,
                          String password) {
    }

    @Transactional(readOnly = true)
    public TablePage<UserAccount> page(UserFilter filter, TableQuery query) {
        return listing.page(filter.where(LocalDateTime.now()), query);
    }

    /** Every account the filters select, for 导出Excel. */
    @Transactional(readOnly = true)
    public List<UserAccount> export(UserFilter filter, TableQuery query) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出用户列表 " + filter.listUrl(""));
        return listing.all(filter.where(LocalDateTime.now()), query);
    }

    @Transactional(readOnly = true)
    public UserAccount get(String username) {
        return jdbc.sql(UserAccount.SELECT + " where u.username = :u").param("u", username)
                .query(UserAccount::map).optional()
                .orElseThrow(() -> new AccountNotFoundException(username));
    }

    @Transactional
    public void create(NewUser form) {
        String username = rules.newUsername(form.username());
        String displayName = AccountRules.required("displayName", form.displayName(), "姓名或单位名称", 100);
        String[] binding = rules.binding(form.role(), form.uscc(), form.bankCode());
        PasswordPolicy.check(username, form.password());
        accounts.insert(username, form.password(), displayName, form.role(), binding[0], binding[1],
                AccountStatus.ACTIVE, true, true, null, null);
        audit.record(AuditAction.ACCOUNT_CHANGE, binding[0], "新建账户 " + username + "（" + form.role().label()
                + scope(binding) + "），初始密码须在首次登录时修改");
    }

    @Transactional
    public void setEnabled(String username, boolean enabled, String actor) {
        UserAccount user = get(username);
        if (!enabled && username.equals(actor)) {
            throw new AccountException("不能停用自己的账户。");
        }
        if (user.status() != AccountStatus.ACTIVE) {
            throw new AccountException("该账户是" + user.status().label() + "的注册申请，请在“注册审核”中处理。");
        }
        if (!enabled) {
            requireAnotherAdmin(user);
        }
        jdbc.sql("update app_user set enabled = :e where username = :u").param("e", enabled).param("u", username).update();
        if (!enabled) {
            sessions.end(username, null);
        }
        audit.record(AuditAction.ACCOUNT_CHANGE, user.uscc(), (enabled ? "启用账户 " : "停用账户 ") + username);
    }

    @Transactional
    public void unlock(String username) {
        UserAccount user = get(username);
        attempts.unlock(username);
        audit.record(AuditAction.ACCOUNT_CHANGE, user.uscc(), "解锁账户 " + username);
    }

    /** A temporary password the administrator tells the user; it works once, for choosing a new one. */
    @Transactional
    public void resetPassword(String username, String temporaryPassword) {
        UserAccount user = get(username);
        PasswordPolicy.check(username, temporaryPassword);
        accounts.setPassword(username, temporaryPassword, true);
        attempts.unlock(username);
        sessions.end(username, null);
        audit.record(AuditAction.ACCOUNT_CHANGE, user.uscc(), "重置账户 " + username + " 的密码（须在下次登录时修改）");
    }

    @Transactional
    public void changeRole(String username, Role role, String uscc, String bankCode, String actor) {
        UserAccount user = get(username);
        if (username.equals(actor) && role != user.role()) {
            throw new AccountException("role", "不能更改自己的角色。");
        }
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(user);
        }
        String[] binding = rules.binding(role, uscc, bankCode);
        jdbc.sql("update app_user set role = :role, uscc = :uscc, bank_code = :bank where username = :u")
                .param("role", role.name()).param("uscc", binding[0]).param("bank", binding[1]).param("u", username)
                .update();
        sessions.end(username, null);
        audit.record(AuditAction.ACCOUNT_CHANGE, binding[0] != null ? binding[0] : user.uscc(),
                "账户 " + username + " 的角色由 " + user.role().label() + scope(new String[] {user.uscc(), user.bankCode()})
                        + " 改为 " + role.label() + scope(binding));
    }

    private void requireAnotherAdmin(UserAccount user) {
        if (user.role() != Role.ADMIN) {
            return;
        }
        long others = jdbc.sql("""
                        select count(*) from app_user where role = 'ADMIN' and status = 'ACTIVE' and enabled = true
                        and username <> :u""")
                .param("u", user.username()).query(Long.class).single();
        if (others == 0) {
            throw new AccountException("这是唯一启用的系统管理员账户，不能停用或改为其他角色。");
        }
    }

    private static String scope(String[] binding) {
        if (binding[0] != null) {
            return "，企业 " + binding[0];
        }
        return binding[1] == null ? "" : "，金融机构 " + binding[1];
    }
}
