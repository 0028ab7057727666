package cn.gov.panyu.points.platform.evaluation;

import org.springframework.modulith.NamedInterface;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * Which published results of a year a list shows. Null parts do not filter.
 *
 * @param listedOnly only enterprises on a tier list (领跑/竞跑/进取), as the public lists show them
 */
@NamedInterface("published-scores")
public record ScoreFilter(int year, Stage stage, Tier tier, boolean listedOnly, String town, String industry) {

    /** Every published result of the year. */
    public static ScoreFilter year(int year) {
        return new ScoreFilter(year, null, null, false, null, null);
    }

    /** The tier lists of a year: one stage (or all), one tier (or all three). */
    public static ScoreFilter tierList(int year, Stage stage, Tier tier) {
        return new ScoreFilter(year, stage, tier, true, null, null);
    }
}
