package cn.gov.panyu.points.platform.credit;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 授权企业 pages of a bank officer. */
@Controller
class BankController {

    static final List<Column<ConsentedEnterprise>> EXPORT_COLUMNS = List.of(
            new Column<>("统一社会信用代码", ConsentedEnterprise::uscc),
            new Column<>("企业名称", ConsentedEnterprise::name),
            new Column<>("所属镇街", ConsentedEnterprise::town),
            new Column<>("行业", r -> IndustryCode.display(r.industry())),
            new Column<>("评价年度", ConsentedEnterprise::year),
            new Column<>("创新积分", ConsentedEnterprise::total),
            new Column<>("发展阶段", r -> r.stage() == null ? null : r.stage().label()),
            new Column<>("阶段内排名", ConsentedEnterprise::rank),
            new Column<>("榜单", r -> r.tier() == null ? null : r.tier().label()),
            new Column<>("授权有效期至", ConsentedEnterprise::consentExpires));

    private final BankEnterprises enterprises;
    private final CreditLines lines;

    BankController(BankEnterprises enterprises, CreditLines lines) {
        this.enterprises = enterprises;
        this.lines = lines;
    }

    @GetMapping("/bank/enterprises")
    String list(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", enterprises.list(user, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", "/bank/enterprises");
        return "credit/list";
    }

    @GetMapping("/bank/enterprises/export")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal PlatformUser user,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        return ExcelExport.response("授权企业清单", "授权企业", EXPORT_COLUMNS,
                enterprises.export(user, TableQuery.of(1, 20, sort, dir)));
    }

    @GetMapping("/bank/enterprises/{uscc}")
    String report(@AuthenticationPrincipal PlatformUser user, @PathVariable String uscc, Model model) {
        // no consent and no such enterprise look the same: a bank learns nothing about who exists
        model.addAttribute("report", enterprises.report(user, uscc)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        // only after the consent was found: the bank's products judged on this enterprise
        model.addAttribute("offers", lines.offers(user, uscc));
        return "credit/report";
    }
}
