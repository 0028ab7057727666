package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTests {

    @Test
    void everyCodeOfTheSampleIsValid() {
        List<String> lines = Fixtures.sampleLines();
        for (String line : lines.subList(1, lines.size())) {
            String code = line.substring(0, line.indexOf(','));
            assertThat(UnifiedSocialCreditCode.problem(code)).as(code).isNull();
        }
    }

    @Test
    void computesTheCheckCharacterOfGb32100() {
        // Σ value·weight over 91440113TPAGEHRRE = 3806; 3806 mod 31 = 24; 31 − 24 = 7 → '7'
        assertThat(UnifiedSocialCreditCode.checkCharacter("91440113TPAGEHRRE")).isEqualTo('7');
        assertThat(UnifiedSocialCreditCode.isValid("91440113TPAGEHRRE7")).isTrue();
    }

    @Test
    void aCheckValueOf31IsWrittenAs0() {
        // find a prefix whose weighted sum is ≡ 0 mod 31: then 31 − 0 = 31, which the standard maps to '0'
        String prefix = "9144011300000000";
        for (char c : UnifiedSocialCreditCode.CHARSET.toCharArray()) {
            String first17 = prefix + c;
            if (UnifiedSocialCreditCode.checkCharacter(first17) == '0') {
                assertThat(UnifiedSocialCreditCode.isValid(first17 + "0")).isTrue();
                return;
            }
        }
        throw new AssertionError("one of 31 last characters must give sum ≡ 0 (mod 31)");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(UnifiedSocialCreditCode.problem("91440113TPAGEHRRE")).isEqualTo("长度应为18位（实际 17 位）");
        assertThat(UnifiedSocialCreditCode.problem(null)).startsWith("长度应为18位");
        assertThat(UnifiedSocialCreditCode.problem("91440113TPAGEHRRI7")).isEqualTo("含非法字符 'I'");
        assertThat(UnifiedSocialCreditCode.problem("91440113TPAGEHRRO7")).isEqualTo("含非法字符 'O'");
        assertThat(UnifiedSocialCreditCode.problem("91440113tpagehrre7")).startsWith("含非法字符 't'");
        assertThat(UnifiedSocialCreditCode.problem("91440113TPAGEHRRE8")).isEqualTo("校验位应为 7");
        assertThat(UnifiedSocialCreditCode.problem("９1440113TPAGEHRRE7")).startsWith("含非法字符 '９'");
    }

    @Test
    void rejectsLettersOutsideTheAlphabetInTheFirst17() {
        for (char c : "IOSVZ".toCharArray()) {
            assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("9144011300000000" + c))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("914401"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> first17() {
        return Arbitraries.strings().withChars(UnifiedSocialCreditCode.CHARSET.toCharArray()).ofLength(17);
    }

    @Property(tries = 300)
    void aGeneratedCheckCharacterMakesAValidCode(
            @ForAll("first17") String first17) {
        assertThat(UnifiedSocialCreditCode.isValid(first17 + UnifiedSocialCreditCode.checkCharacter(first17))).isTrue();
    }

    @Property(tries = 300)
    void changingOneCharacterBreaksTheCheck(
            @ForAll("first17") String first17,
            @ForAll @CharRange(from = '0', to = '9') char replacement) {
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        int at = Math.abs(first17.hashCode()) % 17;
        String changed = code.substring(0, at) + replacement + code.substring(at + 1);
        // weights are units mod 31 (31 is prime), so any single substitution changes the check value
        assertThat(UnifiedSocialCreditCode.isValid(changed)).isEqualTo(changed.equals(code));
    }

    // ---------------------------------------------------------------- packed codes (the reader's uniqueness check)

    @Provide
    Arbitrary<String> codes() {
        return first17().map(UnifiedSocialCreditCodeTests::withCheck);
    }

    @Property(tries = 2000)
    void aPackedCodeUnpacksToItself(@ForAll("codes") String code) {
        byte[] b = code.getBytes(StandardCharsets.US_ASCII);
        long high = UnifiedSocialCreditCode.packHalf(b, 0, 0);
        long low = UnifiedSocialCreditCode.packHalf(b, 0, UnifiedSocialCreditCode.LENGTH / 2);
        // the reader marks "no code" with a negative high half
        assertThat(high).isNotNegative();
        assertThat(low).isNotNegative();
        assertThat(UnifiedSocialCreditCode.unpack(high, low)).isEqualTo(code);
    }

    @Property(tries = 2000)
    void packsTheCodeWhereverItSitsInTheRow(@ForAll("codes") String code, @ForAll @IntRange(max = 40) int offset) {
        byte[] row = new byte[offset + UnifiedSocialCreditCode.LENGTH + 5];
        Arrays.fill(row, (byte) 'Z'); // outside the alphabet: reading beyond the code would show
        System.arraycopy(code.getBytes(StandardCharsets.US_ASCII), 0, row, offset, UnifiedSocialCreditCode.LENGTH);
        byte[] alone = code.getBytes(StandardCharsets.US_ASCII);
        assertThat(UnifiedSocialCreditCode.packHalf(row, offset, 0)).isEqualTo(UnifiedSocialCreditCode.packHalf(alone, 0, 0));
        assertThat(UnifiedSocialCreditCode.packHalf(row, offset, 9)).isEqualTo(UnifiedSocialCreditCode.packHalf(alone, 0, 9));
    }

    @Property(tries = 3000)
    void differentCodesNeverPackAlike(@ForAll("codePairs") Tuple2<String, String> pair) {
        String a = pair.get1();
        String b = pair.get2();
        byte[] x = a.getBytes(StandardCharsets.US_ASCII);
        byte[] y = b.getBytes(StandardCharsets.US_ASCII);
        boolean samePair = UnifiedSocialCreditCode.packHalf(x, 0, 0) == UnifiedSocialCreditCode.packHalf(y, 0, 0)
                && UnifiedSocialCreditCode.packHalf(x, 0, 9) == UnifiedSocialCreditCode.packHalf(y, 0, 9);
        assertThat(samePair).as("%s vs %s", a, b).isEqualTo(a.equals(b));
    }

    /**
     * Two valid codes: unrelated, equal, sharing the first half or the middle of the second, or apart in one
     * character — pairs that share a half are where a packing bug would make a false duplicate.
     */
    @Provide
    Arbitrary<Tuple2<String, String>> codePairs() {
        Arbitrary<String> nine = Arbitraries.strings().withChars(UnifiedSocialCreditCode.CHARSET.toCharArray()).ofLength(9);
        Arbitrary<String> eight = Arbitraries.strings().withChars(UnifiedSocialCreditCode.CHARSET.toCharArray()).ofLength(8);
        Arbitrary<Character> letter = Arbitraries.of(UnifiedSocialCreditCode.CHARSET.toCharArray()).map(c -> c);
        return codes().flatMap(a -> Arbitraries.oneOf(
                codes(),
                Arbitraries.just(a),
                eight.map(rest -> withCheck(a.substring(0, 9) + rest)),
                nine.map(head -> withCheck(head + a.substring(9, 17))),
                Combinators.combine(Arbitraries.integers().between(0, 16), letter)
                        .as((at, c) -> withCheck(a.substring(0, at) + c + a.substring(at + 1, 17))))
                .map(b -> Tuple.of(a, b)));
    }

    private static String withCheck(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    @Test
    void packingTellsApartCodesThatDifferInOneHalfOnly() {
        // '0' is value 0: a naive sum or a shift that drops a character would collide on codes like these
        String[] first17s = {"91440113TPAGEHRRE", "91440113TPAGEHRR0", "01440113TPAGEHRRE", "0000000000000000Y",
                "Y0000000000000000", "00000000Y00000000", "000000000Y0000000"};
        Set<String> pairs = new HashSet<>();
        for (String f : first17s) {
            String code = f + UnifiedSocialCreditCode.checkCharacter(f);
            byte[] b = code.getBytes(StandardCharsets.US_ASCII);
            long high = UnifiedSocialCreditCode.packHalf(b, 0, 0);
            long low = UnifiedSocialCreditCode.packHalf(b, 0, 9);
            assertThat(pairs.add(high + "/" + low)).as(code).isTrue();
            assertThat(UnifiedSocialCreditCode.unpack(high, low)).isEqualTo(code);
        }
        // the largest half, nine 'Y's (value 30), still fits 45 bits and is positive
        byte[] ys = "YYYYYYYYYYYYYYYYYY".getBytes(StandardCharsets.US_ASCII);
        assertThat(UnifiedSocialCreditCode.packHalf(ys, 0, 0)).isEqualTo(UnifiedSocialCreditCode.packHalf(ys, 0, 9))
                .isPositive().isLessThan(1L << 45);
        assertThat(UnifiedSocialCreditCode.unpack(0, 0)).isEqualTo("000000000000000000");
    }
}
