package cn.gov.panyu.points.engine.input;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last one a check
 * character computed from the first 17.
 */
public final class UnifiedSocialCreditCode {

    /** The code alphabet; a character's value is its index. I, O, S, V, Z are left out (confusable). */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Weight of position i is 3^i mod 31 — given by the standard, so tabulated rather than derived. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    static final int LENGTH = 18;

    /** value + 1 of each ASCII character, 0 for characters outside the alphabet: one lookup per char. */
    private static final byte[] VALUE_PLUS_ONE = new byte[128];

    static {
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUE_PLUS_ONE[CHARSET.charAt(i)] = (byte) (i + 1);
        }
    }

    private UnifiedSocialCreditCode() {
    }

    /** {@code null} when the code is valid, else the reason in Chinese (e.g. "校验位应为 X"). */
    public static String problem(String code) {
        Problem p = check(code);
        return p == null ? null : p.zh();
    }

    public static boolean isValid(String code) {
        return check(code) == null;
    }

    /**
     * The check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 characters: " + first17);
        }
        for (int i = 0; i < first17.length(); i++) {
            if (value(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException("illegal character '" + first17.charAt(i) + "' in " + first17);
            }
        }
        return computeCheck(first17);
    }

    static Problem check(String code) {
        if (code == null || code.length() != LENGTH) {
            int n = code == null ? 0 : code.codePointCount(0, code.length());
            return new Problem("长度应为18位（实际 " + n + " 位）", "must be 18 characters long (is " + n + ")");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (value(c) < 0) {
                String hint = c >= 'a' && c <= 'z' ? "（字母应大写）" : "";
                String hintEn = c >= 'a' && c <= 'z' ? " (letters must be upper case)" : "";
                return new Problem("含非法字符 '" + c + "'" + hint,
                        "contains the illegal character '" + c + "'" + hintEn);
            }
        }
        char expected = computeCheck(code);
        if (code.charAt(LENGTH - 1) != expected) {
            return new Problem("校验位应为 " + expected, "check character should be " + expected);
        }
        return null;
    }

    /**
     * Whether {@code b[from, to)} is a valid code in ASCII — the reader's fast path, which runs a million
     * times and so avoids making a String for codes it may reject; {@link #check} then says why.
     */
    static boolean isValidAscii(byte[] b, int from, int to) {
        if (to - from != LENGTH) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int v = valueOfByte(b[from + i]);
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return b[from + LENGTH - 1] == CHARSET.charAt(check == 31 ? 0 : check);
    }

    /**
     * Half of a valid code as a number, 5 bits per character (each is one of 31): characters
     * {@code [first, first + 9)} of the 18. Two halves identify a code, so that a million codes can be
     * compared and hashed without a String each.
     */
    static long packHalf(byte[] b, int from, int first) {
        long half = 0;
        for (int i = first; i < first + LENGTH / 2; i++) {
            half = half << 5 | valueOfByte(b[from + i]);
        }
        return half;
    }

    /** The code of two {@link #packHalf} halves. */
    static String unpack(long high, long low) {
        char[] code = new char[LENGTH];
        for (int i = LENGTH / 2 - 1; i >= 0; i--) {
            code[i] = CHARSET.charAt((int) (high & 31));
            code[i + LENGTH / 2] = CHARSET.charAt((int) (low & 31));
            high >>>= 5;
            low >>>= 5;
        }
        return new String(code);
    }

    private static int valueOfByte(byte c) {
        return c >= 0 ? VALUE_PLUS_ONE[c] - 1 : -1;
    }

    private static int value(char c) {
        return c < 128 ? VALUE_PLUS_ONE[c] - 1 : -1;
    }

    /** Assumes the first 17 characters are in the alphabet. */
    private static char computeCheck(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += value(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }
}
