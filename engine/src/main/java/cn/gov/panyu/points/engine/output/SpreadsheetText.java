package cn.gov.panyu.points.engine.output;

/**
 * Neutralises spreadsheet formula injection: a cell that starts with {@code = + - @} (or a tab or
 * carriage return) would be run as a formula by Excel or WPS when the file is opened. A leading
 * apostrophe makes it plain text, the OWASP-recommended defence.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return startsFormula(text.charAt(0)) ? "'" + text : text;
    }

    /** Whether a cell whose first character is {@code c} would be read as a formula. */
    static boolean startsFormula(int c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
