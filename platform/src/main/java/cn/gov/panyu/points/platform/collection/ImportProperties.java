package cn.gov.panyu.points.platform.collection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code points.import.*}: the largest department file accepted ({@code max-file-size}, default 50MB; the
 * servlet's multipart limits follow it in application.yaml so that a larger upload is refused while it
 * streams in, with the same Chinese message).
 */
@ConfigurationProperties("points.import")
public record ImportProperties(DataSize maxFileSize) {

    public ImportProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
    }

    /** "文件大小超过上限 50 MB" — the one message for a too-large file, wherever it is noticed. */
    String tooLargeMessage() {
        return "文件过大：上限为 " + maxFileSize.toMegabytes() + " MB，请拆分成几个文件后分别导入";
    }
}
