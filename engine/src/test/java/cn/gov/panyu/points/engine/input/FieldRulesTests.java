package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public rules that the platform's imports and declarations apply: the same verdicts and messages as
 * the record reader's (which reaches them on its byte-level path).
 */
class FieldRulesTests {

    @ParameterizedTest(name = "{0} = [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            revenue_y0       | -0                | 不得为负数
            revenue_y0       | -0.00             | 不得为负数
            revenue_y0       | -1                | 不得为负数
            revenue_y0       | abc               | 应为数字，如 123.45（不带单位和符号）
            revenue_y0       | 1,5               | 应为数字，如 123.45（不带单位和符号）
            revenue_y0       | 1，234             | 应为数字，如 123.45（不带单位和符号）
            revenue_y0       | 1 234             | 应为数字，如 123.45（不带单位和符号）
            revenue_y0       | 1e5               | 应为数字，如 123.45（不带单位和符号）
            employees        | 0                 | 应至少为 1
            employees        | -0                | 不得为负数
            employees        | 1.5               | 应为非负整数
            ip_class1        | 1.5               | 应为非负整数
            ip_class1        | -0                | 不得为负数
            contest_award_3y | 2                 | 应为 0 或 1
            contest_award_3y | 0.5               | 应为 0 或 1
            contest_award_3y | -0                | 不得为负数
            """)
    void aBadNumberGetsItsRule(String key, String text, String ruleZh) {
        FieldRules.Verdict<Double> v = FieldRules.number(InputField.forHeader(key), text);

        assertThat(v.refused()).isTrue();
        assertThat(v.problem().zh()).isEqualTo(ruleZh);
        assertThat(v.problem().en()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            revenue_y0       | 1,234,567.5       | 1234567.5
            revenue_y0       | '　12.5　'          | 12.5
            revenue_y0       | +3                | 3
            net_profit       | -0                | -0.0
            net_profit       | -1,234.5          | -1234.5
            employees        | 3.0               | 3
            contest_award_3y | 1                 | 1
            """)
    void aGoodNumberIsReadAsParseDoubleReadsIt(String key, String text, double expected) {
        assertThat(FieldRules.number(InputField.forHeader(key), text).value()).isEqualTo(expected);
    }

    @Test
    void aBlankValueIsMissingNotZeroAndNotABrokenRule() {
        assertThat(FieldRules.number(InputField.REVENUE_Y0, " \u3000").missing()).isTrue();
        assertThat(FieldRules.number(InputField.Kind.COUNT, null).missing()).isTrue();
        assertThat(FieldRules.uscc("")).isNull();
        assertThat(FieldRules.established(" ", Fixtures.RULES).missing()).isTrue();
    }

    @Test
    void aKindWithoutAFieldFollowsTheRulesOfItsKindOnly() {
        // employees' own rule (≥ 1) is not a rule of counts
        assertThat(FieldRules.number(InputField.Kind.COUNT, "0").value()).isZero();
        assertThat(FieldRules.number(InputField.Kind.SIGNED_AMOUNT, "-3").value()).isEqualTo(-3);
        assertThat(FieldRules.number(InputField.Kind.AMOUNT, "-0").problem()).isEqualTo(FieldRules.NEGATIVE);
    }

    @Test
    void textsAndDatesFollowTheSpec() {
        assertThat(FieldRules.uscc("91440113TPAGEHRRE8").zh()).isEqualTo("校验位应为 7");
        assertThat(FieldRules.industry("A36").zh()).isEqualTo("门类 A 的大类代码应为 01–05");
        assertThat(FieldRules.town("天河区", Fixtures.RULES).zh()).startsWith("不是允许的镇街，应为：市桥街道");
        assertThat(FieldRules.town(" 市桥街道 ", Fixtures.RULES)).isNull();
        assertThat(FieldRules.established("2013/8/5", Fixtures.RULES).value()).isEqualTo(LocalDate.of(2013, 8, 5));
        assertThat(FieldRules.established("2026-01-01", Fixtures.RULES).problem().zh())
                .isEqualTo("不得晚于 2025-12-31（评价年度 2025）");
        assertThat(FieldRules.established(LocalDate.of(2026, 1, 1), Fixtures.RULES).zh())
                .isEqualTo("不得晚于 2025-12-31（评价年度 2025）");
        assertThat(FieldRules.established("2023-02-29", Fixtures.RULES).problem()).isEqualTo(FieldRules.NO_SUCH_DATE);
        assertThat(FieldRules.established("20130805", Fixtures.RULES).problem()).isEqualTo(FieldRules.DATE_FORMAT);
    }

    @Test
    void crossFieldLimitsAllowEqualityAndMissingValues() {
        FieldRules.Limit staff = FieldRules.LIMITS.get(0);

        assertThat(staff.check(5, 4).zh()).isEqualTo("不得大于职工总数（职工总数为 4）");
        assertThat(staff.check(4, 4)).isNull();
        assertThat(staff.check(5, Double.NaN)).isNull();
        assertThat(FieldRules.LIMITS.get(1).check(116.04, 116.03).zh())
                .isEqualTo("不得大于本年营业收入（本年营业收入为 116.03）");
    }

    @Test
    void setsAreStoredAsCodesInEnumOrderAndReadBackInAnyOrder() {
        SetCodes<Qualification> q = SetCodes.QUALIFICATIONS;

        assertThat(q.toStored(EnumSet.of(Qualification.GAZELLE, Qualification.HTE))).isEqualTo("HTE;GAZELLE");
        assertThat(q.toStored(EnumSet.noneOf(Qualification.class))).isEmpty();
        assertThat(q.fromStored("GAZELLE; HTE;")).containsExactly(Qualification.HTE, Qualification.GAZELLE);
        assertThat(q.fromStored(null)).isEmpty();
        assertThat(q.labelsOfStored("GAZELLE;HTE")).isEqualTo("高新技术企业、瞪羚企业");
        assertThat(SetCodes.NEGATIVES.fromStored("TAX_D;ABNORMAL"))
                .containsExactly(Negative.ABNORMAL, Negative.TAX_D);
    }

    @Test
    void anUnknownStoredCodeFailsLoudlyNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> SetCodes.NEGATIVES.fromStored("DISHONEST;FRAUD"))
                .withMessageContaining("「FRAUD」");
        // lower case and labels are what people type, not the stored form
        assertThatIllegalArgumentException().isThrownBy(() -> SetCodes.QUALIFICATIONS.fromStored("hte"));
    }

    @Test
    void setsAsTypedAcceptCodesAndLabelsAndNameAnUnknownMember() {
        assertThat(SetCodes.QUALIFICATIONS.check("高新技术企业；srdi").value())
                .containsExactly(Qualification.HTE, Qualification.SRDI);
        assertThat(SetCodes.QUALIFICATIONS.check("；").value()).isEmpty();
        assertThat(SetCodes.QUALIFICATIONS.check("  ").missing()).isTrue();
        assertThat(SetCodes.NEGATIVES.check("欠税").problem().zh()).startsWith("未知的负面情形「欠税」");
    }

    /**
     * Whatever is typed into a numeric column, the public check and the record reader agree on the verdict,
     * the message and the value: both take them from one rule table.
     */
    @Property(tries = 400)
    void thePublicCheckAndTheRecordReaderAgree(@ForAll("numericFields") InputField field,
                                               @ForAll("numberLikeTexts") String text) {
        Map<String, String> row = Fixtures.validRow();
        for (FieldRules.Limit limit : FieldRules.LIMITS) { // no cross-field rule may interfere
            row.put(limit.field().key(), "");
            row.put(limit.limit().key(), "99999999999");
        }
        // quoted only when it must be, so that unquoted numbers take the reader's fast path
        row.put(field.key(), text.contains(",") ? "\"" + text + "\"" : text);
        ReadResult read = Fixtures.read(Fixtures.csv(List.of(row)));
        FieldRules.Verdict<Double> verdict = FieldRules.number(field, text);

        List<String> readerRules = read.violations().stream().filter(v -> v.column().equals(field.key()))
                .map(Violation::ruleZh).toList();
        if (verdict.refused()) {
            assertThat(readerRules).as(text).containsExactly(verdict.problem().zh());
        } else if (verdict.missing()) {
            assertThat(readerRules).as(text)
                    .isEqualTo(field.required() ? List.of(FieldRules.REQUIRED.zh()) : List.of());
        } else {
            assertThat(readerRules).as(text).isEmpty();
            assertThat(Double.doubleToRawLongBits(read.records().get(0).value(field)))
                    .isEqualTo(Double.doubleToRawLongBits(verdict.value()));
        }
    }

    @Provide
    Arbitrary<InputField> numericFields() {
        return Arbitraries.of(InputField.numericFields());
    }

    @Provide
    Arbitrary<String> numberLikeTexts() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-+.,，e 　").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> numbers = Combinators.combine(Arbitraries.of("", "-", "+", " ", "　"),
                        Arbitraries.longs().between(0, 2_000_000), Arbitraries.of("", ".0", ".5", ".25", ".000"))
                .as((s, n, f) -> s + n + f);
        Arbitrary<String> grouped = Arbitraries.longs().between(1000, 99_999_999)
                .map(n -> String.format(Locale.ROOT, "%,d", n));
        return Arbitraries.oneOf(noise, numbers, grouped, Arbitraries.of("-0", "0", "1", "2", "-1"));
    }
}
