package cn.gov.panyu.points.engine.input;

/**
 * 国民经济行业分类 (GB/T 4754-2017) at division level: a section letter A–T followed by the two-digit
 * division, which must lie in that section's range (so {@code C36} is valid, {@code A36} is not).
 */
public final class IndustryCode {

    /** First and last division of sections A..T, in letter order (the standard's table). */
    private static final int[][] DIVISIONS = {
            {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
            {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97},
    };

    private IndustryCode() {
    }

    /** {@code null} when the code is valid, else the reason in Chinese. */
    public static String problem(String code) {
        Problem p = check(code);
        return p == null ? null : p.zh();
    }

    public static boolean isValid(String code) {
        return check(code) == null;
    }

    static Problem check(String code) {
        if (code == null || code.length() != 3 || !isDigit(code.charAt(1)) || !isDigit(code.charAt(2))) {
            return new Problem("应为门类字母加2位大类代码，如 C36", "must be a section letter and a 2-digit division, e.g. C36");
        }
        char section = code.charAt(0);
        if (section < 'A' || section > 'T') {
            return new Problem("门类字母应为 A–T（大写）", "section letter must be A–T (upper case)");
        }
        int division = (code.charAt(1) - '0') * 10 + (code.charAt(2) - '0');
        int[] range = DIVISIONS[section - 'A'];
        if (division < range[0] || division > range[1]) {
            String allowed = range[0] == range[1]
                    ? two(range[0])
                    : two(range[0]) + "–" + two(range[1]);
            return new Problem("门类 " + section + " 的大类代码应为 " + allowed,
                    "divisions of section " + section + " are " + allowed);
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
