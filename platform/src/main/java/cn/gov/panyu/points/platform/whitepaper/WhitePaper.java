package cn.gov.panyu.points.platform.whitepaper;

import java.time.LocalDateTime;

/**
 * A year's white paper as its page shows it: the state of the last generation, and the documents of the last
 * one that finished (kept while a regeneration runs).
 *
 * @param runId         the run the last generation was asked for (the year's published run then)
 * @param documentRunId the run the stored documents were made from; null before any finished
 * @param forewordAt    the version (time of edit) of the foreword the documents show; null if they show none
 * @param pdfProblem    why the documents have no PDF (no CJK font), in Chinese; null when there is one
 */
public record WhitePaper(int year, long runId, Status status, int progress, String phase, String failure,
                         String requestedBy, LocalDateTime requestedAt, LocalDateTime finishedAt, Long documentRunId,
                         LocalDateTime documentsAt, LocalDateTime forewordAt, boolean hasPdf, String pdfProblem,
                         boolean hasHtml) {

    public enum Status {
        RUNNING("正在生成"),
        DONE("已生成"),
        FAILED("生成失败"),
        /** the platform stopped during the generation (its heartbeat stopped) */
        INTERRUPTED("生成中断");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public boolean hasDocuments() {
        return hasHtml;
    }
}
