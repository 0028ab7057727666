package cn.gov.panyu.points.platform.declaration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code points.declaration.*}: limits of the self-declaration.
 *
 * @param attachmentMaxSize the largest evidence file accepted (default 10 MB); the servlet's multipart
 *                          limit must be at least this large
 * @param maxAttachments    how many evidence files one declaration may hold
 * @param yearsOpen         how many past years an enterprise may declare, counting back from last year
 */
@ConfigurationProperties("points.declaration")
public record DeclarationProperties(DataSize attachmentMaxSize, Integer maxAttachments, Integer yearsOpen) {

    public DeclarationProperties {
        attachmentMaxSize = attachmentMaxSize == null ? DataSize.ofMegabytes(10) : attachmentMaxSize;
        maxAttachments = maxAttachments == null ? 20 : maxAttachments;
        yearsOpen = yearsOpen == null ? 3 : yearsOpen;
    }

    /** "10 MB" for messages. */
    public String attachmentMaxSizeText() {
        long bytes = attachmentMaxSize.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }
}
