package cn.gov.panyu.points.platform.audit;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 操作日志: search and export of the audit trail (staff and administrators). */
@Controller
class AuditController {

    private final AuditSearch search;
    private final MessageSource messages;

    AuditController(AuditSearch search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    @GetMapping("/audit")
    String list(AuditFilter filter, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", search.page(filter, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("filter", filter);
        model.addAttribute("base", filter.listUrl("/audit"));
        model.addAttribute("actions", AuditAction.values());
        return "audit/list";
    }

    @GetMapping("/audit/export")
    ResponseEntity<StreamingResponseBody> export(AuditFilter filter, @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir, Locale locale) {
        List<Column<AuditEntry>> columns = List.of(
                new Column<>("时间", AuditEntry::occurredAt),
                new Column<>("用户", AuditEntry::username),
                new Column<>("角色", AuditEntry::roleLabel),
                new Column<>("操作", e -> messages.getMessage("audit.action." + e.action().name(), null, locale)),
                new Column<>("统一社会信用代码", AuditEntry::targetUscc),
                new Column<>("企业名称", AuditEntry::enterpriseName),
                new Column<>("详情", AuditEntry::detail),
                new Column<>("IP 地址", AuditEntry::clientIp));
        return ExcelExport.response("操作日志", "操作日志", columns, search.export(filter, TableQuery.of(1, 20, sort, dir)));
    }
}
