package cn.gov.panyu.points.platform.credit;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.consent.Bank;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * 积分贷产品 pages: the same list and form for staff ({@value #STAFF_BASE}, every bank) and a bank officer
 * ({@value #BANK_BASE}, their own bank). Which products a user reaches is decided by {@link Products}
 * from the signed-in user; the path only picks the links the page shows.
 */
@Controller
class ProductController {

    static final String STAFF_BASE = "/credit/products";
    static final String BANK_BASE = "/bank/products";

    static final List<Column<CreditProduct>> EXPORT_COLUMNS = List.of(
            new Column<>("银行", CreditProduct::bankName),
            new Column<>("产品名称", p -> p.terms().name()),
            new Column<>("产品说明", p -> p.terms().description()),
            new Column<>("适用发展阶段", p -> CreditRules.labels(p.terms().rules().stages(), Stage::label)),
            new Column<>("适用榜单", p -> CreditRules.tierRule(p.terms().rules().lowestTier())),
            new Column<>("最低创新积分", p -> p.terms().rules().minimumTotal()),
            new Column<>("基础额度·领跑（万元）", p -> p.terms().rules().baseAmounts().get(Tier.LEAD)),
            new Column<>("基础额度·竞跑（万元）", p -> p.terms().rules().baseAmounts().get(Tier.RUN)),
            new Column<>("基础额度·进取（万元）", p -> p.terms().rules().baseAmounts().get(Tier.RISE)),
            new Column<>("积分分档（积分下限 = 系数）", p -> BandText.format(p.terms().rules().bands(), "；")),
            new Column<>("额度上限（万元）", p -> p.terms().rules().cap()),
            new Column<>("须具备的资质", p -> CreditRules.labels(p.terms().rules().required(), Qualification::label)),
            new Column<>("不予支持的资质", p -> CreditRules.labels(p.terms().rules().excludedQualifications(), Qualification::label)),
            new Column<>("不予支持的负面情形", p -> CreditRules.labels(p.terms().rules().excludedNegatives(), Negative::label)),
            new Column<>("最低成立年限", p -> p.terms().rules().minimumYears()),
            new Column<>("最长期限（月）", p -> p.terms().termMonths()),
            new Column<>("利率上限（%）", p -> p.terms().rateCeiling()),
            new Column<>("有效期起", p -> p.terms().validFrom()),
            new Column<>("有效期止", p -> p.terms().validTo()),
            new Column<>("状态", p -> p.status(LocalDate.now())));

    /** The choices of 适用榜单: each tier as "that list and those above". */
    private static final Map<String, String> TIER_CHOICES = tierChoices();

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    @GetMapping({STAFF_BASE, BANK_BASE})
    String list(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) String bank,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        String base = base(user);
        String shownBank = isBank(user) ? null : blankToNull(bank);
        model.addAttribute("page", products.page(user, shownBank, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", shownBank == null ? base : base + "?bank=" + shownBank);
        model.addAttribute("productsBase", base);
        model.addAttribute("staffView", !isBank(user));
        model.addAttribute("banks", products.banks(user));
        model.addAttribute("bank", shownBank);
        model.addAttribute("today", LocalDate.now());
        return "credit/products";
    }

    @GetMapping({STAFF_BASE + "/export", BANK_BASE + "/export"})
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal PlatformUser user,
                                                 @RequestParam(required = false) String bank,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        return ExcelExport.response("积分贷产品", "积分贷产品", EXPORT_COLUMNS,
                products.all(user, isBank(user) ? null : blankToNull(bank), TableQuery.of(1, 20, sort, dir)));
    }

    @GetMapping({STAFF_BASE + "/new", BANK_BASE + "/new"})
    String newForm(@AuthenticationPrincipal PlatformUser user, Model model) {
        ProductForm form = ProductForm.blank(LocalDate.now());
        form.setBankCode(isBank(user) ? user.bankCode() : null);
        return form(user, null, form, model);
    }

    @PostMapping({STAFF_BASE, BANK_BASE})
    String create(@AuthenticationPrincipal PlatformUser user, @ModelAttribute("form") ProductForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        ProductForm.Checked checked = form.check();
        boolean knownBank = isBank(user) || products.banks(user).stream().anyMatch(b -> b.code().equals(form.getBankCode()));
        if (!knownBank) {
            reject(binding, "bankCode", "银行：请选择发布产品的银行");
        }
        checked.problems().forEach((field, message) -> reject(binding, field, message));
        Optional<Long> id = binding.hasErrors() ? Optional.empty() : products.create(user, form.getBankCode(), checked.terms());
        if (id.isEmpty()) {
            return form(user, null, form, model);
        }
        redirect.addFlashAttribute("notice", "积分贷产品「" + checked.terms().name() + "」已保存。");
        return "redirect:" + base(user);
    }

    @GetMapping({STAFF_BASE + "/{id}", BANK_BASE + "/{id}"})
    String edit(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, Model model) {
        CreditProduct product = products.get(user, id);
        return form(user, product, ProductForm.of(product.bankCode(), product.terms()), model);
    }

    @PostMapping({STAFF_BASE + "/{id}", BANK_BASE + "/{id}"})
    String update(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                  @ModelAttribute("form") ProductForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        CreditProduct product = products.get(user, id); // 404 before anything is read from the form
        ProductForm.Checked checked = form.check();
        if (!checked.ok()) {
            checked.problems().forEach((field, message) -> reject(binding, field, message));
            form.setBankCode(product.bankCode());
            return form(user, product, form, model);
        }
        products.update(user, id, checked.terms());
        redirect.addFlashAttribute("notice", "积分贷产品「" + checked.terms().name() + "」已保存。");
        return "redirect:" + base(user);
    }

    private String form(PlatformUser user, CreditProduct product, ProductForm form, Model model) {
        String base = base(user);
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("productsBase", base);
        model.addAttribute("action", product == null ? base : base + "/" + product.id());
        model.addAttribute("staffView", !isBank(user));
        model.addAttribute("banks", products.banks(user));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("tiers", TIER_CHOICES);
        model.addAttribute("qualifications", Qualification.values());
        model.addAttribute("negatives", Negative.values());
        // the bank a product belongs to is shown, never sent: an officer's own, or the stored product's
        String bankCode = product != null ? product.bankCode() : isBank(user) ? user.bankCode() : form.getBankCode();
        model.addAttribute("bankName", products.banks(user).stream()
                .filter(b -> b.code().equals(bankCode)).map(Bank::name).findFirst().orElse(null));
        return "credit/product-form";
    }

    private static Map<String, String> tierChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            choices.put(t.name(), CreditRules.tierRule(t));
        }
        return Collections.unmodifiableMap(choices);
    }

    private static void reject(BindingResult binding, String field, String message) {
        binding.addError(new FieldError("form", field, binding.getRawFieldValue(field), false, null, null, message));
    }

    private static String base(PlatformUser user) {
        return isBank(user) ? BANK_BASE : STAFF_BASE;
    }

    private static boolean isBank(PlatformUser user) {
        return user.role() == Role.BANK;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
