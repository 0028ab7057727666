package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * A loan a bank granted and recorded.
 *
 * @param productName   the product, or null for a loan outside the platform's products
 * @param applicationId the application it was granted on, or null for a loan that came in outside the platform
 * @param stage         the enterprise's stage when recorded (null without a published result)
 * @param tier          its tier then (null when on no list)
 */
public record Loan(long id, String bankCode, String bankName, String uscc, String enterpriseName, String productName,
                   Long applicationId, LoanTerms terms, Stage stage, Tier tier, String recordedBy,
                   LocalDateTime recordedAt) {

    /** "平台申请" or "平台外", as the list shows where a loan came from. */
    public String source() {
        return applicationId == null ? "平台外" : "平台申请 #" + applicationId;
    }

    public BigDecimal amount() {
        return terms.amount();
    }

    public LocalDate grantedOn() {
        return terms.grantedOn();
    }
}
