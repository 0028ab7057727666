package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
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
}
