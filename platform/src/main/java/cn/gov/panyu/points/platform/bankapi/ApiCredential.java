package cn.gov.panyu.points.platform.bankapi;

import java.time.LocalDateTime;

/**
 * A bank's API key as staff see it: never its secret.
 *
 * @param expiresAt  the end of the grace period of a rotated key; null while the key is current
 * @param replacedBy the key that replaced it at rotation
 */
public record ApiCredential(String keyId, String bankCode, String label, String createdBy, LocalDateTime createdAt,
                            LocalDateTime expiresAt, String replacedBy, LocalDateTime revokedAt, String revokedBy,
                            LocalDateTime lastUsedAt) {

    /** Whether a call made with the key at {@code now} is let in. */
    public boolean validAt(LocalDateTime now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** 有效, 轮换宽限期内, 已过期 or 已撤销, for the staff page. */
    public String status(LocalDateTime now) {
        if (revokedAt != null) {
            return "已撤销";
        }
        if (expiresAt == null) {
            return "有效";
        }
        return now.isBefore(expiresAt) ? "轮换宽限期内" : "已过期";
    }
}
