package cn.gov.panyu.points.platform.bankapi;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import cn.gov.panyu.points.platform.account.PlatformUser;

/**
 * A call authenticated by a bank's API key. Only this kind of authentication opens {@code /api/v1/bank/**}:
 * a bank officer signed in to the web pages holds the same role but not this token.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final PlatformUser bank;

    ApiKeyAuthentication(PlatformUser bank) {
        super(bank.getAuthorities());
        this.bank = bank;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null; // the secret is checked and forgotten
    }

    @Override
    public PlatformUser getPrincipal() {
        return bank;
    }
}
