package cn.gov.panyu.points.platform.credit;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A stored 积分贷 product with its bank and last change. */
public record CreditProduct(long id, String bankCode, String bankName, ProductTerms terms, String updatedBy,
                            LocalDateTime updatedAt) {

    /** 有效, 未生效 or 已过期 on {@code day}. */
    public String status(LocalDate day) {
        if (day.isBefore(terms.validFrom())) {
            return "未生效";
        }
        return day.isAfter(terms.validTo()) ? "已过期" : "有效";
    }
}
