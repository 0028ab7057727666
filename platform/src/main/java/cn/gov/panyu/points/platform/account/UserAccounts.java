package cn.gov.panyu.points.platform.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.collection.RegistryReferences;

/**
 * The user store (table {@code app_user}) and Spring Security's view of it. An enterprise an account is bound
 * to stays in the registry ({@link RegistryReferences}).
 *
 * <p>Deliberately no {@code UserDetailsService} bean: sign-in goes through the one provider that
 * SecurityConfiguration builds around {@link #loadUserByUsername}, with the lock and enabled checks in the
 * order the platform needs. A UserDetailsService bean next to it would make Spring Security warn at every
 * start that it is ignored (or, without the provider bean, build a second provider without those checks).
 */
@Service
public class UserAccounts implements RegistryReferences {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Spring Security's lookup: the user or {@link UsernameNotFoundException}. */
    public PlatformUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<PlatformUser> find(String username) {
        return jdbc.sql("""
                        select username, password_hash, display_name, role, uscc, bank_code, enabled, status,
                               locked_until, must_change_password
                        from app_user where username = :username""")
                .param("username", username)
                .query(UserAccounts::user)
                .optional();
    }

    private static PlatformUser user(ResultSet rs, int n) throws SQLException {
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        boolean locked = lockedUntil != null && lockedUntil.toLocalDateTime().isAfter(LocalDateTime.now());
        // a registration under review or refused cannot sign in, whatever the administrator's switch says
        boolean enabled = rs.getBoolean("enabled") && AccountStatus.ACTIVE.name().equals(rs.getString("status").strip());
        return new PlatformUser(rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role").strip()),
                trimmed(rs.getString("uscc")), rs.getString("bank_code"), enabled, locked,
                rs.getBoolean("must_change_password"));
    }

    @Override
    public Set<String> referenced(Collection<String> usccs) {
        return RegistryReferences.query(jdbc, "select uscc from app_user where uscc in (:usccs)", usccs);
    }

    /** The users of a role who may sign in, by display name (e.g. the experts staff assign contest entries to). */
    public List<PlatformUser> activeOf(Role role) {
        return jdbc.sql("""
                        select username, password_hash, display_name, role, uscc, bank_code, enabled, status,
                               locked_until, must_change_password
                        from app_user where role = :role and enabled and status = 'ACTIVE'
                        order by display_name, username""")
                .param("role", role.name())
                .query(UserAccounts::user)
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from app_user").query(Integer.class).single() == 0;
    }

    /** Creates an active user with a freshly hashed password (demo accounts; no password rules). */
    @Transactional
    public void create(String username, String rawPassword, String displayName, Role role, String uscc, String bankCode) {
        insert(username, rawPassword, displayName, role, uscc, bankCode, AccountStatus.ACTIVE, true, false, null, null);
    }

    @Transactional
    void insert(String username, String rawPassword, String displayName, Role role, String uscc, String bankCode,
                AccountStatus status, boolean enabled, boolean mustChangePassword, String contactName, String contactPhone) {
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, uscc, bank_code, status,
                                              enabled, must_change_password, contact_name, contact_phone)
                        values (:username, :hash, :displayName, :role, :uscc, :bankCode, :status,
                                :enabled, :mustChange, :contactName, :contactPhone)""")
                .param("username", username)
                .param("hash", passwords.encode(rawPassword))
                .param("displayName", displayName)
                .param("role", role.name())
                .param("uscc", uscc)
                .param("bankCode", bankCode)
                .param("status", status.name())
                .param("enabled", enabled)
                .param("mustChange", mustChangePassword)
                .param("contactName", contactName)
                .param("contactPhone", contactPhone)
                .update();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(:username)")
                .param("username", username).query(Integer.class).single() > 0;
    }

    /** Stores a new password hash; {@code mustChange} marks a password someone else chose. */
    @Transactional
    String setPassword(String username, String rawPassword, boolean mustChange) {
        String hash = passwords.encode(rawPassword);
        jdbc.sql("""
                        update app_user set password_hash = :hash, must_change_password = :mustChange,
                               password_changed_at = current_timestamp
                        where username = :username""")
                .param("hash", hash).param("mustChange", mustChange).param("username", username).update();
        return hash;
    }

    boolean matches(PlatformUser user, String rawPassword) {
        return rawPassword != null && passwords.matches(rawPassword, user.passwordHash());
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
