package cn.gov.panyu.points.platform.declaration;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One enterprise's declaration of one year as its pages show it: the stated values next to what the
 * departments reported and the current merged record, its evidence and its history (newest first).
 *
 * @param id         null while the enterprise has not saved anything for the year yet
 * @param status     null while the enterprise has not saved anything for the year yet
 * @param values     field column → canonical stated value
 * @param department field column → a department's value, where one exists
 * @param merged     field column → the merged record's value ({@code enterprise_year})
 */
public record DeclarationDetail(Long id, String uscc, String enterpriseName, int year, DeclarationStatus status,
                                String reviewComment, String reviewedBy, LocalDateTime reviewedAt,
                                LocalDateTime submittedAt, LocalDateTime updatedAt, Map<String, String> values,
                                Map<String, Sourced> department, Map<String, String> merged,
                                List<Attachment> attachments, List<Event> history) {

    /** A value and the department that reported it (税务, 统计 …). */
    public record Sourced(String value, String source) {
    }

    public record Attachment(long id, String fileName, AttachmentType type, long size, String uploadedBy,
                             LocalDateTime uploadedAt) {

        /** "1.2 MB", "85 KB". */
        public String sizeText() {
            if (size >= 1024 * 1024) {
                return String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
            }
            return Math.max(1, (size + 1023) / 1024) + " KB";
        }
    }

    /** One history entry; {@code kind} names the message {@code declaration.event.<kind>}. */
    public record Event(long id, String kind, DeclarationStatus from, DeclarationStatus to, String note,
                        String actor, String actorRole, LocalDateTime at, List<Change> changes) {

        public String labelKey() {
            return "declaration.event." + kind;
        }
    }

    /** A field's value before and after an event; null = not stated. */
    public record Change(String field, String oldValue, String newValue) {
    }

    /** The enterprise may change values and attachments now. */
    public boolean editable() {
        return status == null || status.editable();
    }

    public boolean exists() {
        return id != null;
    }

    /** True when the stated value disagrees with the department's value for the field. */
    public boolean differs(String column) {
        Sourced d = department.get(column);
        return d != null && DeclarationFields.differ(values.get(column), d.value());
    }

    /** How many stated values disagree with the departments'. */
    public long differences() {
        return values.keySet().stream().filter(this::differs).count();
    }
}
