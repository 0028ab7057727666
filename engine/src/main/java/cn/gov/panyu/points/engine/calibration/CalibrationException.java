package cn.gov.panyu.points.engine.calibration;

/**
 * Input a calibration method cannot use, located where possible so that a page or the command line can point
 * at the cell: {@code row} and {@code column} are 0-based positions in the method's input (−1 when the problem
 * is not in one row or column); {@code columnName} names the criterion when the input has names.
 */
public final class CalibrationException extends IllegalArgumentException {

    private final int row;
    private final int column;
    private final String columnName;
    private final String messageZh;
    private final String messageEn;

    public CalibrationException(int row, int column, String columnName, String messageZh, String messageEn) {
        super(messageEn);
        this.row = row;
        this.column = column;
        this.columnName = columnName;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** A problem of the input as a whole. */
    public CalibrationException(String messageZh, String messageEn) {
        this(-1, -1, null, messageZh, messageEn);
    }

    /** 0-based row of the input, or −1. */
    public int row() {
        return row;
    }

    /** 0-based column of the input, or −1. */
    public int column() {
        return column;
    }

    /** The criterion's name, or null when the input has no names (an AHP matrix) or no column is concerned. */
    public String columnName() {
        return columnName;
    }

    /** What is wrong, in Chinese, without the location (callers say the location in their own terms). */
    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
