package cn.gov.panyu.points.platform.consent;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One grant of the consent history, with how it ended if it did.
 *
 * @param applicationId the 积分贷 application whose filing granted it (it ends with the application), or null
 *                      for a consent the enterprise granted on its own
 */
public record ConsentRow(long id, String bankCode, String bankName, String grantedBy, LocalDateTime grantedAt,
                         LocalDate expiresOn, LocalDateTime endedAt, String endedBy, String endReason,
                         Long applicationId) {

    /** The bank may see the report today. */
    public boolean active(LocalDate today) {
        return endedAt == null && !expiresOn.isBefore(today);
    }

    public boolean active() {
        return active(LocalDate.now());
    }

    public String statusLabel() {
        if (endedAt != null) {
            return switch (String.valueOf(endReason)) {
                case "REPLACED" -> "已被新授权替代";
                case "CLOSED" -> "随申请结束";
                default -> "已撤销";
            };
        }
        return active() ? "有效" : "已过期";
    }

    /** What the consent is for, as the history shows it: "积分贷申请 #12" or blank for an own grant. */
    public String purpose() {
        return applicationId == null ? "" : "积分贷申请 #" + applicationId;
    }
}
