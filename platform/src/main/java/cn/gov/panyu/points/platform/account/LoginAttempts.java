package cn.gov.panyu.points.platform.account;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.IndependentWrites;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * Sign-in outcomes: counts failures, locks an account after {@code maxFailures} of them in a row (15
 * minutes the first time, twice as long each further time until a successful sign-in), and writes the
 * audit trail of sign-ins, failures, lockouts and sign-outs. A wrong current password on 修改密码 is such
 * a failure too.
 *
 * <p>Names that belong to no account are counted and locked the same way, in memory, so that the sign-in
 * page answers a guessed name exactly as it answers a real one: "temporarily locked" is no proof that an
 * account exists. For that, a typed name is normalised the same way whether or not it is an account's
 * ({@link #key}): trimmed as Spring Security trims it before signing in, and without regard to case, as
 * usernames are unique without regard to case. "BANKB" therefore counts against the account "bankb" — had
 * it counted apart, five failures as "BANKB" and one as "bankb" would answer "wrong password" for a real
 * name but "locked" for an unknown one. And " bankb", which signs in as "bankb", counts against it too,
 * instead of guessing on without ever locking it.
 */
@Service
public class LoginAttempts {

    /** Guessed names remembered at most; beyond that the oldest are forgotten. */
    private static final int UNKNOWN_NAMES_KEPT = 10_000;

    private final JdbcClient jdbc;
    private final IndependentWrites writes;
    private final AuditLog audit;
    private final int maxFailures;
    private final Duration firstLock;
    private final Duration longestLock;
    private final Clock clock = Clock.systemDefaultZone();
    private final Map<String, Counter> unknownNames = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
            return size() > UNKNOWN_NAMES_KEPT;
        }
    };

    LoginAttempts(JdbcClient jdbc, IndependentWrites writes, AuditLog audit,
                  @Value("${points.security.lockout.max-failures:5}") int maxFailures,
                  @Value("${points.security.lockout.first-lock:15m}") Duration firstLock,
                  @Value("${points.security.lockout.longest-lock:24h}") Duration longestLock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.firstLock = firstLock;
        this.longestLock = longestLock;
    }

    /** Until when {@code username} may not sign in, if it is locked now. */
    public Optional<LocalDateTime> lockedUntil(String username) {
        if (username == null) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<String> account = account(username);
        if (account.isPresent()) {
            return jdbc.sql("select locked_until from app_user where username = :u").param("u", account.get())
                    .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1))).single()
                    .map(java.sql.Timestamp::toLocalDateTime).filter(until -> until.isAfter(now));
        }
        synchronized (unknownNames) {
            Counter c = unknownNames.get(key(username));
            return c == null || c.lockedUntil == null || !c.lockedUntil.isAfter(now) ? Optional.empty()
                    : Optional.of(c.lockedUntil);
        }
    }

    /**
     * A wrong password (or an unknown name): counts it and, at the limit, locks.
     *
     * @return the end of the lock this failure started, if it started one
     */
    @Transactional
    public Optional<LocalDateTime> failed(String username) {
        String typed = username == null ? "" : username;
        Optional<String> account = account(typed);
        if (account.isEmpty()) {
            audit.recordFor(typed, null, AuditAction.LOGIN_FAILED, "用户名或密码错误");
            return failedUnknown(typed);
        }
        return counted(jdbc, account.get(), "密码错误", "");
    }

    /**
     * A wrong current password on 修改密码. It counts with failed sign-ins, in the same row: a stolen session
     * must not add its guesses to the sign-in form's. At the limit the account is locked as a sign-in would
     * lock it; the caller then ends its sessions ({@link OwnPassword}).
     *
     * <p>In a transaction of its own: the refused change rolls the caller's back, the count must stay.
     *
     * @return the end of the lock this failure started, if it started one
     */
    public Optional<LocalDateTime> wrongCurrentPassword(String username) {
        return writes.write(own -> counted(own, username, "修改密码时当前密码错误", "，结束该账户的全部会话"));
    }

    /**
     * The current password proven on 修改密码: the run of failures is broken (the back-off stays until a
     * sign-in). In a transaction of its own: the proof stands even when the new password is then refused.
     */
    void currentPasswordProven(String username) {
        writes.run(own -> own.sql("update app_user set failed_attempts = 0 where username = :u").param("u", username)
                .update());
    }

    /**
     * One more failure of an account, written through {@code db} (the caller's transaction, or one of its own); at the
     * limit, a lock. {@code what} names the failure, {@code andThen} what the lock brings.
     */
    private Optional<LocalDateTime> counted(JdbcClient db, String name, String what, String andThen) {
        db.sql("update app_user set failed_attempts = failed_attempts + 1 where username = :u").param("u", name).update();
        Map<String, Object> row = db.sql("select failed_attempts, lockouts, role from app_user where username = :u")
                .param("u", name).query().singleRow();
        int failures = ((Number) row.get("failed_attempts")).intValue();
        int lockouts = ((Number) row.get("lockouts")).intValue();
        String role = row.get("role").toString().strip();
        audit.recordFor(name, role, AuditAction.LOGIN_FAILED, what + "（连续第 " + failures + " 次）");
        if (failures < maxFailures) {
            return Optional.empty();
        }
        Duration lock = lockDuration(lockouts);
        LocalDateTime until = LocalDateTime.now(clock).plus(lock);
        db.sql("""
                        update app_user set failed_attempts = 0, lockouts = lockouts + 1, locked_until = :until
                        where username = :u""")
                .param("until", until).param("u", name).update();
        audit.recordFor(name, role, AuditAction.ACCOUNT_LOCKED, "连续 " + failures + " 次" + what + "，锁定 "
                + lock.toMinutes() + " 分钟，至 " + until.withNano(0) + andThen);
        return Optional.of(until);
    }

    /** A sign-in with the right password: the failure count and back-off start again. */
    @Transactional
    public void succeeded(PlatformUser user) {
        jdbc.sql("""
                        update app_user set failed_attempts = 0, lockouts = 0, locked_until = null,
                               last_login_at = :now
                        where username = :u""")
                .param("now", LocalDateTime.now(clock)).param("u", user.username()).update();
        audit.record(AuditAction.LOGIN, user.uscc(), user.mustChangePassword() ? "登录（须先修改密码）" : "登录");
    }

    /** The right password for an account that may not sign in (pending, refused or switched off). */
    public void refused(String username, String why) {
        audit.recordFor(username, null, AuditAction.LOGIN_FAILED, why);
    }

    public void loggedOut(PlatformUser user) {
        audit.recordFor(user.username(), user.role().name(), AuditAction.LOGOUT, "退出登录");
    }

    /** An administrator's 解锁. */
    @Transactional
    void unlock(String username) {
        jdbc.sql("update app_user set failed_attempts = 0, lockouts = 0, locked_until = null where username = :u")
                .param("u", username).update();
    }

    /** 15 min, 30 min, 1 h … up to the longest lock. */
    Duration lockDuration(int earlierLockouts) {
        Duration d = firstLock;
        for (int i = 0; i < earlierLockouts && d.compareTo(longestLock) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(longestLock) > 0 ? longestLock : d;
    }

    private Optional<LocalDateTime> failedUnknown(String name) {
        LocalDateTime now = LocalDateTime.now(clock);
        synchronized (unknownNames) {
            Counter c = unknownNames.computeIfAbsent(key(name), k -> new Counter());
            c.failures++;
            if (c.failures < maxFailures) {
                return Optional.empty();
            }
            c.lockedUntil = now.plus(lockDuration(c.lockouts));
            c.lockouts++;
            c.failures = 0;
            return Optional.of(c.lockedUntil);
        }
    }

    /** The account a typed name counts against, by {@link #key}; usernames are unique without regard to case. */
    private Optional<String> account(String typed) {
        return jdbc.sql("select username from app_user where lower(username) = :key order by username limit 1")
                .param("key", key(typed)).query(String.class).optional();
    }

    /** The one normalisation of a typed name, for real and unknown names alike. */
    private static String key(String typed) {
        return typed.trim().toLowerCase(Locale.ROOT);
    }

    private static final class Counter {
        int failures;
        int lockouts;
        LocalDateTime lockedUntil;
    }
}
