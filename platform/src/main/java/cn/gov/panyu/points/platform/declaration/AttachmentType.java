package cn.gov.panyu.points.platform.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The evidence formats an enterprise may attach. A file is accepted only when its extension names a
 * format and its content starts with that format's magic bytes, so that a renamed executable or HTML
 * page cannot pass as a PDF and later be served to staff.
 */
public enum AttachmentType {
    PDF("application/pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
            new byte[] {'P', 'K', 0x03, 0x04});

    private final String mediaType;
    private final List<String> extensions;
    private final byte[] magic;

    AttachmentType(String mediaType, List<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extensions.get(0);
    }

    /** The format a file name's extension names, if it is one of ours. */
    static Optional<AttachmentType> forFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(ext)).findFirst();
    }

    /**
     * True when the file's content is this format: the magic bytes, and for XLSX (a ZIP) a workbook
     * inside — read from the ZIP's central directory only, so a ZIP bomb is never inflated.
     */
    boolean matches(Path file) throws IOException {
        byte[] head = new byte[magic.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) != head.length || !Arrays.equals(head, magic)) {
                return false;
            }
        }
        if (this != XLSX) {
            return true;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            return types != null && zip.stream().anyMatch(e -> e.getName().startsWith("xl/"));
        } catch (IOException e) {
            return false;
        }
    }
}
