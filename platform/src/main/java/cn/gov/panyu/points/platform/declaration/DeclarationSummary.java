package cn.gov.panyu.points.platform.declaration;

import java.time.LocalDateTime;

/** A declaration as a list row: the enterprise's own year list and the staff review queue. */
public record DeclarationSummary(long id, String uscc, String enterpriseName, int year, DeclarationStatus status,
                                 LocalDateTime updatedAt, LocalDateTime submittedAt, String reviewedBy,
                                 LocalDateTime reviewedAt, int attachments) {
}
