package cn.gov.panyu.points.platform.enterprise;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.platform.collection.DataSource;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.FieldRow;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 企业名录 and 企业详情 pages of the staff workspace. */
@Controller
class EnterpriseController {

    static final List<Column<EnterpriseRow>> EXPORT_COLUMNS = List.of(
            new Column<>("统一社会信用代码", EnterpriseRow::uscc),
            new Column<>("企业名称", EnterpriseRow::name),
            new Column<>("所属镇街", EnterpriseRow::town),
            new Column<>("行业", r -> IndustryCode.display(r.industry())),
            new Column<>("成立日期", EnterpriseRow::established),
            new Column<>("发展阶段", r -> r.stage() == null ? null : r.stage().label()),
            new Column<>("创新积分", EnterpriseRow::total),
            new Column<>("阶段内排名", EnterpriseRow::rank),
            new Column<>("榜单", r -> r.tier() == null ? null : r.tier().label()),
            new Column<>("资质", EnterpriseRow::qualificationLabels));

    private final EnterpriseDirectory directory;
    private final EnterpriseProfiles profiles;

    EnterpriseController(EnterpriseDirectory directory, EnterpriseProfiles profiles) {
        this.directory = directory;
        this.profiles = profiles;
    }

    @GetMapping("/enterprises")
    String list(EnterpriseFilter filter, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Model model) {
        EnterpriseListing listing = directory.page(filter, TableQuery.of(page, size, sort, dir));
        model.addAttribute("listing", listing);
        model.addAttribute("page", listing.page());
        model.addAttribute("filter", listing.filter());
        model.addAttribute("base", listing.filter().listUrl("/enterprises"));
        model.addAttribute("options", directory.options());
        return "enterprise/list";
    }

    @GetMapping("/enterprises/export")
    ResponseEntity<StreamingResponseBody> export(EnterpriseFilter filter, @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        List<EnterpriseRow> rows = directory.export(filter, TableQuery.of(1, 20, sort, dir));
        return ExcelExport.response("企业名录", "企业名录", EXPORT_COLUMNS, rows);
    }

    @GetMapping("/enterprises/{uscc}")
    String detail(@PathVariable String uscc, @RequestParam(required = false) Integer year, Model model) {
        EnterpriseProfile profile = profiles.view(uscc, year)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("profile", profile);
        return "enterprise/detail";
    }

    /** The year's data by source (the detail page's table) as a workbook. */
    @GetMapping("/enterprises/{uscc}/export")
    ResponseEntity<StreamingResponseBody> exportYear(@PathVariable String uscc, @RequestParam(required = false) Integer year) {
        EnterpriseProfile profile = profiles.export(uscc, year)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<DataSource> sources = profile.data().sources();
        List<Column<FieldRow>> columns = new ArrayList<>();
        columns.add(new Column<>("数据项", FieldRow::label));
        columns.add(new Column<>("单位", FieldRow::unit));
        for (int i = 0; i < sources.size(); i++) {
            int index = i;
            columns.add(new Column<>(sources.get(i).label(), r -> r.cells().get(index).text()));
        }
        columns.add(new Column<>("合并值", FieldRow::merged));
        columns.add(new Column<>("数据冲突", FieldRow::conflictNote));
        String name = profile.registry().name() + "-" + (profile.year() == null ? "" : profile.year() + "年") + "数据";
        return ExcelExport.response(name, "按来源", columns, profile.data().rows());
    }
}
