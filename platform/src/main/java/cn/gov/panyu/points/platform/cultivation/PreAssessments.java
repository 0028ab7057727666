package cn.gov.panyu.points.platform.cultivation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.cultivation.Facts;
import cn.gov.panyu.points.engine.cultivation.PreAssessment;
import cn.gov.panyu.points.platform.collection.YearRecords;

/**
 * The 科小/高企 pre-assessments of a year, computed from the merged records by the engine's rules. A year's
 * assessments are kept until its records change (their stamp), so that the list, the pools and the portal of
 * one year read one computation; a detail page assesses its one enterprise again, with every explanation.
 */
@Component
public class PreAssessments {

    private final YearRecords records;
    private final Map<Integer, YearAssessment> years = new ConcurrentHashMap<>();

    PreAssessments(YearRecords records) {
        this.records = records;
    }

    /** Years with records, newest first. */
    public List<Integer> years() {
        return records.years();
    }

    /** The years one enterprise has a record of, newest first: the years its pre-assessment can be shown for. */
    public List<Integer> yearsOf(String uscc) {
        return records.yearsOf(uscc);
    }

    /** The year a page shows: the one asked for when it has records, else the newest; 0 when none has. */
    static int chosen(List<Integer> years, Integer asked) {
        return asked != null && years.contains(asked) ? asked : years.isEmpty() ? 0 : years.get(0);
    }

    /** Every enterprise's pre-assessment of the year (none for a year without records). */
    public YearAssessment year(int year) {
        String stamp = records.stamp(year);
        YearAssessment kept = years.get(year);
        if (kept != null && kept.stamp().equals(stamp)) {
            return kept;
        }
        return assess(year, stamp);
    }

    /** One at a time: concurrent first readers of a year wait for one computation instead of each making one. */
    private synchronized YearAssessment assess(int year, String stamp) {
        YearAssessment kept = years.get(year);
        if (kept != null && kept.stamp().equals(stamp)) {
            return kept;
        }
        List<Facts> facts = new ArrayList<>();
        records.forEachFacts(year, facts::add);
        // the rules are CPU work (exact decimals, texts): both cores
        List<Assessed> all = new ArrayList<>(facts.parallelStream()
                .map(f -> Assessed.of(f.record(), PreAssessment.of(f, year))).toList());
        all.sort(Comparator.comparing(Assessed::uscc));
        YearAssessment assessed = YearAssessment.of(year, stamp, all);
        years.put(year, assessed);
        return assessed;
    }

    /** One enterprise's pre-assessment with every condition explained, and its name as the record has it. */
    public record Explained(String name, PreAssessment assessment) {
    }

    /** One enterprise's pre-assessment with every condition explained; empty without a record of the year. */
    public Optional<Explained> explain(String uscc, int year) {
        return records.factsOf(uscc, year).map(f -> new Explained(f.record().name(), PreAssessment.of(f, year)));
    }
}
