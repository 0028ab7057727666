package cn.gov.panyu.points.platform.bankapi;

import java.time.LocalDateTime;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.account.PlatformUser;

/**
 * 接口密钥 of a partner bank (staff, under 合作银行): issue, rotate, revoke. A new secret is rendered in the
 * answer to the POST that made it — never put in the session or a redirect — and cannot be shown again.
 */
@Controller
class CredentialController {

    private static final String BASE = "/credit/banks/{code}/credentials";

    private final ApiCredentials credentials;

    CredentialController(ApiCredentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping(BASE)
    String list(@PathVariable String code, Model model) {
        return page(code, null, null, model);
    }

    @PostMapping(BASE)
    String issue(@AuthenticationPrincipal PlatformUser staff, @PathVariable String code,
                 @RequestParam(required = false) String label, Model model) {
        return credentials.issue(staff, code, label)
                .map(key -> page(code, key, null, model))
                .orElseGet(() -> page(code, null, "请填写密钥用途（100 字以内），如「信贷系统生产环境」。", model));
    }

    @PostMapping(BASE + "/{keyId}/rotate")
    String rotate(@AuthenticationPrincipal PlatformUser staff, @PathVariable String code, @PathVariable String keyId,
                  Model model) {
        return page(code, credentials.rotate(staff, code, keyId), null, model);
    }

    @PostMapping(BASE + "/{keyId}/revoke")
    String revoke(@AuthenticationPrincipal PlatformUser staff, @PathVariable String code, @PathVariable String keyId,
                  RedirectAttributes redirect) {
        credentials.revoke(staff, code, keyId);
        redirect.addFlashAttribute("notice", "已撤销接口密钥 " + keyId + "，使用它的调用将立即被拒绝。");
        return "redirect:/credit/banks/" + code + "/credentials";
    }

    private String page(String code, IssuedKey issued, String problem, Model model) {
        model.addAttribute("bank", credentials.bank(code));
        model.addAttribute("keys", credentials.of(code));
        model.addAttribute("now", LocalDateTime.now());
        model.addAttribute("graceHours", credentials.rotationGrace().toHours());
        model.addAttribute("issued", issued);
        model.addAttribute("problem", problem);
        model.addAttribute("document", BankApi.DOCUMENT);
        model.addAttribute("ui", BankApi.UI);
        return "bankapi/credentials";
    }
}
