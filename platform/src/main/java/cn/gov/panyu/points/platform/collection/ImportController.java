package cn.gov.panyu.points.platform.collection;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 数据导入: the list of imports, upload → validation report → background load, templates, rollback. */
@Controller
class ImportController {

    private final CollectionReviews reviews;
    private final ImportJobs jobs;
    private final DepartmentImports imports;
    private final ImportAttempts attempts;

    ImportController(CollectionReviews reviews, ImportJobs jobs, DepartmentImports imports, ImportAttempts attempts) {
        this.reviews = reviews;
        this.jobs = jobs;
        this.imports = imports;
        this.attempts = attempts;
    }

    @GetMapping("/collection/imports")
    String list(@RequestParam(required = false) DataSource source, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        TableQuery q = TableQuery.of(page, size, sort, dir);
        model.addAttribute("page", reviews.imports(source, year, q));
        model.addAttribute("attempts", attempts.latest(source, year));
        model.addAttribute("base", base("/collection/imports", source, year));
        model.addAttribute("sources", DataSource.departments());
        model.addAttribute("source", source);
        model.addAttribute("year", year);
        return "collection/imports";
    }

    @GetMapping("/collection/imports/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) DataSource source,
                                                 @RequestParam(required = false) Integer year,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        List<ImportRecord> rows = reviews.allImports(source, year, TableQuery.of(1, 20, sort, dir));
        List<Column<ImportRecord>> columns = List.of(
                new Column<>("批次", r -> r.id()), new Column<>("数据来源", r -> r.source().label()),
                new Column<>("年度", r -> r.year()), new Column<>("文件名", ImportRecord::fileName),
                new Column<>("SHA-256", ImportRecord::sha256), new Column<>("总行数", r -> r.rowsTotal()),
                new Column<>("导入行数", r -> r.rowsLoaded()), new Column<>("跳过行数", r -> r.rowsRejected()),
                new Column<>("状态", ImportRecord::statusLabel), new Column<>("导入人", ImportRecord::importedBy),
                new Column<>("导入时间", ImportRecord::importedAt), new Column<>("回滚人", ImportRecord::rolledBackBy),
                new Column<>("回滚时间", ImportRecord::rolledBackAt));
        return ExcelExport.response("数据导入记录", "数据导入", columns, rows);
    }

    @GetMapping("/collection/imports/new")
    String upload(@RequestParam(required = false) String tooLarge, Model model) {
        if (tooLarge != null) {
            model.addAttribute("error", imports.tooLargeMessage());
        }
        model.addAttribute("sources", DataSource.departments());
        model.addAttribute("defaultYear", LocalDate.now().getYear() - 1);
        model.addAttribute("maxMb", imports.maxFileSizeMegabytes());
        return "collection/upload";
    }

    @GetMapping("/collection/templates/{source}")
    ResponseEntity<StreamingResponseBody> template(@PathVariable("source") String code) {
        imports.maxFileSizeMegabytes(); // staff only, before the response is committed
        // only the six departments deliver files; any other code names no template (thrown, so that the
        // servlet container shows the not-found page rather than an empty 404 or a type-conversion 400)
        DataSource source = Arrays.stream(DataSource.values()).filter(s -> s.department() && s.name().equals(code))
                .findFirst().orElseThrow(() -> new CollectionNotFoundException("template " + code));
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(DepartmentTemplates.fileName(source) + ".xlsx", StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(ExcelExport.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Export-Name", URLEncoder.encode(DepartmentTemplates.fileName(source), StandardCharsets.UTF_8))
                .body(out -> imports.writeTemplate(source, out));
    }

    @PostMapping("/collection/imports/new")
    String validate(@RequestParam(required = false) DataSource source, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal UserDetails user,
                    Model model, RedirectAttributes redirect) throws IOException {
        if (source == null || !source.department() || year == null || year < 2000 || year > 2100
                || file == null || file.isEmpty() && file.getOriginalFilename() == null) {
            redirect.addFlashAttribute("error", "请选择数据来源、年度和文件");
            return "redirect:/collection/imports/new";
        }
        ImportJobs.Job job = jobs.stage(source, year, file.getOriginalFilename(), file.getBytes(), user.getUsername());
        model.addAttribute("job", job);
        model.addAttribute("preview", job.preview());
        return "collection/report";
    }

    /**
     * The whole validation report of an upload awaiting the user's decision, one row per violation: the
     * page shows each kind of problem with its first rows, this has them all (up to a limit the page states).
     */
    @GetMapping("/collection/imports/staged/{token}/report")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String token, @AuthenticationPrincipal UserDetails user) {
        ImportJobs.Job job = jobs.find(token, user.getUsername());
        if (job == null || job.preview() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Column<ImportPreview.RowViolation>> columns = List.of(
                new Column<>("行号", ImportPreview.RowViolation::row), new Column<>("列", ImportPreview.RowViolation::column),
                new Column<>("值", ImportPreview.RowViolation::value), new Column<>("规则", ImportPreview.RowViolation::rule));
        return ExcelExport.response("校验报告-" + job.fileName(), "校验报告", columns, job.preview().violations());
    }

    @PostMapping("/collection/imports/staged/{token}")
    String decide(@PathVariable String token, @RequestParam String action, @AuthenticationPrincipal UserDetails user,
                  RedirectAttributes redirect) {
        if ("cancel".equals(action)) {
            jobs.cancel(token, user.getUsername());
            redirect.addFlashAttribute("notice", "已取消，本次上传的文件未导入任何数据");
            return "redirect:/collection/imports";
        }
        jobs.start(token, "valid".equals(action), user.getUsername());
        return "redirect:/collection/imports/jobs/" + token;
    }

    /**
     * The job's progress while this process runs it; afterwards (a restart, a crash, an evicted job) its
     * recorded 导入任务 with the outcome, and a retry when there is one to offer.
     */
    @GetMapping("/collection/imports/jobs/{token}")
    String job(@PathVariable String token, @AuthenticationPrincipal UserDetails user, Model model) {
        jobOrAttempt(token, user, model);
        return "collection/job";
    }

    @GetMapping("/collection/imports/jobs/{token}/status")
    String jobStatus(@PathVariable String token, @AuthenticationPrincipal UserDetails user, Model model) {
        jobOrAttempt(token, user, model);
        return "collection/job :: status";
    }

    /**
     * A started job is recorded as an attempt before it runs, so once its in-memory job is gone the
     * attempt still answers for it; a token that is neither was never a job.
     */
    private void jobOrAttempt(String token, UserDetails user, Model model) {
        ImportJobs.Job job = jobs.find(token, user.getUsername());
        ImportAttempts.Attempt attempt = job == null ? attempts.findByToken(token) : null;
        if (job == null && attempt == null) {
            throw new CollectionNotFoundException("import job " + token);
        }
        model.addAttribute("job", job);
        model.addAttribute("attempt", attempt);
    }

    @PostMapping("/collection/imports/attempts/{id}/retry")
    String retry(@PathVariable long id, @AuthenticationPrincipal UserDetails user) {
        return "redirect:/collection/imports/jobs/" + jobs.retry(id, user.getUsername()).token();
    }

    @GetMapping("/collection/imports/{id}/rollback")
    String confirmRollback(@PathVariable long id, Model model) {
        model.addAttribute("imp", imports.find(id));
        return "collection/rollback";
    }

    @PostMapping("/collection/imports/{id}/rollback")
    String rollback(@PathVariable long id, @AuthenticationPrincipal UserDetails user, RedirectAttributes redirect) {
        ImportRecord imp = imports.find(id);
        imports.rollback(id, user.getUsername());
        redirect.addFlashAttribute("notice", "已回滚导入批次 #" + id + "（" + imp.fileName() + "，" + imp.rowsLoaded()
                + " 行），数据已恢复到导入前的状态");
        return "redirect:/collection/imports";
    }

    @ExceptionHandler(ImportRefusedException.class)
    String refused(ImportRefusedException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.getMessage());
        return "redirect:/collection/imports";
    }

    static String base(String path, DataSource source, Integer year) {
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        if (source != null) {
            sb.append(sep).append("source=").append(source.name());
            sep = '&';
        }
        if (year != null) {
            sb.append(sep).append("year=").append(year);
        }
        return sb.toString();
    }
}
