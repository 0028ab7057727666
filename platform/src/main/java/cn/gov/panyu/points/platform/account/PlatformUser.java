package cn.gov.panyu.points.platform.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user with the data scope every query binds as a parameter: an enterprise user's USCC,
 * a bank officer's bank. Admins also hold the staff authority, so staff pages need one check only.
 */
public record PlatformUser(String username, String passwordHash, String displayName, Role role, String uscc,
                           String bankCode, boolean enabled, boolean locked) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (role == Role.ADMIN) {
            return List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()),
                    new SimpleGrantedAuthority(Role.STAFF.authority()));
        }
        return List.of(new SimpleGrantedAuthority(role.authority()));
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
