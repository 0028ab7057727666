package cn.gov.panyu.points.platform.declaration;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.collection.YearRecordMerge;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * The staff's side of 企业填报: the queue of submissions, the review page, approve (the declared values
 * become the enterprise's SELF source and the year's merged record is rebuilt, department data keeping
 * precedence) or return with a comment.
 */
@Service
@PreAuthorize("hasRole('STAFF')")
public class DeclarationReviews {

    /** Longest review comment (the column's size). */
    static final int COMMENT_MAX = 1000;

    /**
     * Queue filters.
     *
     * @param status  null = every status
     * @param year    null = every year
     * @param keyword part of the enterprise's name or the start of its USCC
     */
    public record Filter(DeclarationStatus status, Integer year, String keyword) {
        DeclarationRepository.QueueFilter toQuery() {
            return new DeclarationRepository.QueueFilter(status, year, keyword);
        }
    }

    private final DeclarationRepository repository;
    private final AttachmentStore files;
    private final YearRecordMerge merge;
    private final AuditLog audit;

    DeclarationReviews(DeclarationRepository repository, AttachmentStore files, YearRecordMerge merge, AuditLog audit) {
        this.repository = repository;
        this.files = files;
        this.merge = merge;
        this.audit = audit;
    }

    public TablePage<DeclarationSummary> queue(Filter filter, TableQuery query) {
        return new TablePage<>(repository.queue(filter.toQuery(), query), repository.count(filter.toQuery()), query);
    }

    /** Submissions waiting for a reviewer, for the staff's work queue. */
    public long submittedCount() {
        return repository.count(new Filter(DeclarationStatus.SUBMITTED, null, null).toQuery());
    }

    /** Every row the filters select, in the table's order, for "导出Excel". */
    public List<DeclarationSummary> export(Filter filter, TableQuery query) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出企业填报审核列表"
                + (filter.year() == null ? "" : " " + filter.year() + " 年") + (filter.status() == null ? "" : "（" + filter.status() + "）"));
        return repository.queueAll(filter.toQuery(), query);
    }

    public DeclarationDetail review(long id) {
        DeclarationRepository.Row row = repository.find(id).orElseThrow(DeclarationNotFoundException::new);
        audit.record(AuditAction.VIEW_ENTERPRISE, row.uscc(), "查看 " + row.year() + " 年度企业填报（#" + id + "）");
        return repository.detail(row, repository.enterpriseName(row.uscc()).orElse(row.uscc()));
    }

    /** Approves a submission: its values become the SELF source of the year and the merge runs. */
    @Transactional
    public void approve(long id, String comment, PlatformUser staff) {
        DeclarationRepository.Row row = submitted(id);
        String note = comment == null || comment.isBlank() ? null : checkedComment(comment);
        LocalDateTime now = LocalDateTime.now();
        if (!repository.review(id, DeclarationStatus.APPROVED, note, staff.username(), now)) {
            throw new DeclarationException("notSubmitted");
        }
        repository.event(id, "APPROVED", DeclarationStatus.SUBMITTED, DeclarationStatus.APPROVED, note,
                staff.username(), staff.role().name(), now, List.of());
        repository.writeSelfRecord(row.uscc(), row.year(), repository.values(id));
        merge.rebuild(row.uscc(), row.year());
        audit.record(AuditAction.DECLARATION_CHANGE, row.uscc(), "审核通过 " + row.year() + " 年度企业填报（#" + id + "）");
    }

    /** Returns a submission to the enterprise for changes; the comment is required and shown to it. */
    @Transactional
    public void sendBack(long id, String comment, PlatformUser staff) {
        DeclarationRepository.Row row = submitted(id);
        if (comment == null || comment.isBlank()) {
            throw new DeclarationException("commentRequired");
        }
        String note = checkedComment(comment);
        LocalDateTime now = LocalDateTime.now();
        if (!repository.review(id, DeclarationStatus.RETURNED, note, staff.username(), now)) {
            throw new DeclarationException("notSubmitted");
        }
        repository.event(id, "RETURNED", DeclarationStatus.SUBMITTED, DeclarationStatus.RETURNED, note,
                staff.username(), staff.role().name(), now, List.of());
        audit.record(AuditAction.DECLARATION_CHANGE, row.uscc(), "退回 " + row.year() + " 年度企业填报（#" + id + "）：" + note);
    }

    public Declarations.Download attachment(long id, long attachmentId) {
        DeclarationRepository.AttachmentRow a = repository.attachment(id, attachmentId)
                .orElseThrow(DeclarationNotFoundException::new);
        repository.find(id).ifPresent(row -> audit.record(AuditAction.VIEW_ENTERPRISE, row.uscc(),
                "下载企业填报证明材料《" + a.attachment().fileName() + "》（填报 #" + id + "）"));
        return Declarations.download(a, files);
    }

    private DeclarationRepository.Row submitted(long id) {
        DeclarationRepository.Row row = repository.find(id).orElseThrow(DeclarationNotFoundException::new);
        if (row.status() != DeclarationStatus.SUBMITTED) {
            throw new DeclarationException("notSubmitted");
        }
        return row;
    }

    private static String checkedComment(String comment) {
        String c = comment.strip();
        if (c.length() > COMMENT_MAX) {
            throw new DeclarationException("commentTooLong", COMMENT_MAX);
        }
        return c;
    }
}
