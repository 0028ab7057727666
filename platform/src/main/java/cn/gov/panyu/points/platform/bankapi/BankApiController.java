package cn.gov.panyu.points.platform.bankapi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.credit.BankEnterprises;
import cn.gov.panyu.points.platform.credit.CreditLines;
import cn.gov.panyu.points.platform.credit.Products;
import cn.gov.panyu.points.platform.credit.Whitelists;

/**
 * What a bank's system reads: its products, its white-list, and one consenting enterprise's report — through
 * the services of the bank officer's pages, as the API key's bank.
 */
@BankApiEndpoint
@Tag(name = "bank", description = "积分贷：本行产品、白名单、企业积分报告")
class BankApiController {

    /** A cursor is the last USCC of the previous page. */
    private static final Pattern CURSOR = Pattern.compile("[0-9A-Z]{18}");

    private final Products products;
    private final Whitelists whiteList;
    private final BankEnterprises enterprises;
    private final CreditLines lines;

    BankApiController(Products products, Whitelists whiteList, BankEnterprises enterprises, CreditLines lines) {
        this.products = products;
        this.whiteList = whiteList;
        this.enterprises = enterprises;
        this.lines = lines;
    }

    @GetMapping("/products")
    @Operation(operationId = "listProducts", summary = "本行当前有效的积分贷产品")
    List<ApiViews.Product> products(@AuthenticationPrincipal PlatformUser bank) {
        return products.offeredBy(bank, LocalDate.now()).stream().map(ApiViews.Product::of).toList();
    }

    @GetMapping("/whitelist")
    @Operation(operationId = "listWhiteList", summary = "白名单：已授权本行且符合本行产品条件的企业及预授信额度",
            description = "按统一社会信用代码排序分页：把上一页的 nextCursor 作为 cursor 传回，直到 nextCursor 为空。"
                    + "changedSince 只返回此后授权或发布了新结果的企业（若所选产品的规则此后有修改，则返回全部）。"
                    + "授权结束的企业不再出现；要发现它们，请定期读取完整白名单。")
    ApiViews.WhiteListPage whiteList(
            @AuthenticationPrincipal PlatformUser bank,
            @Parameter(description = "只看这个产品；不填为本行全部当前产品") @RequestParam(required = false) Long productId,
            @Parameter(description = "只返回此时刻（北京时间，如 2026-12-01T00:00:00）之后有变化的企业")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime changedSince,
            @Parameter(description = "上一页的 nextCursor；第一页不填") @RequestParam(required = false) String cursor,
            @Parameter(description = "每页最多条数，1 至 200，默认 50") @RequestParam(defaultValue = "" + Whitelists.DEFAULT_SIZE) int size) {
        if (cursor != null && !CURSOR.matcher(cursor).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "参数 cursor 无效：请传回上一页响应中的 nextCursor。");
        }
        Whitelists.Slice slice = whiteList.slice(bank, productId, changedSince, cursor, size);
        return new ApiViews.WhiteListPage(slice.entries().stream().map(ApiViews.WhiteListEntry::of).toList(),
                slice.nextCursor());
    }

    @GetMapping("/enterprises/{uscc}")
    @Operation(operationId = "getEnterpriseReport", summary = "一家企业的积分报告及本行产品的判断",
            description = "仅当该企业当前对本行的授权有效时返回；否则（从未授权、已过期、已撤销、授权给其他银行，或无此企业）一律 404。")
    ApiViews.Report report(@AuthenticationPrincipal PlatformUser bank, @PathVariable String uscc) {
        // no consent and no such enterprise look the same: the bank learns nothing about who exists
        var report = enterprises.report(bank, uscc).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ApiViews.Report.of(report, lines.offers(bank, uscc));
    }
}
