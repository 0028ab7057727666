package cn.gov.panyu.points.platform.bankapi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.credit.ApplicationStatus;
import cn.gov.panyu.points.platform.credit.CreditApplication;
import cn.gov.panyu.points.platform.credit.CreditApplications;
import cn.gov.panyu.points.platform.credit.Loan;
import cn.gov.panyu.points.platform.credit.LoanTerms;
import cn.gov.panyu.points.platform.credit.Loans;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What a bank's system does with applications and loans: the applications to the bank (list, one with its
 * history, decide), the loan granted on one, and loans that came in outside the platform — through the services
 * of the bank officer's inbox and loan pages, as the API key's bank, so the same state rules and the same Chinese
 * messages apply. Recording a loan is a POST like any other here: an {@code Idempotency-Key} makes a retry safe.
 */
@BankApiEndpoint
@Tag(name = "credit", description = "积分贷：申请办理与放款登记")
class BankCreditApiController {

    private final CreditApplications applications;
    private final Loans loans;

    BankCreditApiController(CreditApplications applications, Loans loans) {
        this.applications = applications;
        this.loans = loans;
    }

    @Schema(description = "一页结果")
    record Page<T>(List<T> items, @Schema(description = "总条数") long total, int page, int size) {

        static <S, T> Page<T> of(TablePage<S> p, java.util.function.Function<S, T> view) {
            return new Page<>(p.rows().stream().map(view).toList(), p.total(), p.query().page(), p.query().size());
        }
    }

    @Schema(description = "放款条件")
    record LoanView(@Schema(description = "金额（万元）") BigDecimal amount, @Schema(description = "年利率（%）") BigDecimal rate,
                    @Schema(description = "期限（月）") int termMonths, LocalDate grantedOn) {

        static LoanView of(LoanTerms t) {
            return t == null ? null : new LoanView(t.amount(), t.rate(), t.termMonths(), t.grantedOn());
        }
    }

    @Schema(description = "积分贷申请")
    record Application(long id, long productId, String productName, String uscc, String enterpriseName,
                       @Schema(description = "申请金额（万元）") BigDecimal amount, String purpose, String contactName,
                       String contactPhone, @Schema(example = "SUBMITTED") String status,
                       @Schema(example = "已提交") String statusLabel,
                       @Schema(description = "银行最近的说明：要求补充的材料或拒绝理由") String note,
                       @Schema(description = "申请所依据的发布年度") int year, ApiViews.Label stage, ApiViews.Label tier,
                       BigDecimal total, @Schema(description = "申请时的预授信额度（万元）") BigDecimal line,
                       LocalDateTime submittedAt, LocalDateTime decidedAt, LoanView loan) {

        static Application of(CreditApplication a) {
            return new Application(a.id(), a.productId(), a.productName(), a.uscc(), a.enterpriseName(), a.amount(),
                    a.purpose(), a.contactName(), a.contactPhone(), a.status().name(), a.status().label(), a.note(),
                    a.year(), ApiViews.Label.of(a.stage()), ApiViews.Label.of(a.tier()), a.total(), a.line(),
                    a.submittedAt(), a.decidedAt(), LoanView.of(a.loan()));
        }
    }

    @Schema(description = "办理记录的一步")
    record Step(String status, String statusLabel, String note, LocalDateTime at) {
    }

    @Schema(description = "申请及其办理记录")
    record ApplicationWithHistory(Application application, List<Step> history) {
    }

    @Schema(description = "办理决定")
    record DecisionRequest(@Schema(description = "ACCEPT 受理、REQUEST_INFORMATION 要求补充材料、REJECT 拒绝",
            example = "ACCEPT", requiredMode = Schema.RequiredMode.REQUIRED) String decision,
                           @Schema(description = "要求补充的材料或拒绝理由；受理时可不填") String text) {
    }

    @Schema(description = "放款（金额万元、年利率%、期限月、放款日期）")
    record LoanRequest(@Schema(example = "200") String amount, @Schema(example = "3.85") String rate,
                       @Schema(example = "12") String termMonths, @Schema(example = "2026-12-01") String grantedOn) {

        LoanTerms terms() {
            return LoanTerms.read(amount, rate, termMonths, grantedOn);
        }
    }

    @Schema(description = "平台外放款：企业统一社会信用代码，可选的本行产品，及放款条件")
    record OutsideLoanRequest(@Schema(example = "91440113MA5XXXXXX1") String uscc, Long productId, String amount,
                              String rate, String termMonths, String grantedOn) {
    }

    @Schema(description = "已登记的放款")
    record LoanRecord(long id, String uscc, String enterpriseName, String productName,
                      @Schema(description = "经平台申请时为申请编号") Long applicationId, LoanView terms,
                      ApiViews.Label stage, ApiViews.Label tier, LocalDateTime recordedAt) {

        static LoanRecord of(Loan l) {
            return new LoanRecord(l.id(), l.uscc(), l.enterpriseName(), l.productName(), l.applicationId(),
                    LoanView.of(l.terms()), ApiViews.Label.of(l.stage()), ApiViews.Label.of(l.tier()), l.recordedAt());
        }
    }

    @Schema(description = "新登记的记录编号")
    record Created(long id) {
    }

    @GetMapping("/applications")
    @Operation(operationId = "listApplications", summary = "向本行提交的积分贷申请（最新在前）")
    Page<Application> list(@AuthenticationPrincipal PlatformUser bank,
                           @Parameter(description = "只看这个状态，如 SUBMITTED") @RequestParam(required = false) String status,
                           @Parameter(description = "只看这个产品") @RequestParam(required = false) Long productId,
                           @Parameter(description = "页码，从 1 开始") @RequestParam(required = false) Integer page,
                           @Parameter(description = "每页条数：20、50 或 100") @RequestParam(required = false) Integer size) {
        ApplicationStatus s = status == null || status.isBlank() ? null : status(status);
        return Page.of(applications.inbox(bank, new CreditApplications.InboxFilter(s, productId),
                TableQuery.of(page, size, null, null)), Application::of);
    }

    @GetMapping("/applications/{id}")
    @Operation(operationId = "getApplication", summary = "一笔申请及其办理记录（其他银行的申请一律 404）")
    ApplicationWithHistory one(@AuthenticationPrincipal PlatformUser bank, @PathVariable long id) {
        return new ApplicationWithHistory(Application.of(applications.forBank(bank, id)), applications.history(bank, id)
                .stream().map(s -> new Step(s.status().name(), s.status().label(), s.note(), s.at())).toList());
    }

    @PostMapping("/applications/{id}/decision")
    @Operation(operationId = "decideApplication", summary = "受理、要求补充材料或拒绝一笔申请")
    Application decide(@AuthenticationPrincipal PlatformUser bank, @PathVariable long id,
                       @RequestBody(required = false) DecisionRequest request) {
        applications.forBank(bank, id); // an unknown or another bank's id is 404 whatever the body
        applications.decide(bank, id, decision(required(request).decision()), request.text());
        return Application.of(applications.forBank(bank, id));
    }

    @PostMapping("/applications/{id}/loan")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordApplicationLoan", summary = "登记已受理申请的放款（带 Idempotency-Key 重试安全）")
    Created loan(@AuthenticationPrincipal PlatformUser bank, @PathVariable long id,
                 @RequestBody(required = false) LoanRequest request) {
        applications.forBank(bank, id);
        return new Created(applications.recordLoan(bank, id, required(request).terms()));
    }

    @GetMapping("/loans")
    @Operation(operationId = "listLoans", summary = "本行登记的放款（经平台申请的和平台外的）")
    Page<LoanRecord> loans(@AuthenticationPrincipal PlatformUser bank,
                           @Parameter(description = "页码，从 1 开始") @RequestParam(required = false) Integer page,
                           @Parameter(description = "每页条数：20、50 或 100") @RequestParam(required = false) Integer size) {
        return Page.of(loans.page(bank, TableQuery.of(page, size, null, null)), LoanRecord::of);
    }

    @PostMapping("/loans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordLoan", summary = "登记平台外放款（带 Idempotency-Key 重试安全）")
    Created outside(@AuthenticationPrincipal PlatformUser bank, @RequestBody OutsideLoanRequest request) {
        LoanTerms terms = LoanTerms.read(request.amount(), request.rate(), request.termMonths(), request.grantedOn());
        return new Created(loans.recordOutside(bank, request.uscc(), request.productId(), terms));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "缺少请求体：请按接口文档以 JSON 提交。");
        }
        return body;
    }

    private static ApplicationStatus status(String code) {
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s.name().equals(code)) {
                return s;
            }
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "参数 status 的值「" + code + "」无效。");
    }

    private static CreditApplications.Decision decision(String code) {
        for (CreditApplications.Decision d : CreditApplications.Decision.values()) {
            if (d.name().equals(code)) {
                return d;
            }
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST,
                "decision 应为 ACCEPT、REQUEST_INFORMATION 或 REJECT，收到「" + (code == null ? "" : code) + "」。");
    }
}
