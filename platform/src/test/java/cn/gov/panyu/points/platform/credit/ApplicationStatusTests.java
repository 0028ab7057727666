package cn.gov.panyu.points.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.gov.panyu.points.platform.credit.ApplicationStatus.ACCEPTED;
import static cn.gov.panyu.points.platform.credit.ApplicationStatus.INFO_REQUESTED;
import static cn.gov.panyu.points.platform.credit.ApplicationStatus.LOANED;
import static cn.gov.panyu.points.platform.credit.ApplicationStatus.REJECTED;
import static cn.gov.panyu.points.platform.credit.ApplicationStatus.SUBMITTED;
import static cn.gov.panyu.points.platform.credit.ApplicationStatus.WITHDRAWN;

/** The application's state machine, written out as the ADR 0014 table: every pair allowed or refused. */
class ApplicationStatusTests {

    /** "from → to" for each step ADR 0014 allows; every other pair is refused. */
    private static final List<String> ALLOWED = List.of(
            "SUBMITTED → INFO_REQUESTED", "SUBMITTED → ACCEPTED", "SUBMITTED → REJECTED", "SUBMITTED → WITHDRAWN",
            "INFO_REQUESTED → SUBMITTED", "INFO_REQUESTED → ACCEPTED", "INFO_REQUESTED → REJECTED",
            "INFO_REQUESTED → WITHDRAWN",
            "ACCEPTED → LOANED", "ACCEPTED → REJECTED", "ACCEPTED → WITHDRAWN");

    @Test
    void everyPairOfStatusesIsAllowedExactlyAsTheAdrSays() {
        List<String> allowed = new ArrayList<>();
        for (ApplicationStatus from : ApplicationStatus.values()) {
            for (ApplicationStatus to : ApplicationStatus.values()) {
                if (from.mayBecome(to)) {
                    allowed.add(from + " → " + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(ALLOWED);
    }

    @Test
    void refusedLoanedAndWithdrawnAreFinalAndTheOthersOpen() {
        assertThat(EnumSet.allOf(ApplicationStatus.class).stream().filter(ApplicationStatus::isFinal))
                .containsExactlyInAnyOrder(REJECTED, LOANED, WITHDRAWN);
        assertThat(ApplicationStatus.open()).containsExactlyInAnyOrder(SUBMITTED, INFO_REQUESTED, ACCEPTED);
        assertThat(SUBMITTED.mayBecome(LOANED)).as("no loan before an acceptance").isFalse();
        assertThat(ACCEPTED.mayBecome(INFO_REQUESTED)).as("an accepted application asks for nothing more").isFalse();
    }

    @Test
    void labelsAreThoseTheEnterpriseReads() {
        assertThat(List.of(SUBMITTED, INFO_REQUESTED, ACCEPTED, REJECTED, LOANED, WITHDRAWN).stream()
                .map(ApplicationStatus::label)).containsExactly("已提交", "需补充材料", "已受理", "已拒绝", "已放款", "已撤回");
    }
}
