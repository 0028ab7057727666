package cn.gov.panyu.points.platform.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * A bank officer's credit workspace: the white-list of each of the bank's products, the applications inbox with
 * its decisions and loans, and the loans register (also loans that came in outside the platform). Whose data a
 * page shows is decided by the services from the signed-in officer; another bank's ids answer 404.
 */
@Controller
class BankWorkspaceController {

    static final List<Column<Whitelists.Entry>> WHITELIST_COLUMNS = List.of(
            new Column<>("统一社会信用代码", Whitelists.Entry::uscc),
            new Column<>("企业名称", Whitelists.Entry::name),
            new Column<>("所属镇街", Whitelists.Entry::town),
            new Column<>("评价年度", Whitelists.Entry::year),
            new Column<>("创新积分", Whitelists.Entry::total),
            new Column<>("发展阶段", e -> e.stage().label()),
            new Column<>("榜单", e -> e.tier() == null ? null : e.tier().label()),
            new Column<>("预授信额度（万元）", Whitelists.Entry::line),
            new Column<>("额度依据", Whitelists.Entry::explanation),
            new Column<>("授权有效期至", Whitelists.Entry::consentUntil));

    static final List<Column<CreditApplication>> APPLICATION_COLUMNS = List.of(
            new Column<>("申请编号", CreditApplication::id),
            new Column<>("提交时间", CreditApplication::submittedAt),
            new Column<>("企业名称", CreditApplication::enterpriseName),
            new Column<>("统一社会信用代码", CreditApplication::uscc),
            new Column<>("产品", CreditApplication::productName),
            new Column<>("申请金额（万元）", CreditApplication::amount),
            new Column<>("预授信额度（万元）", CreditApplication::line),
            new Column<>("发展阶段", a -> a.stage().label()),
            new Column<>("榜单", a -> a.tier() == null ? null : a.tier().label()),
            new Column<>("创新积分", CreditApplication::total),
            new Column<>("资金用途", CreditApplication::purpose),
            new Column<>("联系人", CreditApplication::contactName),
            new Column<>("联系电话", CreditApplication::contactPhone),
            new Column<>("状态", a -> a.status().label()),
            new Column<>("说明", CreditApplication::note),
            new Column<>("放款金额（万元）", a -> a.loan() == null ? null : a.loan().amount()),
            new Column<>("年利率（%）", a -> a.loan() == null ? null : a.loan().rate()),
            new Column<>("期限（月）", a -> a.loan() == null ? null : a.loan().termMonths()),
            new Column<>("放款日期", a -> a.loan() == null ? null : a.loan().grantedOn()));

    static final List<Column<Loan>> LOAN_COLUMNS = List.of(
            new Column<>("放款日期", Loan::grantedOn),
            new Column<>("企业名称", Loan::enterpriseName),
            new Column<>("统一社会信用代码", Loan::uscc),
            new Column<>("产品", Loan::productName),
            new Column<>("来源", Loan::source),
            new Column<>("放款金额（万元）", Loan::amount),
            new Column<>("年利率（%）", l -> l.terms().rate()),
            new Column<>("期限（月）", l -> l.terms().termMonths()),
            new Column<>("发展阶段", l -> l.stage() == null ? null : l.stage().label()),
            new Column<>("榜单", l -> l.tier() == null ? null : l.tier().label()),
            new Column<>("登记人", Loan::recordedBy),
            new Column<>("登记时间", Loan::recordedAt));

    private final Whitelists whitelists;
    private final CreditApplications applications;
    private final Loans loans;
    private final Products products;

    BankWorkspaceController(Whitelists whitelists, CreditApplications applications, Loans loans, Products products) {
        this.whitelists = whitelists;
        this.applications = applications;
        this.loans = loans;
        this.products = products;
    }

    // ---- 白名单

    @GetMapping("/bank/whitelist")
    String whitelist(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Long product,
                     @RequestParam(required = false) String stage, @RequestParam(required = false) String tier,
                     @RequestParam(required = false) String town, @RequestParam(required = false) String q,
                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                     Model model) {
        List<CreditProduct> own = ownProducts(user);
        model.addAttribute("products", own);
        Long shown = product != null ? product : own.isEmpty() ? null : own.get(0).id();
        model.addAttribute("product", shown == null ? null : products.get(user, shown));
        Whitelists.Filter filter = new Whitelists.Filter(enumOf(Stage.class, stage), enumOf(Tier.class, tier), town, q);
        model.addAttribute("filter", filter);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("tiers", Tier.values());
        if (shown != null) {
            model.addAttribute("page", whitelists.page(user, shown, filter, TableQuery.of(page, size, sort, dir)));
            model.addAttribute("base", UriComponentsBuilder.fromPath("/bank/whitelist").queryParam("product", shown)
                    .queryParamIfPresent("stage", Optional.ofNullable(filter.stage()))
                    .queryParamIfPresent("tier", Optional.ofNullable(filter.tier()))
                    .queryParamIfPresent("town", blank(town)).queryParamIfPresent("q", blank(q))
                    .build().toUriString());
        }
        return "credit/whitelist";
    }

    @GetMapping("/bank/whitelist/export")
    ResponseEntity<StreamingResponseBody> whitelistExport(@AuthenticationPrincipal PlatformUser user,
                                                          @RequestParam(required = false) Long product,
                                                          @RequestParam(required = false) String stage,
                                                          @RequestParam(required = false) String tier,
                                                          @RequestParam(required = false) String town,
                                                          @RequestParam(required = false) String q,
                                                          @RequestParam(required = false) String sort,
                                                          @RequestParam(required = false) String dir) {
        List<CreditProduct> own = ownProducts(user);
        Long shown = product != null ? product : own.isEmpty() ? null : own.get(0).id();
        Whitelists.Filter filter = new Whitelists.Filter(enumOf(Stage.class, stage), enumOf(Tier.class, tier), town, q);
        List<Whitelists.Entry> rows = shown == null ? List.of()
                : whitelists.all(user, shown, filter, TableQuery.of(1, 20, sort, dir));
        return ExcelExport.response("积分贷白名单", "白名单", WHITELIST_COLUMNS, rows);
    }

    // ---- 贷款申请

    @GetMapping("/bank/applications")
    String inbox(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) String status,
                 @RequestParam(required = false) Long product, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                 @RequestParam(required = false) String dir, Model model) {
        CreditApplications.InboxFilter filter = new CreditApplications.InboxFilter(enumOf(ApplicationStatus.class, status), product);
        model.addAttribute("page", applications.inbox(user, filter, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("products", ownProducts(user));
        model.addAttribute("base", UriComponentsBuilder.fromPath("/bank/applications")
                .queryParamIfPresent("status", Optional.ofNullable(filter.status()))
                .queryParamIfPresent("product", Optional.ofNullable(product)).build().toUriString());
        model.addAttribute("bankView", true);
        return "credit/applications";
    }

    @GetMapping("/bank/applications/export")
    ResponseEntity<StreamingResponseBody> inboxExport(@AuthenticationPrincipal PlatformUser user,
                                                      @RequestParam(required = false) String status,
                                                      @RequestParam(required = false) Long product,
                                                      @RequestParam(required = false) String sort,
                                                      @RequestParam(required = false) String dir) {
        CreditApplications.InboxFilter filter = new CreditApplications.InboxFilter(enumOf(ApplicationStatus.class, status), product);
        return ExcelExport.response("积分贷申请", "积分贷申请", APPLICATION_COLUMNS,
                applications.inboxAll(user, filter, TableQuery.of(1, 20, sort, dir)));
    }

    @GetMapping("/bank/applications/{id}")
    String application(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, Model model) {
        model.addAttribute("loanApplication", applications.forBank(user, id));
        model.addAttribute("history", applications.history(user, id));
        model.addAttribute("bankView", true);
        model.addAttribute("today", LocalDate.now());
        return "credit/application";
    }

    @PostMapping("/bank/applications/{id}/decide")
    String decide(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String text,
                  RedirectAttributes redirect) {
        applications.forBank(user, id); // 404 before anything is read from the form
        CreditApplications.Decision d = enumOf(CreditApplications.Decision.class, decision);
        String back = "/bank/applications/" + id;
        if (d == null) {
            redirect.addFlashAttribute("failure", "请选择处理结果：受理、需补充材料或拒绝。");
            return "redirect:" + back;
        }
        String done = switch (d) {
            case ACCEPT -> "已受理。放款后请在本页登记放款信息。";
            case REQUEST_INFORMATION -> "已请企业补充材料，企业补充后申请回到待办。";
            case REJECT -> "已拒绝，企业将看到拒绝理由；随申请授予的授权已结束。";
        };
        return ApplicationPages.act(redirect, back, done, () -> applications.decide(user, id, d, text));
    }

    @PostMapping("/bank/applications/{id}/loan")
    String loan(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                @RequestParam(required = false) String amount, @RequestParam(required = false) String rate,
                @RequestParam(required = false) String termMonths, @RequestParam(required = false) String grantedOn,
                RedirectAttributes redirect) {
        applications.forBank(user, id); // 404 before anything is read from the form
        return ApplicationPages.act(redirect, "/bank/applications/" + id, "已登记放款，申请已办结。",
                () -> applications.recordLoan(user, id, LoanTerms.read(amount, rate, termMonths, grantedOn)));
    }

    // ---- 放款登记

    @GetMapping("/bank/loans")
    String loans(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                 @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", loans.page(user, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", "/bank/loans");
        model.addAttribute("products", ownProducts(user));
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "credit/loans";
    }

    @GetMapping("/bank/loans/export")
    ResponseEntity<StreamingResponseBody> loansExport(@AuthenticationPrincipal PlatformUser user,
                                                      @RequestParam(required = false) String sort,
                                                      @RequestParam(required = false) String dir) {
        return ExcelExport.response("放款记录", "放款记录", LOAN_COLUMNS, loans.all(user, TableQuery.of(1, 20, sort, dir)));
    }

    /** A loan granted outside the platform, named by the enterprise's USCC. */
    @PostMapping("/bank/loans")
    String recordOutside(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) String uscc,
                         @RequestParam(required = false) Long productId, @RequestParam(required = false) String amount,
                         @RequestParam(required = false) String rate, @RequestParam(required = false) String termMonths,
                         @RequestParam(required = false) String grantedOn, RedirectAttributes redirect) {
        try {
            long id = loans.recordOutside(user, uscc, productId, LoanTerms.read(amount, rate, termMonths, grantedOn));
            redirect.addFlashAttribute("notice", "已登记平台外放款（编号 " + id + "）。");
        } catch (CreditException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("typed", Map.of("uscc", Objects.toString(uscc, ""),
                    "productId", Objects.toString(productId, ""), "amount", Objects.toString(amount, ""),
                    "rate", Objects.toString(rate, ""), "termMonths", Objects.toString(termMonths, ""),
                    "grantedOn", Objects.toString(grantedOn, "")));
        }
        return "redirect:/bank/loans";
    }

    private List<CreditProduct> ownProducts(PlatformUser user) {
        return products.all(user, null, TableQuery.of(1, 20, null, null));
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** The member named, or null for blank or a name that is none (a tampered link filters nothing). */
    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
