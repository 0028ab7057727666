package cn.gov.panyu.points.platform.account;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.platform.OneInstance;

/**
 * Demo mode only ({@code points.demo.enabled=true}, the default of {@code bin/points serve}): creates one
 * account per role on an empty user table, as listed in the README. Production starts without them.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "points.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Demo#2025";
    /** The lock of first-start accounts, shared with {@link InitialAdministrator}. */
    static final String FIRST_START = "first-start-accounts";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final UserAccounts accounts;
    private final OneInstance oneInstance;

    DemoAccounts(UserAccounts accounts, OneInstance oneInstance) {
        this.accounts = accounts;
        this.oneInstance = oneInstance;
    }

    @Override
    public void run(ApplicationArguments args) {
        // instances starting together on an empty database: one creates the accounts (ADR 0017)
        oneInstance.run(FIRST_START, Duration.ofMinutes(5), this::createOnEmptyTable);
    }

    private void createOnEmptyTable() {
        if (!accounts.isEmpty()) {
            return;
        }
        accounts.create("admin", PASSWORD, "系统管理员（演示）", Role.ADMIN, null, null);
        accounts.create("staff", PASSWORD, "科技局业务人员（演示）", Role.STAFF, null, null);
        accounts.create("expert", PASSWORD, "评审专家（演示）", Role.EXPERT, null, null);
        accounts.create("bank", PASSWORD, "合作银行客户经理（演示）", Role.BANK, null, "DEMO-BANK");
        log.info("演示账户已创建 (demo accounts created): admin / staff / expert / bank, 密码 {}", PASSWORD);
    }
}
