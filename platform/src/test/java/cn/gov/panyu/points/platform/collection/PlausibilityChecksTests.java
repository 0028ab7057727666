package cn.gov.panyu.points.platform.collection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlausibilityChecksTests {

    private static java.util.List<String> kinds(String industry, Double revenue, Double last, Double rd, Double emp,
                                                Double rdStaff) {
        return PlausibilityChecks.findings("X", industry, revenue, last, rd, emp, rdStaff).stream()
                .map(PlausibilityChecks.Finding::kind).toList();
    }

    @Test
    void aPlausibleRecordHasNoFindings() {
        assertThat(kinds("C39", 5000.0, 4000.0, 250.0, 100.0, 20.0)).isEmpty();
    }

    @Test
    void theRdIntensityBoundDependsOnIndustryAndStage() {
        // 40 % is far too much for a growth-stage manufacturer but normal for a software firm
        assertThat(kinds("C39", 5000.0, null, 2000.0, null, null)).containsExactly("RD_INTENSITY_HIGH");
        assertThat(kinds("I65", 5000.0, null, 2000.0, null, null)).isEmpty();
        // a start-up may spend more than its small revenue
        assertThat(kinds("C39", 300.0, null, 250.0, null, null)).isEmpty();
    }

    @Test
    void revenueJumpsOfMoreThanTenfoldAreFlaggedAboveTheFloor() {
        assertThat(kinds("C39", 5000.0, 400.0, null, null, null)).containsExactly("YEAR_ON_YEAR_JUMP");
        assertThat(kinds("C39", 900.0, 50.0, null, null, null)).isEmpty();
    }

    @Test
    void rdStaffAboveNinetyPercentOrAboveEmployeesIsFlagged() {
        assertThat(kinds("C39", null, null, null, 20.0, 19.0)).containsExactly("RD_STAFF_RATIO");
        assertThat(kinds("C39", null, null, null, 5.0, 6.0)).containsExactly("RD_STAFF_RATIO");
        assertThat(kinds("C39", null, null, null, 5.0, 5.0)).isEmpty();
    }

    @Test
    void rdStaffWithoutAnyRdExpenseIsFlaggedBeyondTheStartUpStage() {
        assertThat(kinds("C39", 2000.0, null, 0.0, 50.0, 10.0)).containsExactly("RD_INTENSITY_ZERO");
    }
}
