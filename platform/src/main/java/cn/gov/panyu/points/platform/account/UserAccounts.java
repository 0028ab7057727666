package cn.gov.panyu.points.platform.account;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user store (table {@code app_user}) and Spring Security's view of it. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public PlatformUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<PlatformUser> find(String username) {
        return jdbc.sql("""
                        select username, password_hash, display_name, role, uscc, bank_code, enabled, locked_until
                        from app_user where username = :username""")
                .param("username", username)
                .query((rs, n) -> {
                    java.sql.Timestamp lockedUntil = rs.getTimestamp("locked_until");
                    boolean locked = lockedUntil != null && lockedUntil.toLocalDateTime().isAfter(LocalDateTime.now());
                    return new PlatformUser(rs.getString("username"), rs.getString("password_hash"),
                            rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                            trimmed(rs.getString("uscc")), rs.getString("bank_code"), rs.getBoolean("enabled"), locked);
                })
                .optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from app_user").query(Integer.class).single() == 0;
    }

    /** Creates a user with a freshly hashed password. */
    @Transactional
    public void create(String username, String rawPassword, String displayName, Role role, String uscc, String bankCode) {
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, uscc, bank_code)
                        values (:username, :hash, :displayName, :role, :uscc, :bankCode)""")
                .param("username", username)
                .param("hash", passwords.encode(rawPassword))
                .param("displayName", displayName)
                .param("role", role.name())
                .param("uscc", uscc)
                .param("bankCode", bankCode)
                .update();
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
