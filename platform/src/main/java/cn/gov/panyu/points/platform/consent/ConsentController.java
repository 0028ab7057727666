package cn.gov.panyu.points.platform.consent;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
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

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 授权管理 pages of the enterprise portal. */
@Controller
class ConsentController {

    static final List<Column<ConsentRow>> EXPORT_COLUMNS = List.of(
            new Column<>("授权编号", c -> c.id()),
            new Column<>("银行", ConsentRow::bankName),
            new Column<>("银行代码", ConsentRow::bankCode),
            new Column<>("授权时间", ConsentRow::grantedAt),
            new Column<>("授权人", ConsentRow::grantedBy),
            new Column<>("有效期至", ConsentRow::expiresOn),
            new Column<>("状态", ConsentRow::statusLabel),
            new Column<>("结束时间", ConsentRow::endedAt),
            new Column<>("操作人", ConsentRow::endedBy));

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    @GetMapping("/my/consents")
    String list(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", consents.mine(user, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("banks", consents.banks());
        model.addAttribute("base", "/my/consents");
        model.addAttribute("defaultExpiry", LocalDate.now().plusYears(1));
        model.addAttribute("maxExpiry", LocalDate.now().plusYears(Consents.MAX_YEARS));
        model.addAttribute("today", LocalDate.now());
        return "consent/list";
    }

    @GetMapping("/my/consents/export")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal PlatformUser user,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        return ExcelExport.response("银行授权记录", "授权记录", EXPORT_COLUMNS,
                consents.allMine(user, TableQuery.of(1, 20, sort, dir)));
    }

    @PostMapping("/my/consents")
    String grant(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) String bank,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                 RedirectAttributes redirect) {
        try {
            consents.grant(user, bank, expiresOn);
            redirect.addFlashAttribute("notice", "已授权。该银行在有效期内可查看本企业的积分报告，您可随时撤销。");
        } catch (ConsentException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/my/consents";
    }

    @PostMapping("/my/consents/{id}/revoke")
    String revoke(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            consents.revoke(user, id);
            redirect.addFlashAttribute("notice", "已撤销授权，该银行即刻起不能再查看本企业的报告。");
        } catch (ConsentException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/my/consents";
    }
}
