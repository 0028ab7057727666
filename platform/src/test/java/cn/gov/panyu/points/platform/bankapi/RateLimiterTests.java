package cn.gov.panyu.points.platform.bankapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves: a burst of the minute's calls, then one call per 60/n seconds. */
class RateLimiterTests {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final RateLimiter limiter = new RateLimiter(6, now::get);

    @Test
    void aBurstOfTheMinutesCallsThenRetryAfterTheTimeToTheNextToken() {
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("a")).as("call " + (i + 1)).isZero();
        }
        // 6 a minute: one call every 10 s
        assertThat(limiter.acquire("a")).isEqualTo(10);
        now.addAndGet(4 * SECOND);
        assertThat(limiter.acquire("a")).isEqualTo(6);
        now.addAndGet(6 * SECOND);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(10);
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire("a");
        }
        assertThat(limiter.acquire("a")).isPositive();
        assertThat(limiter.acquire("b")).isZero();
    }

    @Test
    void aMinuteIdleRefillsTheBurstButNoMore() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire("a");
        }
        now.addAndGet(3600 * SECOND);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("a")).isZero();
        }
        assertThat(limiter.acquire("a")).isPositive();
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        RateLimiter fast = new RateLimiter(6000, now::get);
        for (int i = 0; i < 6000; i++) {
            fast.acquire("a");
        }
        assertThat(fast.acquire("a")).isEqualTo(1);
    }

    @Test
    void aLimitOutsideTheCountableRangeIsASettingError() {
        assertThatThrownBy(() -> new RateLimiter(0, now::get)).hasMessageContaining("points.bank-api.requests-per-minute");
        // 10^8 a minute overflowed the token count after an idle spell and refused calls for minutes
        assertThatThrownBy(() -> new RateLimiter(100_000_000, now::get)).hasMessageContaining("1000000");
    }

    @Test
    void theHighestLimitRefillsWithoutOverflowAfterAnIdleSpell() {
        RateLimiter highest = new RateLimiter(RateLimiter.MAX_PER_MINUTE, now::get);
        for (int i = 0; i < 100; i++) {
            assertThat(highest.acquire("a")).isZero();
        }
        now.addAndGet(59 * SECOND);
        for (int i = 0; i < 1000; i++) {
            assertThat(highest.acquire("a")).isZero();
        }
    }
}
