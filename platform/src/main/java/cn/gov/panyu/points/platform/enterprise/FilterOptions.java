package cn.gov.panyu.points.platform.enterprise;

import java.util.List;

import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * The choices of the filter selects: what the registry holds, not a fixed list, so a district with other
 * towns or industries needs no code change.
 *
 * @param years          years with merged data, latest first
 * @param publishedYears years with a published evaluation
 */
public record FilterOptions(List<String> towns, List<String> industries, List<Integer> years,
                            List<Integer> publishedYears) {

    public List<Stage> stages() {
        return List.of(Stage.values());
    }

    public List<Tier> tiers() {
        return List.of(Tier.values());
    }

    public List<Qualification> qualifications() {
        return List.of(Qualification.values());
    }
}
