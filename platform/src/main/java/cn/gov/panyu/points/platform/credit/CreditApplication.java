package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * A 积分贷 application as both sides read it, with the facts it was filed on and the loan granted, if any.
 *
 * @param amount the amount asked for, in 万元
 * @param note   the bank's last message: the information it asked for, or the reason of its refusal
 * @param year   the published year the application was judged on; stage, tier, total and line are of it
 * @param line   the pre-approved line on the day of filing, in 万元
 * @param loan   the loan granted through this application, or null
 */
public record CreditApplication(long id, long productId, String productName, String bankCode, String bankName,
                                String uscc, String enterpriseName, BigDecimal amount, String purpose,
                                String contactName, String contactPhone, ApplicationStatus status, String note,
                                int year, Stage stage, Tier tier, BigDecimal total, BigDecimal line,
                                LocalDateTime submittedAt, LocalDateTime decidedAt, LocalDateTime updatedAt, LoanTerms loan) {

    /** One step of an application's history. */
    public record Step(ApplicationStatus status, String note, String actor, LocalDateTime at) {
    }
}
