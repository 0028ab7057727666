package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.gov.panyu.points.platform.SessionCookie;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;

@PlatformIntegrationTest
class LockoutIntegrationTests {

    private static final String PASSWORD = "Lockout2025ok";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesAndTheRightOneIsRefusedMeanwhile() throws Exception {
        String user = newUser();
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin("/login").user(user).password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        MvcResult fifth = mvc.perform(formLogin("/login").user(user).password("wrong-5"))
                .andExpect(redirectedUrl("/login?locked")).andReturn();

        LocalDateTime until = lockedUntil(user);
        assertThat(Duration.between(LocalDateTime.now(), until)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        mvc.perform(formLogin("/login").user(user).password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));

        String page = loginPage(fifth);
        assertThat(page).contains("该账户已临时锁定", "请于 " + until.toLocalDate());
        assertThat(audited(user, "LOGIN_FAILED")).isEqualTo(5);
        assertThat(audited(user, "ACCOUNT_LOCKED")).isEqualTo(1);
    }

    @Test
    void eachFurtherLockoutLastsTwiceAsLongUntilASuccessfulSignIn() throws Exception {
        String user = newUser();
        failFiveTimes(user);
        expireLock(user);
        failFiveTimes(user);

        assertThat(Duration.between(LocalDateTime.now(), lockedUntil(user)))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));

        expireLock(user);
        mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andExpect(authenticated());
        assertThat(jdbc.sql("select lockouts from app_user where username = ?").param(user).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select failed_attempts from app_user where username = ?").param(user).query(Integer.class).single())
                .isZero();
    }

    @Test
    void anUnknownNameIsAnsweredExactlyLikeAnExistingOne() throws Exception {
        String nobody = TestEnterprises.uniqueName("nobody");
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin("/login").user(nobody).password("guess-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        MvcResult fifth = mvc.perform(formLogin("/login").user(nobody).password("guess-5"))
                .andExpect(redirectedUrl("/login?locked")).andReturn();
        mvc.perform(formLogin("/login").user(nobody).password("guess-6")).andExpect(redirectedUrl("/login?locked"));

        assertThat(loginPage(fifth)).contains("该账户已临时锁定");
        assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(nobody).query(Integer.class).single())
                .isZero();
    }

    /**
     * Failures are counted per account whatever case the name is typed in, for real and unknown names
     * alike: otherwise five failures as "BANKB" and one as "bankb" answer "wrong password" for a real
     * account and "locked" for an unknown one, which tells a prober which names exist.
     */
    @Test
    void aRealAndAnUnknownNameAreCountedAlikeWhateverCaseTheyAreTypedIn() throws Exception {
        String real = newUser();
        String unknown = TestEnterprises.uniqueName("nobody");

        String realAnswer = answerAfterFiveFailuresInCapitals(real);
        String unknownAnswer = answerAfterFiveFailuresInCapitals(unknown);

        assertThat(realAnswer).isEqualTo(unknownAnswer).isEqualTo("/login?locked");
    }

    /**
     * Spring Security signs in the trimmed name; the count must be the trimmed name's too, or guesses
     * under " name" would never lock the account they are tried against.
     */
    @Test
    void guessesUnderANameWithSpacesLockTheAccountTheyAreTriedAgainst() throws Exception {
        String user = newUser();
        for (int i = 1; i <= 5; i++) {
            mvc.perform(formLogin("/login").user(" " + user).password("wrong-" + i));
        }

        mvc.perform(formLogin("/login").user(" " + user).password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        assertThat(lockedUntil(user)).isAfter(LocalDateTime.now());
    }

    @Test
    void anAdministratorCanUnlockAnAccountAtOnce() throws Exception {
        String user = newUser();
        failFiveTimes(user);

        mvc.perform(post("/admin/users/{u}/unlock", user).with(TestUsers.admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + user));

        mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andExpect(authenticated());
    }

    private String newUser() {
        String user = TestEnterprises.uniqueName("lock");
        accounts.create(user, PASSWORD, "锁定测试", Role.STAFF, null, null);
        return user;
    }

    private String answerAfterFiveFailuresInCapitals(String name) throws Exception {
        for (int i = 1; i <= 5; i++) {
            mvc.perform(formLogin("/login").user(name.toUpperCase(Locale.ROOT)).password("wrong-" + i));
        }
        return mvc.perform(formLogin("/login").user(name).password("wrong-6")).andReturn().getResponse()
                .getRedirectedUrl();
    }

    private void failFiveTimes(String user) throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(user).password("wrong"));
        }
        assertThat(lockedUntil(user)).isAfter(LocalDateTime.now());
    }

    private void expireLock(String user) {
        jdbc.sql("update app_user set locked_until = ? where username = ?")
                .params(LocalDateTime.now().minusSeconds(1), user).update();
    }

    private LocalDateTime lockedUntil(String user) {
        return jdbc.sql("select locked_until from app_user where username = ?").param(user)
                .query(LocalDateTime.class).single();
    }

    private int audited(String user, String action) {
        return jdbc.sql("select count(*) from audit_event where username = ? and action = ?").params(user, action)
                .query(Integer.class).single();
    }

    private String loginPage(MvcResult redirected) throws Exception {
        Cookie session = SessionCookie.of(redirected);
        return mvc.perform(get("/login").param("locked", "").cookie(session)).andReturn().getResponse()
                .getContentAsString();
    }
}
