package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationReader;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;

import java.util.ArrayList;
import java.util.List;

/** Both pre-assessments of one enterprise for one year. */
public record PreAssessment(String uscc, Tsme.Result tsme, Hte.Result hte) {

    public static PreAssessment of(Facts f, int year) {
        return new PreAssessment(f.record().uscc(), Tsme.assess(f), Hte.assess(f, year));
    }

    /**
     * Every enterprise of a file: the records {@code RecordReader} read and the cultivation values
     * {@link CultivationReader} read from the same valid file, row by row.
     *
     * @throws IllegalStateException when the two do not describe the same rows (a bug, not bad input)
     */
    public static List<PreAssessment> of(List<EnterpriseRecord> records, CultivationReader.Result extra, int year) {
        if (records.size() != extra.values().size()) {
            throw new IllegalStateException("records and cultivation rows differ: " + records.size() + " vs " + extra.values().size());
        }
        List<PreAssessment> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            EnterpriseRecord r = records.get(i);
            if (!r.uscc().equalsIgnoreCase(extra.usccs().get(i))) {
                throw new IllegalStateException("row " + i + ": " + r.uscc() + " vs " + extra.usccs().get(i));
            }
            out.add(of(new Facts(r, extra.values().get(i)), year));
        }
        return out;
    }
}
