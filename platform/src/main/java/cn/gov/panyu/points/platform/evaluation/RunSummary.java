package cn.gov.panyu.points.platform.evaluation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One evaluation run as the run list and the run page show it. */
public record RunSummary(long id, int year, long modelId, String modelLabel, RunStatus status, int progressDone,
                         int progressTotal, String message, String inputSha256, String engineVersion,
                         Integer enterprises, Integer eligible, LocalDate noticeEnds, String createdBy,
                         LocalDateTime createdAt, LocalDateTime startedAt, LocalDateTime finishedAt,
                         LocalDateTime noticedAt, LocalDateTime publishedAt, int openObjections) {

    /** 0–100, for the progress bar. */
    public int percent() {
        if (status.working()) {
            return progressTotal <= 0 ? 0 : (int) Math.min(99, 100L * progressDone / progressTotal);
        }
        return 100;
    }

    /** Seconds still to go at the rate so far, or -1 while unknown. */
    public long secondsLeft(LocalDateTime now) {
        if (startedAt == null || progressDone <= 0 || progressTotal <= progressDone) {
            return -1;
        }
        double elapsed = Duration.between(startedAt, now).toMillis() / 1000.0;
        return Math.round(elapsed / progressDone * (progressTotal - progressDone));
    }

    public String shortHash() {
        return inputSha256 == null ? "" : inputSha256.substring(0, 12);
    }

    /** A user can still take this run to notice, to publication, or back from notice. */
    public boolean canNotice() {
        return status == RunStatus.DRAFT;
    }

    public boolean canPublish() {
        return status == RunStatus.NOTICE;
    }

    public boolean hasResults() {
        return status == RunStatus.DRAFT || status == RunStatus.NOTICE || status == RunStatus.PUBLISHED
                || status == RunStatus.SUPERSEDED && enterprises != null;
    }
}
