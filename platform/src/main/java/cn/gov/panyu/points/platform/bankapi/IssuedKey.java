package cn.gov.panyu.points.platform.bankapi;

/**
 * A newly issued API key with its secret: the only moment the secret exists outside the bank's systems.
 * It is shown to staff once and never stored.
 */
public record IssuedKey(String keyId, String bankCode, String secret) {

    /** What the bank's system sends: {@code Authorization: Bearer <token>}. */
    public String token() {
        return keyId + "." + secret;
    }

    @Override
    public String toString() {
        return "IssuedKey[" + keyId + "]"; // never the secret in a log line
    }
}
