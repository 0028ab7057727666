package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.input.Violation;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** What the commands that read an input file and write a result share: the refusal report and the atomic write. */
final class CliFiles {

    /** Violations printed in full; the rest are counted. */
    private static final int PRINT_LIMIT = 1000;

    private CliFiles() {
    }

    /** The body of a result file, written to a stream. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file next to the target and moves it in place: never a half-written result. */
    static void writeAtomically(Path out, Body body) throws IOException {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".points-", ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                body.writeTo(os);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Every problem of a refused input, by row and column, in Chinese and English. */
    static void report(List<Violation> violations, int rows, PrintWriter err) {
        err.printf(Locale.ROOT, "输入文件有 %,d 处错误，未生成任何结果 (input rejected: %,d problem(s), no output written; %,d data rows)%n",
                violations.size(), violations.size(), rows);
        violations.stream().limit(PRINT_LIMIT).forEach(v -> {
            err.println("  " + v.toChinese());
            err.println("    " + v.toEnglish());
        });
        if (violations.size() > PRINT_LIMIT) {
            err.printf(Locale.ROOT, "  …… 另有 %,d 处错误未列出 (%,d more not shown)%n",
                    violations.size() - PRINT_LIMIT, violations.size() - PRINT_LIMIT);
        }
    }
}
