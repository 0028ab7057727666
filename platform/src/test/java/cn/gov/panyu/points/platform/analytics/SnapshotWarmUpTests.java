package cn.gov.panyu.points.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** What the benchmark waits for before it times a request: every warm-up scheduled so far, done. */
class SnapshotWarmUpTests {

    private final SmallDistrict district = SmallDistrict.twoYears();

    @Test
    void awaitIdleReturnsOnceTheScheduledWarmUpsHaveReadTheYears() throws InterruptedException {
        List<Integer> years = district.published.years();
        List<Long> runs = years.stream().map(y -> district.published.run(y).orElseThrow().runId()).toList();
        CountDownLatch reading = new CountDownLatch(1);
        // the warm-up's read goes on until the test lets it finish
        when(district.published.years()).thenAnswer(i -> {
            reading.await();
            return years;
        });
        SnapshotWarmUp warmUp = new SnapshotWarmUp(district.published, district.snapshots, district.yearQualifications, true);
        try {
            warmUp.whenReady();

            assertThat(warmUp.awaitIdle(Duration.ofMillis(200))).isFalse();
            assertThat(runs).noneMatch(district.snapshots::holds);

            reading.countDown();

            assertThat(warmUp.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(runs).hasSize(2).allMatch(district.snapshots::holds);
        } finally {
            warmUp.stop();
        }
    }
}
