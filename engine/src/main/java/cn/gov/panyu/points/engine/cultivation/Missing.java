package cn.gov.panyu.points.engine.cultivation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The one wording of missing data: "数据缺失: 资产总额(total_assets)、…", never a 0 in its place. */
final class Missing {

    private Missing() {
    }

    static String describe(List<Check> checks) {
        Set<String> sources = new LinkedHashSet<>();
        for (Check c : checks) {
            if (c.status() == Check.Status.MISSING) {
                sources.add(c.source());
            }
        }
        return sources.isEmpty() ? "" : "数据缺失: " + String.join("、", sources);
    }
}
