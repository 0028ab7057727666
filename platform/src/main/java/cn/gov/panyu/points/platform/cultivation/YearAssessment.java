package cn.gov.panyu.points.platform.cultivation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gov.panyu.points.engine.cultivation.Hte;
import cn.gov.panyu.points.engine.cultivation.Tsme;

/**
 * The pre-assessments of every enterprise with a record of a year, as of the records' {@code stamp}.
 *
 * @param all sorted by USCC
 */
public record YearAssessment(int year, String stamp, List<Assessed> all, Map<String, Assessed> byUscc) {

    static YearAssessment of(int year, String stamp, List<Assessed> all) {
        return new YearAssessment(year, stamp, all,
                all.stream().collect(Collectors.toUnmodifiableMap(Assessed::uscc, Function.identity())));
    }

    public Optional<Assessed> of(String uscc) {
        return Optional.ofNullable(byUscc.get(uscc));
    }

    /** Enterprises per 科小 outcome, every outcome present (0 where none). */
    public Map<Tsme.Outcome, Long> tsmeCounts() {
        Map<Tsme.Outcome, Long> counts = new EnumMap<>(Tsme.Outcome.class);
        for (Tsme.Outcome o : Tsme.Outcome.values()) {
            counts.put(o, 0L);
        }
        all.forEach(a -> counts.merge(a.tsme(), 1L, Long::sum));
        return counts;
    }

    /** Enterprises per 高企 outcome, every outcome present (0 where none). */
    public Map<Hte.Outcome, Long> hteCounts() {
        Map<Hte.Outcome, Long> counts = new EnumMap<>(Hte.Outcome.class);
        for (Hte.Outcome o : Hte.Outcome.values()) {
            counts.put(o, 0L);
        }
        all.forEach(a -> counts.merge(a.hte(), 1L, Long::sum));
        return counts;
    }
}
