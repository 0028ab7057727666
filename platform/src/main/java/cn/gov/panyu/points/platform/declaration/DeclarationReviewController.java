package cn.gov.panyu.points.platform.declaration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.TableQuery;

/** The staff's pages: the review queue (with export), one submission, approve and return. */
@Controller
@RequestMapping("/declarations/review")
class DeclarationReviewController {

    /**
     * The queue's filters as the URL carries them; status "ALL" shows every status, no status shows
     * the submissions waiting for review.
     */
    record QueueForm(String status, Integer year, String q, Integer page, Integer size, String sort, String dir) {

        DeclarationReviews.Filter filter() {
            DeclarationStatus s = null;
            if (status == null || status.isBlank()) {
                s = DeclarationStatus.SUBMITTED;
            } else if (!"ALL".equals(status)) {
                s = java.util.Arrays.stream(DeclarationStatus.values()).filter(v -> v.name().equals(status))
                        .findFirst().orElse(DeclarationStatus.SUBMITTED);
            }
            return new DeclarationReviews.Filter(s, year, q);
        }

        TableQuery query() {
            return TableQuery.of(page, size, sort, dir);
        }

        /** The list URL with these filters, for the table kit's sort, pager and export links. */
        String base() {
            DeclarationReviews.Filter f = filter();
            StringBuilder b = new StringBuilder("/declarations/review?status=")
                    .append(f.status() == null ? "ALL" : f.status().name());
            if (year != null) {
                b.append("&year=").append(year);
            }
            if (q != null && !q.isBlank()) {
                b.append("&q=").append(URLEncoder.encode(q.strip(), StandardCharsets.UTF_8));
            }
            return b.toString();
        }
    }

    private final DeclarationReviews reviews;
    private final MessageSource messages;

    DeclarationReviewController(DeclarationReviews reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    @GetMapping
    String queue(QueueForm form, Model model) {
        model.addAttribute("page", reviews.queue(form.filter(), form.query()));
        model.addAttribute("filter", form.filter());
        model.addAttribute("base", form.base());
        model.addAttribute("keyword", form.q());
        return "declaration/queue";
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(QueueForm form) {
        List<ExcelExport.Column<DeclarationSummary>> columns = List.of(
                new ExcelExport.Column<>("统一社会信用代码", DeclarationSummary::uscc),
                new ExcelExport.Column<>("企业名称", DeclarationSummary::enterpriseName),
                new ExcelExport.Column<>("年度", DeclarationSummary::year),
                new ExcelExport.Column<>("状态", s -> label(s.status())),
                new ExcelExport.Column<>("提交时间", DeclarationSummary::submittedAt),
                new ExcelExport.Column<>("最后更新", DeclarationSummary::updatedAt),
                new ExcelExport.Column<>("附件数", DeclarationSummary::attachments),
                new ExcelExport.Column<>("审核人", DeclarationSummary::reviewedBy),
                new ExcelExport.Column<>("审核时间", DeclarationSummary::reviewedAt));
        return ExcelExport.response("企业填报审核", "企业填报", columns,
                reviews.export(form.filter(), form.query()));
    }

    private String label(DeclarationStatus status) {
        return messages.getMessage(status.labelKey(), null, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{id}")
    String review(@PathVariable long id, Model model) {
        model.addAttribute("detail", reviews.review(id));
        return "declaration/review";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment,
                   @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        try {
            reviews.approve(id, comment, user);
            redirect.addFlashAttribute("notice", "declaration.notice.approved");
        } catch (DeclarationException e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/declarations/review/" + id;
    }

    @PostMapping("/{id}/return")
    String sendBack(@PathVariable long id, @RequestParam(required = false) String comment,
                    @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        try {
            reviews.sendBack(id, comment, user);
            redirect.addFlashAttribute("notice", "declaration.notice.returned");
        } catch (DeclarationException e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e, LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("comment", comment);
        }
        return "redirect:/declarations/review/" + id;
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId) {
        return DeclarationController.file(reviews.attachment(id, attachmentId));
    }
}
