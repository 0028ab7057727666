package cn.gov.panyu.points.platform.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RegistryChoicesTests {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final RegistryChoices choices = new RegistryChoices(
            () -> new RegistryChoices.Choices(List.of("town " + reads.incrementAndGet()), List.of("C39")),
            Duration.ofSeconds(60), now::get);

    @Test
    void aReadIsReusedWhileFresh() {
        assertThat(choices.get().towns()).containsExactly("town 1");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(choices.get().towns()).containsExactly("town 1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void theRegistryIsReadAgainOnceThePeriodHasPassed() {
        choices.get();
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(choices.get().towns()).containsExactly("town 2");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(choices.get().towns()).containsExactly("town 2");
        assertThat(reads).hasValue(2);
    }
}
