package cn.gov.panyu.points.platform.whitepaper;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedRun;
import cn.gov.panyu.points.platform.pdf.PdfFont;

/**
 * The white papers: one per published year, generated in the background from the year's published run and
 * stored with it (table white_paper, V33), plus each year's editorial foreword.
 *
 * <p>Background work survives a killed process: the generation is a row before it starts, its worker writes a
 * heartbeat, and a RUNNING row whose heartbeat is older than {@code points.whitepaper.stale-after} is marked
 * INTERRUPTED (the platform stopped under it) and may be started again. Asking again while a generation is alive
 * starts nothing (idempotent); the row's token keeps a worker given up for dead from overwriting a newer one.
 */
@Service
public class WhitePapers {

    private static final Logger log = LoggerFactory.getLogger(WhitePapers.class);
    /** Longest foreword kept (characters): a page or two of text. */
    static final int FOREWORD_MAX = 20_000;

    private static final String COLUMNS = """
            data_year, run_id, status, progress, phase, failure, requested_by, requested_at, heartbeat_at, finished_at,
            doc_run_id, doc_at, doc_foreword_at, pdf is not null as has_pdf, pdf_problem, html is not null as has_html""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PublishedResults published;
    private final WhitePaperContents contents;
    private final WhitePaperRenderer renderer;
    private final PdfFont font;
    private final AuditLog audit;
    private final Duration staleAfter;
    private final Duration heartbeat;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "white-paper");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "white-paper-heartbeat");
        t.setDaemon(true);
        return t;
    });

    WhitePapers(JdbcClient jdbc, TransactionTemplate tx, PublishedResults published, WhitePaperContents contents,
                WhitePaperRenderer renderer, PdfFont font, AuditLog audit,
                @Value("${points.whitepaper.stale-after:30s}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.published = published;
        this.contents = contents;
        this.renderer = renderer;
        this.font = font;
        this.audit = audit;
        this.staleAfter = staleAfter;
        // several beats within the stale window: one late beat on a busy machine is no interruption
        this.heartbeat = staleAfter.dividedBy(5);
    }

    /** A published year and its white paper, if one was ever asked for. */
    public record YearPaper(int year, PublishedRun run, WhitePaper paper) {
    }

    /** Every published year, newest first, each with its white paper (or null). */
    @PreAuthorize("hasRole('STAFF')")
    public List<YearPaper> overview() {
        markInterrupted();
        List<YearPaper> years = new ArrayList<>();
        for (int y : published.years()) {
            published.run(y).ifPresent(run -> years.add(new YearPaper(y, run, read(y).orElse(null))));
        }
        return years;
    }

    /** The year's published run and white paper; 404 for a year without a published run. */
    @PreAuthorize("hasRole('STAFF')")
    public YearPaper year(int year) {
        markInterrupted();
        PublishedRun run = published.run(year).orElseThrow(() -> new WhitePaperNotFoundException(year));
        return new YearPaper(year, run, read(year).orElse(null));
    }

    /** Why the PDF cannot be made here, and that the HTML version is made all the same. */
    private String missingFont() {
        return font.missingMessage() + "白皮书的 HTML 版不受影响。";
    }

    /** Whether the PDF can be made here (a CJK font is installed), and if not, why. */
    public Optional<String> pdfProblem() {
        return font.available() ? Optional.empty() : Optional.of(missingFont());
    }

    /**
     * Starts generating the year's white paper from its published run, unless a generation is alive already
     * (then nothing new starts). Returns the year's paper as it now stands.
     */
    @PreAuthorize("hasRole('STAFF')")
    public WhitePaper generate(int year, String user) {
        markInterrupted();
        PublishedRun run = published.run(year).orElseThrow(() -> new WhitePaperNotFoundException(year));
        String token = UUID.randomUUID().toString();
        boolean started;
        try {
            started = Boolean.TRUE.equals(tx.execute(s -> claim(year, run.runId(), token, user)));
        } catch (DuplicateKeyException e) {
            // another request inserted the year's row at the same moment: that one generates
            started = false;
        }
        if (started) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
            worker.execute(() -> work(year, token, context));
        }
        return read(year).orElseThrow();
    }

    /** Claims the year's row for a new generation; false when a live one holds it. */
    private boolean claim(int year, long runId, String token, String user) {
        LocalDateTime now = LocalDateTime.now();
        Optional<String> status = jdbc.sql("select status from white_paper where data_year = ? for update").param(year)
                .query(String.class).optional();
        if (status.isPresent() && status.get().equals(WhitePaper.Status.RUNNING.name())) {
            return false; // alive: markInterrupted() above turned a dead one into INTERRUPTED
        }
        if (status.isPresent()) {
            jdbc.sql("""
                    update white_paper set run_id = ?, status = 'RUNNING', token = ?, progress = 0, phase = ?, failure = null,
                    requested_by = ?, requested_at = ?, heartbeat_at = ?, finished_at = null where data_year = ?""")
                    .params(runId, token, "等待开始", user, now, now, year).update();
        } else {
            jdbc.sql("""
                    insert into white_paper (data_year, run_id, status, token, progress, phase, requested_by, requested_at,
                    heartbeat_at) values (?, ?, 'RUNNING', ?, 0, ?, ?, ?, ?)""")
                    .params(year, runId, token, "等待开始", user, now, now).update();
        }
        audit.record(AuditAction.WHITE_PAPER, null, "生成 " + year + " 年度白皮书（评价批次 " + runId + "）");
        return true;
    }

    private void work(int year, String token, SecurityContext context) {
        SecurityContextHolder.setContext(context);
        Future<?> beating = beat.scheduleAtFixedRate(() -> jdbc.sql(
                        "update white_paper set heartbeat_at = ? where data_year = ? and token = ? and status = 'RUNNING'")
                .params(LocalDateTime.now(), year, token).update(), 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            Optional<Foreword> foreword = foreword(year);
            progress(year, token, 5, "汇总统计数据");
            WhitePaperContent content = contents.of(year, foreword.map(Foreword::body).orElse(null),
                    p -> progress(year, token, 5 + p * 55 / 100, "汇总统计数据")).orElse(null);
            if (content == null) {
                fail(year, token, "该年度已没有发布的评价结果");
                return;
            }
            progress(year, token, 60, "排版");
            String html = renderer.html(content);
            byte[] pdf = null;
            String pdfProblem = null;
            if (font.available()) {
                progress(year, token, 70, "生成 PDF");
                pdf = renderer.pdf(html);
            } else {
                pdfProblem = missingFont();
            }
            progress(year, token, 95, "保存");
            int stored = jdbc.sql("""
                            update white_paper set status = 'DONE', progress = 100, phase = null, finished_at = ?, run_id = ?,
                            doc_run_id = ?, doc_at = ?, doc_foreword_at = ?, pdf = ?, pdf_problem = ?, html = ?
                            where data_year = ? and token = ? and status = 'RUNNING'""")
                    .params(LocalDateTime.now(), content.runId(), content.runId(), content.generatedAt(),
                            foreword.map(Foreword::updatedAt).orElse(null), pdf, pdfProblem, html, year, token).update();
            log.info("白皮书：{} 年度已生成（评价批次 {}，PDF {} 字节，{} ms）{}", year, content.runId(),
                    pdf == null ? 0 : pdf.length, (System.nanoTime() - start) / 1_000_000,
                    stored == 0 ? "，但已被更新的生成取代，未保存" : "");
        } catch (Exception e) {
            log.warn("白皮书：{} 年度生成失败", year, e);
            fail(year, token, "生成失败：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            beating.cancel(false);
            SecurityContextHolder.clearContext();
        }
    }

    private void progress(int year, String token, int percent, String phase) {
        jdbc.sql("update white_paper set progress = ?, phase = ?, heartbeat_at = ? where data_year = ? and token = ? and status = 'RUNNING'")
                .params(percent, phase, LocalDateTime.now(), year, token).update();
    }

    private void fail(int year, String token, String message) {
        jdbc.sql("update white_paper set status = 'FAILED', phase = null, failure = ?, finished_at = ? where data_year = ? and token = ? and status = 'RUNNING'")
                .params(message.length() > 1000 ? message.substring(0, 1000) : message, LocalDateTime.now(), year, token)
                .update();
    }

    /** RUNNING rows whose worker stopped beating (the platform stopped or was killed under them). */
    private void markInterrupted() {
        jdbc.sql("""
                        update white_paper set status = 'INTERRUPTED', phase = null, failure = ?, finished_at = ?
                        where status = 'RUNNING' and heartbeat_at < ?""")
                .params("平台在生成过程中停止，生成已中断，可重新生成", LocalDateTime.now(), LocalDateTime.now().minus(staleAfter))
                .update();
    }

    /** The year's white paper (its state and what its documents are), without the documents. */
    @PreAuthorize("hasRole('STAFF')")
    public Optional<WhitePaper> paper(int year) {
        markInterrupted();
        return read(year);
    }

    private Optional<WhitePaper> read(int year) {
        return jdbc.sql("select " + COLUMNS + " from white_paper where data_year = ?").param(year)
                .query(WhitePapers::row).optional();
    }

    /** A stored document and what the download is called. */
    public record Document(String fileName, String contentType, byte[] content) {
    }

    /** The stored PDF of the year; 404 when there is none. The download is audited. */
    @PreAuthorize("hasRole('STAFF')")
    public Document pdf(int year) {
        byte[] pdf = jdbc.sql("select pdf from white_paper where data_year = ? and pdf is not null").param(year)
                .query((rs, n) -> rs.getBytes(1)).optional().orElseThrow(() -> new WhitePaperNotFoundException(year));
        audit.record(AuditAction.WHITE_PAPER, null, "下载 " + year + " 年度白皮书（PDF）");
        return new Document(fileName(year, "pdf"), "application/pdf", pdf);
    }

    /** The stored HTML of the year; 404 when there is none. The download is audited. */
    @PreAuthorize("hasRole('STAFF')")
    public Document html(int year) {
        String html = jdbc.sql("select html from white_paper where data_year = ? and html is not null").param(year)
                .query(String.class).optional().orElseThrow(() -> new WhitePaperNotFoundException(year));
        audit.record(AuditAction.WHITE_PAPER, null, "查看 " + year + " 年度白皮书（HTML）");
        return new Document(fileName(year, "html"), "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static String fileName(int year, String extension) {
        return "番禺区科技企业创新积分白皮书（" + year + "年度）." + extension;
    }

    /** A year's editorial foreword (Markdown) and when it was last edited. */
    public record Foreword(String body, String updatedBy, LocalDateTime updatedAt) {
    }

    @PreAuthorize("hasRole('STAFF')")
    public Optional<Foreword> foreword(int year) {
        return jdbc.sql("select body, updated_by, updated_at from white_paper_foreword where data_year = ?").param(year)
                .query((rs, n) -> new Foreword(rs.getString(1), rs.getString(2), time(rs.getTimestamp(3)))).optional();
    }

    /**
     * Saves the year's foreword (blank removes it). Stored documents keep the foreword they were made with until
     * the white paper is generated again; the page says when they differ.
     */
    @PreAuthorize("hasRole('STAFF')")
    public void saveForeword(int year, String body, String user) {
        if (!published.isPublished(year)) {
            throw new WhitePaperNotFoundException(year);
        }
        String text = body == null ? "" : body.strip();
        if (text.length() > FOREWORD_MAX) {
            throw new IllegalArgumentException("foreword too long");
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from white_paper_foreword where data_year = ?").param(year).update();
            if (!text.isEmpty()) {
                jdbc.sql("insert into white_paper_foreword (data_year, body, updated_by, updated_at) values (?, ?, ?, ?)")
                        .params(year, text, user, LocalDateTime.now()).update();
            }
            audit.record(AuditAction.WHITE_PAPER, null,
                    (text.isEmpty() ? "删除 " : "修改 ") + year + " 年度白皮书前言（" + text.length() + " 字）");
        });
    }

    private static WhitePaper row(ResultSet rs, int n) throws SQLException {
        return new WhitePaper(rs.getInt("data_year"), rs.getLong("run_id"),
                WhitePaper.Status.valueOf(rs.getString("status").trim()), rs.getInt("progress"), rs.getString("phase"),
                rs.getString("failure"), rs.getString("requested_by"), time(rs.getTimestamp("requested_at")),
                time(rs.getTimestamp("finished_at")), rs.getObject("doc_run_id", Long.class), time(rs.getTimestamp("doc_at")),
                time(rs.getTimestamp("doc_foreword_at")), rs.getBoolean("has_pdf"), rs.getString("pdf_problem"),
                rs.getBoolean("has_html"));
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        beat.shutdownNow();
    }
}
