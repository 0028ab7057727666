package cn.gov.panyu.points.platform.credit;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.consent.Bank;
import cn.gov.panyu.points.platform.consent.Banks;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 合作银行: staff add the partner banks that publish 积分贷 products and correct their names. */
@Controller
class PartnerBankController {

    private static final String BASE = "/credit/banks";
    private static final List<Column<Bank>> EXPORT_COLUMNS = List.of(
            new Column<>("银行代码", Bank::code), new Column<>("银行名称", Bank::name));

    private final Banks banks;

    PartnerBankController(Banks banks) {
        this.banks = banks;
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        return page(TableQuery.of(page, size, sort, dir), "", "", Map.of(), model);
    }

    @GetMapping(BASE + "/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        return ExcelExport.response("合作银行", "合作银行", EXPORT_COLUMNS, banks.export(TableQuery.of(1, 20, sort, dir)));
    }

    @PostMapping(BASE)
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> problems = banks.create(code, name);
        if (!problems.isEmpty()) {
            return page(TableQuery.of(null, null, null, null), code, name, problems, model);
        }
        redirect.addFlashAttribute("notice", "已新增合作银行「" + name.strip() + "」。");
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/{code}")
    String rename(@PathVariable String code, @RequestParam(required = false) String name, RedirectAttributes redirect) {
        Map<String, String> problems = banks.rename(code, name);
        redirect.addFlashAttribute(problems.isEmpty() ? "notice" : "failure",
                problems.isEmpty() ? "已更新银行名称「" + name.strip() + "」。" : problems.get("name"));
        return "redirect:" + BASE;
    }

    private String page(TableQuery query, String code, String name, Map<String, String> problems, Model model) {
        model.addAttribute("page", banks.page(query));
        model.addAttribute("base", BASE);
        model.addAttribute("newCode", code);
        model.addAttribute("newName", name);
        model.addAttribute("problems", problems);
        return "credit/banks";
    }
}
