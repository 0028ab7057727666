package cn.gov.panyu.points.platform.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/** An account as the user management and registration review pages show it (never the password hash). */
public record UserAccount(String username, String displayName, Role role, String uscc, String enterpriseName,
                          String bankCode, AccountStatus status, boolean enabled, int failedAttempts,
                          LocalDateTime lockedUntil, boolean mustChangePassword, String contactName,
                          String contactPhone, String reviewNote, String reviewedBy, LocalDateTime reviewedAt,
                          LocalDateTime createdAt, LocalDateTime lastLoginAt, String registeredFrom,
                          int otherPendingRequests) {

    /** {@code other_pending}: the enterprise's other registration requests under review, which staff weigh against this one. */
    static final String COLUMNS = """
            u.username, u.display_name, u.role, u.uscc, e.name as enterprise_name, u.bank_code, u.status,
                   u.enabled, u.failed_attempts, u.locked_until, u.must_change_password, u.contact_name,
                   u.contact_phone, u.review_note, u.reviewed_by, u.reviewed_at, u.created_at, u.last_login_at,
                   u.registered_from,
                   (select count(*) from app_user o where o.uscc = u.uscc and o.role = 'ENTERPRISE'
                    and o.status = 'PENDING' and o.username <> u.username) as other_pending""";
    static final String FROM = "from app_user u left join enterprise e on e.uscc = u.uscc";
    static final String SELECT = "select " + COLUMNS + " " + FROM;

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(LocalDateTime.now());
    }

    /** 正常 / 已停用 / 已锁定 / 待审核 / 已驳回: what the list shows in one badge. */
    public String stateLabel() {
        if (status != AccountStatus.ACTIVE) {
            return status.label();
        }
        if (!enabled) {
            return "已停用";
        }
        return locked() ? "已锁定" : "正常";
    }

    /** The data scope in words: the enterprise or bank the account is bound to. */
    public String binding() {
        if (uscc != null) {
            return enterpriseName == null ? uscc : enterpriseName + "（" + uscc + "）";
        }
        return bankCode;
    }

    static UserAccount map(ResultSet rs, int n) throws SQLException {
        String uscc = rs.getString("uscc");
        return new UserAccount(rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role").strip()), uscc == null ? null : uscc.strip(),
                rs.getString("enterprise_name"), rs.getString("bank_code"),
                AccountStatus.valueOf(rs.getString("status").strip()), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), time(rs.getTimestamp("locked_until")),
                rs.getBoolean("must_change_password"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getString("review_note"), rs.getString("reviewed_by"), time(rs.getTimestamp("reviewed_at")),
                time(rs.getTimestamp("created_at")), time(rs.getTimestamp("last_login_at")),
                rs.getString("registered_from"), rs.getInt("other_pending"));
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
