package cn.gov.panyu.points.platform.account;

import java.security.SecureRandom;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.platform.OneInstance;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * Production's first start ({@code points.demo.enabled=false}) on an empty user table: creates the one
 * administrator {@value #USERNAME} with a random one-time password, printed once to the log. That
 * password only opens the password change page; the administrator then chooses their own and creates
 * the other accounts. Nothing is created when any user exists, so a restart never adds or resets one.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "points.demo.enabled", havingValue = "false")
class InitialAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserAccounts accounts;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    private final OneInstance oneInstance;

    InitialAdministrator(UserAccounts accounts, AuditLog audit, OneInstance oneInstance) {
        this.oneInstance = oneInstance;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        // instances starting together on an empty database: one creates the administrator and prints its
        // password (ADR 0017)
        oneInstance.run(DemoAccounts.FIRST_START, Duration.ofMinutes(5), this::createOnEmptyTable);
    }

    private void createOnEmptyTable() {
        if (!accounts.isEmpty()) {
            return;
        }
        String password = oneTimePassword();
        accounts.insert(USERNAME, password, "系统管理员", Role.ADMIN, null, null, AccountStatus.ACTIVE, true, true,
                null, null);
        audit.recordFor("system", null, AuditAction.ACCOUNT_CHANGE, "首次启动：创建系统管理员 " + USERNAME + "（一次性密码）");
        log.warn("""

                ================================================================================
                首次启动：已创建系统管理员账户 (first start: administrator account created)
                  用户名 username: {}
                  一次性密码 one-time password: {}
                请立即登录并设置新密码；此密码只显示这一次。
                Sign in now and choose a new password; this password is shown only once.
                ================================================================================""",
                USERNAME, password);
    }

    /** 16 characters from an alphabet without look-alikes, with at least one letter and one digit. */
    String oneTimePassword() {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = sb.toString();
            if (PasswordPolicy.problems(USERNAME, candidate).isEmpty()) {
                return candidate;
            }
        }
    }
}
