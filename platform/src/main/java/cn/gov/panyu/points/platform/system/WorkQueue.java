package cn.gov.panyu.points.platform.system;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.platform.account.Registrations;
import cn.gov.panyu.points.platform.collection.CollectionReviews;
import cn.gov.panyu.points.platform.declaration.DeclarationReviews;
import cn.gov.panyu.points.platform.evaluation.EvaluationRuns;
import cn.gov.panyu.points.platform.evaluation.Objections;
import cn.gov.panyu.points.platform.quality.QualityReviews;

/**
 * What waits for a person at the bureau, for the staff's home page. Every figure comes from the feature
 * that owns the work (its own count method), never from its tables: the home page follows each feature's
 * rules of what "open" means.
 */
@Service
class WorkQueue {

    private final DeclarationReviews declarations;
    private final CollectionReviews collection;
    private final EvaluationRuns runs;
    private final Objections objections;
    private final Registrations registrations;
    private final QualityReviews quality;

    WorkQueue(DeclarationReviews declarations, CollectionReviews collection, EvaluationRuns runs,
              Objections objections, Registrations registrations, QualityReviews quality) {
        this.declarations = declarations;
        this.collection = collection;
        this.runs = runs;
        this.objections = objections;
        this.registrations = registrations;
        this.quality = quality;
    }

    @PreAuthorize("hasRole('STAFF')")
    Work current(LocalDate today) {
        List<Notice> notices = runs.onNotice().stream()
                .map(run -> new Notice(run.id(), run.year(), run.noticeEnds(),
                        run.noticeEnds() == null ? null : ChronoUnit.DAYS.between(today, run.noticeEnds())))
                .toList();
        return new Work(declarations.submittedCount(), collection.openConflictCount(), collection.anomalyCount(),
                notices, objections.openCount(), registrations.pendingCount(), quality.openCount());
    }

    /**
     * The staff's open work, each figure a link on the home page. {@code anomalies} counts the merge's notes,
     * which need no decision; {@code qualityFlags} the data-quality flags that wait for one.
     */
    record Work(long submittedDeclarations, long openConflicts, long anomalies, List<Notice> notices,
                long openObjections, long pendingRegistrations, long qualityFlags) {
    }

    /**
     * A run on public notice; {@code daysLeft} is 0 on its last day and null when the notice has no end date.
     */
    record Notice(long runId, int year, LocalDate ends, Long daysLeft) {
    }
}
