package cn.gov.panyu.points.platform.performance;

/**
 * The form cannot be imported: a truncated file, a column out of place, an amount that is no number. The
 * message is Chinese, for the user, and names the line; nothing of such a form is stored.
 */
public class PerformanceFormException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    PerformanceFormException(int line, String message) {
        super("第" + line + "行：" + message);
        this.line = line;
    }

    /** The 1-based line (text) or row (xlsx) the problem is on. */
    public int line() {
        return line;
    }
}
