package cn.gov.panyu.points.platform.account;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/** 修改密码: every signed-in user chooses their own password, proving the current one first. */
@Service
@PreAuthorize("isAuthenticated()")
public class OwnPassword {

    private final UserAccounts accounts;
    private final AuditLog audit;

    OwnPassword(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** @return the user as the session should now hold it */
    @Transactional
    public PlatformUser change(PlatformUser user, String current, String next, String confirm) {
        PlatformUser stored = accounts.find(user.username())
                .orElseThrow(() -> new AccountException("账户不存在，请重新登录。"));
        if (!accounts.matches(stored, current)) {
            throw new AccountException("current", "当前密码不正确。");
        }
        PasswordPolicy.check(user.username(), next);
        if (!next.equals(confirm)) {
            throw new AccountException("confirm", "两次输入的新密码不一致。");
        }
        if (next.equals(current)) {
            throw new AccountException("password", "新密码不能与当前密码相同。");
        }
        String hash = accounts.setPassword(user.username(), next, false);
        audit.record(AuditAction.ACCOUNT_CHANGE, user.uscc(), "修改本人密码");
        return stored.withPasswordChanged(hash);
    }
}
