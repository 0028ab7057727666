package cn.gov.panyu.points.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;

/**
 * Signed-in users for MockMvc requests ({@code mvc.perform(get("/x").with(TestUsers.staff()))}) and for service
 * calls made by a test outside a request ({@code TestUsers.asStaff(() -> runs.summary(id))}).
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static RequestPostProcessor admin() {
        return as(new PlatformUser("admin", "", "管理员", Role.ADMIN, null, null, true, false));
    }

    public static RequestPostProcessor staff() {
        return as(new PlatformUser("staff", "", "业务人员", Role.STAFF, null, null, true, false));
    }

    public static RequestPostProcessor enterprise(String uscc) {
        return as(new PlatformUser("ent-" + uscc, "", "企业用户", Role.ENTERPRISE, uscc, null, true, false));
    }

    public static RequestPostProcessor bank(String bankCode) {
        return as(new PlatformUser("bank-" + bankCode, "", "银行用户", Role.BANK, null, bankCode, true, false));
    }

    public static RequestPostProcessor expert() {
        return as(new PlatformUser("expert", "", "评审专家", Role.EXPERT, null, null, true, false));
    }

    private static RequestPostProcessor as(PlatformUser u) {
        return user(u);
    }

    /** The demo staff member, for service calls. */
    public static PlatformUser staffUser() {
        return new PlatformUser("staff", "", "业务人员", Role.STAFF, null, null, true, false);
    }

    /** Runs a service call as the demo staff member (MockMvc leaves the thread's security context empty). */
    public static <T> T asStaff(Supplier<T> action) {
        return runAs(staffUser(), action);
    }

    /** Runs a service call as {@code user}, then leaves the thread's security context empty again. */
    public static <T> T runAs(PlatformUser user, Supplier<T> action) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
