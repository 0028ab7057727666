package cn.gov.panyu.points.engine.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.model.Stage;

/**
 * All four rules over a year's data, as one ranked list: highest severity first, then by enterprise and
 * field so that the order never depends on a map's iteration.
 */
public final class QualityCheck {

    /** Ranking order of flags. */
    public static final Comparator<Flag> RANKING = Comparator.comparingDouble(Flag::severity).reversed()
            .thenComparing(Flag::uscc).thenComparing(Flag::field).thenComparing(Flag::rule);

    private final YearOnYearJumps jumps;

    public QualityCheck(double jumpFactor) {
        this.jumps = new YearOnYearJumps(jumpFactor);
    }

    public QualityCheck() {
        this(YearOnYearJumps.DEFAULT_FACTOR);
    }

    /**
     * @param records     the year's records
     * @param lastYear    last year's records by USCC (empty when there is no last year)
     * @param comparisons the figures two sources report
     * @param stageOf     the stage of a record under the model in force
     */
    public List<Flag> run(List<EnterpriseRecord> records, Map<String, EnterpriseRecord> lastYear,
                          List<SourceDisagreements.Comparison> comparisons, Function<EnterpriseRecord, Stage> stageOf) {
        List<Flag> flags = new ArrayList<>(RobustOutliers.find(records, stageOf));
        flags.addAll(jumps.find(records, lastYear));
        flags.addAll(SourceDisagreements.find(comparisons));
        flags.addAll(ImpossibleCombinations.find(records));
        flags.sort(RANKING);
        return flags;
    }
}
