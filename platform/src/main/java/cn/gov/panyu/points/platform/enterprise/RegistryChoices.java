package cn.gov.panyu.points.platform.enterprise;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The towns and industries the registry holds, for the list's filter selects, read at most once per
 * {@code freshFor}. Each read scans the whole registry — it has no town or industry index, as those slowed the
 * 市场监管 import (V14) — which was 15 % of the staff list's time under load (issue 15) and grows with the
 * district. A town or industry an import brings shows in the selects once the period has passed; the list's
 * rows are never cached.
 */
final class RegistryChoices {

    /** The distinct towns and industries, sorted. */
    record Choices(List<String> towns, List<String> industries) {
    }

    private record Read(Choices choices, long atNanos) {
    }

    private final Supplier<Choices> reader;
    private final long freshForNanos;
    private final LongSupplier nanoClock;
    private volatile Read last;

    RegistryChoices(Supplier<Choices> reader, Duration freshFor, LongSupplier nanoClock) {
        this.reader = reader;
        this.freshForNanos = freshFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The last read while it is fresh, else a new one; two requests at once may both read, which is harmless. */
    Choices get() {
        long now = nanoClock.getAsLong();
        Read read = last;
        if (read == null || now - read.atNanos() >= freshForNanos) {
            read = new Read(reader.get(), now);
            last = read;
        }
        return read.choices();
    }
}
