package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticDistrictTests {

    @Test
    void theSameSeedGivesTheSameDistrict() {
        assertThat(new SyntheticDistrict(42, 2025).records(2_000))
                .isEqualTo(new SyntheticDistrict(42, 2025).records(2_000));
    }

    @Test
    void anotherSeedGivesAnotherDistrict() {
        List<EnterpriseRecord> a = new SyntheticDistrict(1, 2025).records(100);
        List<EnterpriseRecord> b = new SyntheticDistrict(2, 2025).records(100);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).uscc()).isNotEqualTo(b.get(i).uscc());
            assertThat(a.get(i)).isNotEqualTo(b.get(i));
        }
    }

    @Test
    void theFirstRowsDoNotDependOnHowManyAreAskedFor() {
        List<EnterpriseRecord> few = new SyntheticDistrict(7, 2025).records(1_000);
        List<EnterpriseRecord> more = new SyntheticDistrict(7, 2025).records(2_000);
        assertThat(more.subList(0, 1_000)).isEqualTo(few);
    }

    @Test
    void everyWayOfTakingRowsContinuesTheSameSequence() throws IOException {
        List<EnterpriseRecord> reference = new SyntheticDistrict(9, 2024).records(30);

        SyntheticDistrict district = new SyntheticDistrict(9, 2024);
        List<EnterpriseRecord> taken = new ArrayList<>();
        taken.add(district.next());
        taken.add(district.next());
        taken.addAll(district.records(10));
        district.writeCsv(8, new ByteArrayOutputStream()); // rows 12 … 19 go to the file
        taken.addAll(district.records(10));

        assertThat(taken.subList(0, 12)).isEqualTo(reference.subList(0, 12));
        assertThat(taken.subList(12, 22)).isEqualTo(reference.subList(20, 30));
    }

    @Test
    void recordAtDoesNotMoveTheCursor() {
        SyntheticDistrict district = new SyntheticDistrict(3, 2025);
        EnterpriseRecord fifth = district.recordAt(4);
        assertThat(district.records(5).get(4)).isEqualTo(fifth);
    }

    @Test
    void everyRecordKeepsEveryRuleOfTheInputContract() {
        List<EnterpriseRecord> records = new SyntheticDistrict(2025, 2025).records(100_000);
        assertThat(SpecRules.violations(records, 2025)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1990, 1991, 2000, 2024, 2096})
    void edgeYearsKeepTheRulesToo(int year) {
        List<EnterpriseRecord> records = new SyntheticDistrict(year, year).records(5_000);
        assertThat(SpecRules.violations(records, year)).isEmpty();
        assertThat(records).allSatisfy(r -> assertThat(r.established())
                .isBetween(LocalDate.of(1990, 1, 1), LocalDate.of(year, 12, 31)));
    }

    @Test
    void usccsAreUniqueValidPanyuCodes() {
        SyntheticDistrict district = new SyntheticDistrict(5, 2025);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            String uscc = district.next().uscc();
            assertThat(uscc).hasSize(18).startsWith("91440113");
            assertThat(UnifiedSocialCreditCode.isValid(uscc)).as(uscc).isTrue();
            assertThat(seen.add(uscc)).as("duplicate %s", uscc).isTrue();
        }
    }

    @Test
    void usccNumberingIsABijectionAtTheEndOfTheRangeToo() {
        SyntheticUscc numbering = new SyntheticUscc(11);
        Set<String> seen = new HashSet<>();
        byte[] code = new byte[18];
        for (long i = SyntheticUscc.MAX_INDEX - 50_000; i <= SyntheticUscc.MAX_INDEX; i++) {
            numbering.write(i, code);
            String uscc = new String(code, StandardCharsets.US_ASCII);
            assertThat(UnifiedSocialCreditCode.isValid(uscc)).as(uscc).isTrue();
            assertThat(seen.add(uscc)).isTrue();
        }
        assertThatThrownBy(() -> numbering.write(SyntheticUscc.MAX_INDEX + 1, code))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new SyntheticDistrict(1, 1989)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticDistrict(1, 9999)).isInstanceOf(IllegalArgumentException.class);
        SyntheticDistrict district = new SyntheticDistrict(1, 2025);
        assertThatThrownBy(() -> district.records(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> district.writeCsv(-1, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(district.records(0)).isEmpty();
    }
}
