package cn.gov.panyu.points.platform.credit;

import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import cn.gov.panyu.points.platform.consent.Banks;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;

/** 信贷统计 for staff: the totals of {@link CreditTotals} per bank, year, stage and tier, and their export. */
@Controller
class TotalsController {

    static final List<Column<CreditTotal>> COLUMNS = List.of(
            new Column<>("银行", CreditTotal::bankName),
            new Column<>("年度", CreditTotal::year),
            new Column<>("发展阶段", t -> t.stage() == null ? "未评价" : t.stage().label()),
            new Column<>("榜单", t -> t.tier() == null ? "未上榜" : t.tier().label()),
            new Column<>("申请笔数", CreditTotal::applications),
            new Column<>("获批笔数", CreditTotal::approvals),
            new Column<>("拒绝笔数", CreditTotal::rejections),
            new Column<>("放款笔数", CreditTotal::loans),
            new Column<>("放款金额（万元）", CreditTotal::loanAmount),
            new Column<>("平均年利率（%）", CreditTotal::averageRate),
            new Column<>("平均审批用时（天）", CreditTotal::averageDaysToDecision));

    private final CreditTotals totals;
    private final Banks banks;

    TotalsController(CreditTotals totals, Banks banks) {
        this.totals = totals;
        this.banks = banks;
    }

    @GetMapping("/credit/totals")
    String totals(@RequestParam(required = false) Integer year, @RequestParam(required = false) String bank, Model model) {
        CreditTotals.Filter filter = new CreditTotals.Filter(year, bank);
        List<CreditTotal> rows = totals.totals(filter);
        model.addAttribute("rows", rows);
        model.addAttribute("sum", CreditTotals.sum(rows));
        model.addAttribute("years", totals.years());
        model.addAttribute("banks", banks.all());
        model.addAttribute("filter", filter);
        model.addAttribute("base", UriComponentsBuilder.fromPath("/credit/totals")
                .queryParamIfPresent("year", Optional.ofNullable(year))
                .queryParamIfPresent("bank", Optional.ofNullable(bank).filter(b -> !b.isBlank()))
                .build().toUriString());
        return "credit/totals";
    }

    @GetMapping("/credit/totals/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Integer year,
                                                 @RequestParam(required = false) String bank) {
        return ExcelExport.response("科技信贷统计", "信贷统计", COLUMNS, totals.totals(new CreditTotals.Filter(year, bank)));
    }
}
