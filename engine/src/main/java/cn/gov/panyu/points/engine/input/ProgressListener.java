package cn.gov.panyu.points.engine.input;

/**
 * Told how far reading has got, so that a UI can show a bar for a large file. Called from the thread
 * that called the reader, a few hundred times per file at most.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  units processed so far (bytes for CSV, rows for XLSX)
     * @param total units in all, or -1 when not known in advance
     */
    void progress(long done, long total);
}
