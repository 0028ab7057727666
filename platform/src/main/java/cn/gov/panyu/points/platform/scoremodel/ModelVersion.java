package cn.gov.panyu.points.platform.scoremodel;

import java.time.LocalDateTime;

/**
 * One stored model version (a row of score_model) with how many evaluation runs used it — a used
 * version is frozen: never edited or deleted, because published results name it.
 */
public record ModelVersion(long id, String modelKey, String version, String name, ModelStatus status,
                           String definition, Long basedOn, String createdBy, LocalDateTime createdAt,
                           LocalDateTime activatedAt, int runs) {

    public boolean used() {
        return runs > 0;
    }

    /** Only a draft nobody has evaluated with may still change. */
    public boolean editable() {
        return status == ModelStatus.DRAFT && !used();
    }

    public String reference() {
        return modelKey + "@" + version;
    }
}
