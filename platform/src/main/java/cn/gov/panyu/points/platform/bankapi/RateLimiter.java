package cn.gov.panyu.points.platform.bankapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code perMinute} calls in a burst, refilled evenly over a minute. Kept in memory
 * — each platform instance counts its own calls, so behind a load balancer over n instances a key gets up to
 * n times the rate (docs/adr/0015-bank-api-credentials.md).
 */
final class RateLimiter {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    /** Tokens are counted in nanoseconds × calls per minute; above this the sums leave the range of a long. */
    static final int MAX_PER_MINUTE = 1_000_000;

    private final int perMinute;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, LongSupplier nanoClock) {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("points.bank-api.requests-per-minute must be 1 … " + MAX_PER_MINUTE
                    + ", is " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = nanoClock;
    }

    /**
     * Takes one call from the key's bucket.
     *
     * @return 0 when the call may go ahead, else the whole seconds (at least 1) until the next call may
     */
    long acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(perMinute, clock.getAsLong())).take(perMinute, clock.getAsLong());
    }

    private static final class Bucket {

        /** Tokens scaled by a minute in nanoseconds, so refilling needs no fractions. */
        private long scaledTokens;
        private long last;

        Bucket(int perMinute, long now) {
            this.scaledTokens = perMinute * MINUTE_NANOS;
            this.last = now;
        }

        synchronized long take(int perMinute, long now) {
            long capacity = perMinute * MINUTE_NANOS;
            long elapsed = Math.max(0, now - last);
            last = now;
            // elapsed × rate, capped: more than a minute idle refills the whole bucket (each term ≤ 6·10^16)
            scaledTokens = elapsed >= MINUTE_NANOS ? capacity : Math.min(capacity, scaledTokens + elapsed * perMinute);
            if (scaledTokens >= MINUTE_NANOS) {
                scaledTokens -= MINUTE_NANOS;
                return 0;
            }
            long missingNanos = (MINUTE_NANOS - scaledTokens + perMinute - 1) / perMinute;
            return Math.max(1, (missingNanos + 999_999_999L) / 1_000_000_000L);
        }
    }
}
