package cn.gov.panyu.points.platform.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many registration requests one client address filed in the last hour: past
 * {@code points.security.registration.per-client-per-hour} it must wait, so that no one floods the review
 * queue with requests (docs/adr/0010-registration-squatting.md). Only filed requests count, not refused
 * forms: a firm that mistyped its code is not held up.
 *
 * <p>Kept in memory, like the counts of unknown sign-in names: a restart forgets it, which costs a flooder
 * one more hour's worth, and the platform runs as one instance.
 */
@Component
class RegistrationThrottle {

    /** Client addresses remembered at most; beyond that the least recently seen are forgotten. */
    private static final int CLIENTS_KEPT = 10_000;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perClient;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> filed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > CLIENTS_KEPT;
        }
    };

    RegistrationThrottle(@Value("${points.security.registration.per-client-per-hour:10}") int perClient) {
        this.perClient = perClient;
    }

    /** Whether {@code client} may file another request now. */
    synchronized boolean allows(String client) {
        Deque<Instant> times = filed.get(client);
        if (times == null) {
            return true;
        }
        Instant windowStart = clock.instant().minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(windowStart)) {
            times.pollFirst();
        }
        return times.size() < perClient;
    }

    /** {@code client} filed a request. */
    synchronized void filedBy(String client) {
        filed.computeIfAbsent(client, c -> new ArrayDeque<>()).addLast(clock.instant());
    }
}
