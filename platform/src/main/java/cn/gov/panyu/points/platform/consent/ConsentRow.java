package cn.gov.panyu.points.platform.consent;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One grant of the consent history, with how it ended if it did. */
public record ConsentRow(long id, String bankCode, String bankName, String grantedBy, LocalDateTime grantedAt,
                         LocalDate expiresOn, LocalDateTime endedAt, String endedBy, String endReason) {

    /** The bank may see the report today. */
    public boolean active(LocalDate today) {
        return endedAt == null && !expiresOn.isBefore(today);
    }

    public boolean active() {
        return active(LocalDate.now());
    }

    public String statusLabel() {
        if (endedAt != null) {
            return "REPLACED".equals(endReason) ? "已被新授权替代" : "已撤销";
        }
        return active() ? "有效" : "已过期";
    }
}
