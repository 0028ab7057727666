package cn.gov.panyu.points.platform.account;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * 修改密码: every signed-in user chooses their own password, proving the current one first.
 *
 * <p>Whoever holds a session — perhaps a stolen one — could guess the current password here, so a wrong
 * one is a failed sign-in ({@link LoginAttempts#wrongCurrentPassword}): audited, counted with the sign-in
 * form's failures, and at the same limit the account is locked and every session of it ends
 * ({@link PasswordGuessingLocked}; the real user signs in again once the lock is over or an administrator
 * lifts it). A lock rather than a back-off on this page alone: the guesser holds a session, which a lock
 * takes away, and an account that is being guessed is locked however the guesses arrive. Every other
 * refused change is audited too.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class OwnPassword {

    private final UserAccounts accounts;
    private final LoginAttempts attempts;
    private final AuditLog audit;

    OwnPassword(UserAccounts accounts, LoginAttempts attempts, AuditLog audit) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.audit = audit;
    }

    /**
     * @return the user as the session should now hold it
     * @throws PasswordGuessingLocked when this wrong current password locked the account
     */
    @Transactional
    public PlatformUser change(PlatformUser user, String current, String next, String confirm) {
        PlatformUser stored = accounts.find(user.username())
                .orElseThrow(() -> new AccountException("账户不存在，请重新登录。"));
        if (!accounts.matches(stored, current)) {
            Optional<LocalDateTime> lock = attempts.wrongCurrentPassword(user.username());
            if (lock.isPresent()) {
                throw new PasswordGuessingLocked(lock.get());
            }
            throw new AccountException("current", "当前密码不正确。");
        }
        attempts.currentPasswordProven(user.username());
        try {
            PasswordPolicy.check(user.username(), next);
            if (!next.equals(confirm)) {
                throw new AccountException("confirm", "两次输入的新密码不一致。");
            }
            if (next.equals(current)) {
                throw new AccountException("password", "新密码不能与当前密码相同。");
            }
        } catch (AccountException refused) {
            audit.record(AuditAction.ACCOUNT_CHANGE, user.uscc(), "修改本人密码未成功：" + refused.getMessage());
            throw refused;
        }
        String hash = accounts.setPassword(user.username(), next, false);
        audit.record(AuditAction.ACCOUNT_CHANGE, user.uscc(), "修改本人密码");
        return stored.withPasswordChanged(hash);
    }

    /** Wrong current passwords reached the sign-in limit: the account is locked until {@code until}. */
    static final class PasswordGuessingLocked extends AccountException {

        private final LocalDateTime until;

        PasswordGuessingLocked(LocalDateTime until) {
            super("current", "当前密码连续输错次数过多，账户已临时锁定。");
            this.until = until;
        }

        LocalDateTime until() {
            return until;
        }
    }
}
