package cn.gov.panyu.points.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.Qualification;

/** The records' stamp is checked off the request thread: a request never waits for the aggregate. */
class YearQualificationsTests {

    private final SmallDistrict district = SmallDistrict.twoYears();
    /** The background thread, run by hand. */
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor later = queued::add;
    private final YearQualifications qualifications = new YearQualifications(district.records, Duration.ZERO, later);

    @Test
    void aDueStampCheckIsHandedToTheBackgroundAndItsResultShowsOnceItRan() {
        YearQualifications.Held first = qualifications.of(2025);
        district.qualify(2025, "S4", Qualification.HTE);

        // due (recheck zero), but the requests show what was read and queue one check between them
        assertThat(qualifications.of(2025)).isSameAs(first);
        assertThat(qualifications.of(2025)).isSameAs(first);
        verify(district.records, times(1)).stamp(2025);
        assertThat(queued).hasSize(1);

        queued.remove(0).run();

        verify(district.records, times(2)).stamp(2025);
        YearQualifications.Held changed = qualifications.of(2025);
        assertThat(changed).isNotSameAs(first);
        assertThat(hte(changed, "S4")).isTrue();
        assertThat(hte(first, "S4")).isFalse();
    }

    @Test
    void anUnchangedStampKeepsTheMasks() {
        YearQualifications.Held first = qualifications.of(2025);
        qualifications.of(2025);

        queued.remove(0).run();

        assertThat(qualifications.of(2025)).isSameAs(first);
    }

    @Test
    void aFailedCheckKeepsTheMasksShownAndTheNextRequestDueStartsAnother() {
        YearQualifications.Held first = qualifications.of(2025);
        when(district.records.stamp(2025)).thenThrow(new IllegalStateException("database gone"));
        qualifications.of(2025);

        queued.remove(0).run();

        assertThat(qualifications.of(2025)).isSameAs(first);
        assertThat(queued).hasSize(1);
    }

    private boolean hte(YearQualifications.Held held, String uscc) {
        RunSnapshots.Snapshot snapshot = district.snapshots.of(district.published.run(2025).orElseThrow());
        List<RunSnapshots.Line> lines = snapshot.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).uscc().equals(uscc)) {
                return (held.masks(snapshot)[i] & YearQualifications.bit(Qualification.HTE)) != 0;
            }
        }
        throw new AssertionError(uscc + " not published");
    }
}
