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

    DeclarationReviews(DeclarationRepository repository, AttachmentStore files, YearRecordMerge merge) {
        this.repository = repository;
        this.files = files;
        this.merge = merge;
    }

    public TablePage<DeclarationSummary> queue(Filter filter, TableQuery query) {
        return new TablePage<>(repository.queue(filter.toQuery(), query), repository.count(filter.toQuery()), query);
    }

    /** Every row the filters select, in the table's order, for "导出Excel". */
    public List<DeclarationSummary> export(Filter filter, TableQuery query) {
        return repository.queueAll(filter.toQuery(), query);
    }

    public DeclarationDetail review(long id) {
        DeclarationRepository.Row row = repository.find(id).orElseThrow(DeclarationNotFoundException::new);
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
    }

    /** Returns a submission to the enterprise for changes; the comment is required and shown to it. */
    @Transactional
    public void sendBack(long id, String comment, PlatformUser staff) {
        submitted(id);
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
    }

    public Declarations.Download attachment(long id, long attachmentId) {
        DeclarationRepository.AttachmentRow a = repository.attachment(id, attachmentId)
                .orElseThrow(DeclarationNotFoundException::new);
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
