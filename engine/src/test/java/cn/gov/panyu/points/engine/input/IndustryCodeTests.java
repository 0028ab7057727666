package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"A01", "A05", "B06", "B12", "C13", "C36", "C43", "D44", "D46", "E47", "E50", "F51",
            "F52", "G53", "G60", "H61", "H62", "I63", "I64", "I65", "J66", "J69", "K70", "L71", "L72", "M73", "M75",
            "N76", "N79", "O80", "O82", "P83", "Q84", "Q85", "R86", "R90", "S91", "S96", "T97"})
    void acceptsEveryDivisionAtTheEdgesOfItsSection(String code) {
        assertThat(IndustryCode.problem(code)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A00", "A06", "B05", "B13", "C12", "C44", "D43", "D47", "K69", "K71", "P82", "P84",
            "T96", "T98", "I66", "M72"})
    void rejectsADivisionOfAnotherSection(String code) {
        assertThat(IndustryCode.problem(code)).startsWith("门类 " + code.charAt(0) + " 的大类代码应为");
    }

    @ParameterizedTest
    @ValueSource(strings = {"U01", "Z36", "c36"})
    void rejectsAnUnknownSectionLetter(String code) {
        assertThat(IndustryCode.problem(code)).isEqualTo("门类字母应为 A–T（大写）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "C", "C3", "C361", "36", "CC6", "C3A", " C36"})
    void rejectsAnythingButLetterAndTwoDigits(String code) {
        assertThat(IndustryCode.problem(code)).isEqualTo("应为门类字母加2位大类代码，如 C36");
    }

    @org.junit.jupiter.api.Test
    void namesTheRangeOfTheSection() {
        assertThat(IndustryCode.problem("C44")).isEqualTo("门类 C 的大类代码应为 13–43");
        assertThat(IndustryCode.problem("K71")).isEqualTo("门类 K 的大类代码应为 70");
        assertThat(IndustryCode.problem(null)).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void everyValidDivisionHasItsStandardName() {
        assertThat(IndustryCode.display("C39")).isEqualTo("C39 计算机、通信和其他电子设备制造业");
        assertThat(IndustryCode.name("A01")).isEqualTo("农业");
        assertThat(IndustryCode.name("C36")).isEqualTo("汽车制造业");
        assertThat(IndustryCode.name("I65")).isEqualTo("软件和信息技术服务业");
        assertThat(IndustryCode.name("M73")).isEqualTo("研究和试验发展");
        assertThat(IndustryCode.name("T97")).isEqualTo("国际组织");
        int named = 0;
        for (char section = 'A'; section <= 'T'; section++) {
            for (int d = 1; d <= 97; d++) {
                String code = section + (d < 10 ? "0" : "") + d;
                if (IndustryCode.isValid(code)) {
                    assertThat(IndustryCode.name(code)).as(code).isNotBlank();
                    named++;
                } else {
                    assertThat(IndustryCode.name(code)).as(code).isNull();
                }
            }
        }
        assertThat(named).as("each of the 97 divisions belongs to one section").isEqualTo(97);
    }

    @org.junit.jupiter.api.Test
    void anInvalidOrMissingCodeIsShownAsItIs() {
        assertThat(IndustryCode.display("X99")).isEqualTo("X99");
        assertThat(IndustryCode.display(" C36 ")).isEqualTo("C36 汽车制造业");
        assertThat(IndustryCode.display(null)).isEmpty();
        assertThat(IndustryCode.display(" ")).isEmpty();
    }
}
