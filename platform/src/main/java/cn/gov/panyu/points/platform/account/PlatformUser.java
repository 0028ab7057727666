package cn.gov.panyu.points.platform.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user with the data scope every query binds as a parameter: an enterprise user's USCC,
 * a bank officer's bank. Admins also hold the staff authority, so staff pages need one check only.
 *
 * @param enabled            false while a registration awaits review, after rejection, or when switched off
 * @param mustChangePassword set on a first-start or reset password: every page leads to the password
 *                           change until a password only the user knows is set
 */
public record PlatformUser(String username, String passwordHash, String displayName, Role role, String uscc,
                           String bankCode, boolean enabled, boolean locked, boolean mustChangePassword)
        implements UserDetails {

    public PlatformUser(String username, String passwordHash, String displayName, Role role, String uscc,
                        String bankCode, boolean enabled, boolean locked) {
        this(username, passwordHash, displayName, role, uscc, bankCode, enabled, locked, false);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (role == Role.ADMIN) {
            return List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
                    new SimpleGrantedAuthority(Role.STAFF.authority()));
        }
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    /** The same user after a password change, for the session. */
    PlatformUser withPasswordChanged(String newHash) {
        return new PlatformUser(username, newHash, displayName, role, uscc, bankCode, enabled, locked, false);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
