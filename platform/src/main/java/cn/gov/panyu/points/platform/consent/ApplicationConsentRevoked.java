package cn.gov.panyu.points.platform.consent;

/**
 * An enterprise revoked the consent its 积分贷 application granted: the bank may no longer see its report,
 * so the application cannot go on. Published inside the revocation's transaction; the credit module, which
 * owns applications (and may depend on consent, not the other way round), withdraws the application in it.
 */
public record ApplicationConsentRevoked(long applicationId, String uscc, String username) {
}
