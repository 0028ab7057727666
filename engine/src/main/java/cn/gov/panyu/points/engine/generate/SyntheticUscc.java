package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;

import java.nio.charset.StandardCharsets;

/**
 * Numbers the synthetic enterprises: row index → a valid 统一社会信用代码 (GB 32100-2015), distinct for
 * distinct indices.
 *
 * <p>"91440113" says: registered by market regulation (9), an enterprise (1), in 番禺区 (440113). The
 * next nine characters are the row index sent through a bijection of [0, 31⁹) and written in base 31,
 * so uniqueness needs no memory — which is what lets a million rows stream out — while neighbouring
 * rows still get unrelated-looking codes. The eighteenth character is the check character.
 */
final class SyntheticUscc {

    /** The GB 32100 alphabet, here as the digits of base 31. */
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final long MAX_INDEX = Integer.MAX_VALUE;

    private static final byte[] PREFIX = "91440113".getBytes(StandardCharsets.US_ASCII);
    private static final int BODY_DIGITS = 9;
    private static final long SPACE = 26_439_622_160_671L; // 31^9
    /*
     * Both multipliers are coprime to 31, so multiplying is a bijection modulo 31^9. They are small
     * enough that no product overflows a long: index < 2^31 times SCATTER < 2^32, and a value < 2^45
     * times STIR < 2^18.
     */
    private static final long SCATTER = 2_246_822_519L;
    private static final long STIR = 199_999L;

    private final long shift;
    private final long shiftAfterStir;

    /** Different seeds number their rows differently, so two demo districts rarely share codes. */
    SyntheticUscc(long seed) {
        this.shift = Math.floorMod(EnterpriseModel.mix(seed ^ 0x5DEECE66DL), SPACE);
        this.shiftAfterStir = Math.floorMod(EnterpriseModel.mix(seed + 0x2545F4914F6CDD1DL), SPACE);
    }

    /** Writes the code of row {@code index} into {@code out[0..17]} as ASCII, the way the CSV holds it. */
    void write(long index, byte[] out) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("row index out of range: " + index);
        }
        long v = (Math.floorMod(index * SCATTER, SPACE) + shift) % SPACE;
        // reversing the digits moves the fast-changing low digit of the affine map to the top,
        // the second multiplication spreads it over all nine again
        v = (reverseDigits(v) * STIR % SPACE + shiftAfterStir) % SPACE;

        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        for (int i = PREFIX.length + BODY_DIGITS - 1; i >= PREFIX.length; i--) {
            out[i] = (byte) CHARSET.charAt((int) (v % 31));
            v /= 31;
        }
        out[17] = (byte) UnifiedSocialCreditCode.checkCharacter(new String(out, 0, 17, StandardCharsets.ISO_8859_1));
    }

    private static long reverseDigits(long v) {
        long r = 0;
        for (int i = 0; i < BODY_DIGITS; i++) {
            r = r * 31 + v % 31;
            v /= 31;
        }
        return r;
    }
}
