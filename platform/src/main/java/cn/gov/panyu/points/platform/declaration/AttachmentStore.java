package cn.gov.panyu.points.platform.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Evidence files on disk, under {@code ${points.data-dir}/attachments/} with random names: the user's
 * file name never becomes part of a path. A file is streamed to a temporary file while its size is
 * counted and its SHA-256 computed, checked, and only then moved to its final name.
 */
@Component
@EnableConfigurationProperties(DeclarationProperties.class)
class AttachmentStore {

    /** A checked and stored file. */
    record Stored(String storedName, AttachmentType type, long size, String sha256) {
    }

    private final Path root;
    private final DeclarationProperties properties;

    AttachmentStore(@Value("${points.data-dir}") String dataDir, DeclarationProperties properties) {
        this.root = Path.of(dataDir, "attachments").toAbsolutePath().normalize();
        this.properties = properties;
    }

    /**
     * Checks and stores an upload.
     *
     * @throws DeclarationException when the type is not allowed, the content is not what the extension
     *                              says, or the file is empty or too large
     */
    Stored store(String fileName, InputStream content) {
        AttachmentType type = AttachmentType.forFileName(fileName)
                .orElseThrow(() -> new DeclarationException("attachmentType"));
        long max = properties.attachmentMaxSize().toBytes();
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempFile(root, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = content;
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = copyAtMost(in, out, max + 1);
            }
            if (size == 0) {
                throw new DeclarationException("attachmentEmpty");
            }
            if (size > max) {
                throw new DeclarationException("attachmentTooLarge", properties.attachmentMaxSizeText());
            }
            if (!type.matches(temp)) {
                throw new DeclarationException("attachmentContent", type.name());
            }
            String storedName = UUID.randomUUID() + "." + type.extension();
            Files.move(temp, root.resolve(storedName), StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            return new Stored(storedName, type, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless and carries no name the user chose
                }
            }
        }
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    Resource open(String storedName) {
        return new FileSystemResource(file(storedName));
    }

    void delete(String storedName) {
        try {
            Files.deleteIfExists(file(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored names come from our own table, but are resolved defensively all the same. */
    private Path file(String storedName) {
        Path file = root.resolve(storedName).normalize();
        if (!file.getParent().equals(root)) {
            throw new IllegalArgumentException("attachment outside the attachment folder");
        }
        return file;
    }
}
