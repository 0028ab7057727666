package cn.gov.panyu.points.platform.cultivation;

import java.util.List;

import cn.gov.panyu.points.engine.cultivation.Band;
import cn.gov.panyu.points.engine.cultivation.Check;
import cn.gov.panyu.points.engine.cultivation.Hte;
import cn.gov.panyu.points.engine.cultivation.PreAssessment;
import cn.gov.panyu.points.engine.cultivation.Tsme;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;

/**
 * One enterprise's pre-assessment of a year, kept for lists and pool rules: the outcomes and figures, without
 * the explanation texts (a district's worth of those would fill the heap; the detail page assesses again).
 *
 * @param record     the merged record the assessment read
 * @param tsmeTotal  the 科小 evaluation total, null when an indicator's data is missing
 * @param capability the 高企 innovation-capability band, null when its data is missing
 * @param hteFailed  the 高企 conditions that certainly fail, with how close each came
 */
public record Assessed(EnterpriseRecord record, Tsme.Outcome tsme, Integer tsmeTotal, Hte.Outcome hte, Band capability,
                       List<Shortfall> hteFailed) {

    /** A failed condition: its name and how close it came (the engine's {@link Check#nearlyMet}). */
    public record Shortfall(String code, String name, Check check) {

        public double attained() {
            return check.attained();
        }

        public boolean nearlyMet(double margin) {
            return check.nearlyMet(margin);
        }
    }

    static Assessed of(EnterpriseRecord record, PreAssessment p) {
        List<Shortfall> failed = p.hte().checks().stream().filter(c -> c.status() == Check.Status.NOT_MET)
                .map(c -> new Shortfall(c.code(), c.name(), c)).toList();
        return new Assessed(record, p.tsme().outcome(), p.tsme().total(), p.hte().outcome(), p.hte().capability(), failed);
    }

    public String uscc() {
        return record.uscc();
    }
}
