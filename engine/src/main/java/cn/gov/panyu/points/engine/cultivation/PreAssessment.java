package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationReader;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

/** Both pre-assessments of one enterprise for one year. */
public record PreAssessment(String uscc, Tsme.Result tsme, Hte.Result hte) {

    private static final int BLOCK = 4096;

    public static PreAssessment of(Facts f, int year) {
        return new PreAssessment(f.record().uscc(), Tsme.assess(f), Hte.assess(f, year));
    }

    /** Takes each enterprise's pre-assessment in file order. */
    public interface Sink {
        void accept(PreAssessment p) throws IOException;
    }

    /**
     * Every enterprise of a file, in file order: the records {@code RecordReader} read and the
     * cultivation values {@link CultivationReader} read from the same valid file, row by row. Handed to
     * {@code sink} one by one rather than collected: each result carries its explanation, and a district's
     * worth of explanations would fill the heap.
     *
     * @throws IllegalStateException when the two do not describe the same rows (a bug, not bad input)
     */
    public static void forEach(List<EnterpriseRecord> records, CultivationReader.Result extra, int year, Sink sink)
            throws IOException {
        if (records.size() != extra.values().size()) {
            throw new IllegalStateException("records and cultivation rows differ: " + records.size() + " vs " + extra.values().size());
        }
        // blocks assessed on all cores and handed over in order: the rules are CPU work (decimal figures and
        // explanation texts), and a block at a time keeps only a few thousand explanations alive
        for (int from = 0; from < records.size(); from += BLOCK) {
            List<PreAssessment> block = IntStream.range(from, Math.min(records.size(), from + BLOCK)).parallel()
                    .mapToObj(i -> of(records.get(i), extra, i, year)).toList();
            for (PreAssessment p : block) {
                sink.accept(p);
            }
        }
    }

    private static PreAssessment of(EnterpriseRecord r, CultivationReader.Result extra, int i, int year) {
        if (!r.uscc().equalsIgnoreCase(extra.usccs().get(i))) {
            throw new IllegalStateException("row " + i + ": " + r.uscc() + " vs " + extra.usccs().get(i));
        }
        return of(new Facts(r, extra.values().get(i)), year);
    }
}
