package cn.gov.panyu.points.platform.calibration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.calibration.BackTest;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.credit.LoanHistory;
import cn.gov.panyu.points.platform.evaluation.EvaluationRuns;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedRun;
import cn.gov.panyu.points.platform.scoremodel.ModelVersion;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * 回测: two model versions score a year's merged records with the engine's scorer, and the enterprises of each
 * tier are followed into the later years' merged records (高企 qualification, revenue, R&amp;D expense) and the
 * loans banks recorded ({@link LoanHistory}), so that a model is judged by outcomes ({@link BackTest}).
 */
@Service
public class BackTests {

    private final ScoreModels models;
    private final YearRecords records;
    private final EvaluationRuns runs;
    private final PublishedResults published;
    private final LoanHistory loans;

    BackTests(ScoreModels models, YearRecords records, EvaluationRuns runs, PublishedResults published,
              LoanHistory loans) {
        this.models = models;
        this.records = records;
        this.runs = runs;
        this.published = published;
        this.loans = loans;
    }

    /** The years that can be back-tested: those with data of the year after, newest first. */
    @PreAuthorize("hasRole('STAFF')")
    public List<Integer> years() {
        List<Integer> data = runs.dataYears();
        return data.stream().filter(y -> data.contains(y + 1)).toList();
    }

    /** Every model version, newest first: model A and B are chosen among them. */
    @PreAuthorize("hasRole('STAFF')")
    public List<ModelVersion> versions() {
        return models.list();
    }

    /**
     * The choice with its defaults filled in: the newest year that can be back-tested; model A the version of
     * the run published for that year, else the active one; model B the newest other version (a draft, typically),
     * else A. Unknown version ids are the model service's not-found.
     *
     * @return empty when no year can be back-tested or the year asked for is not one of them
     */
    @PreAuthorize("hasRole('STAFF')")
    public Optional<Choice> choose(Integer year, Long a, Long b) {
        List<Integer> years = years();
        if (years.isEmpty() || year != null && !years.contains(year)) {
            return Optional.empty();
        }
        int y = year == null ? years.get(0) : year;
        long modelA = a != null ? models.version(a).id()
                : published.run(y).map(PublishedRun::modelId).orElseGet(models::activeModelId);
        long modelB = b != null ? models.version(b).id()
                : models.list().stream().mapToLong(ModelVersion::id).filter(id -> id != modelA).findFirst().orElse(modelA);
        return Optional.of(new Choice(y, models.version(modelA), models.version(modelB)));
    }

    /** A year and two model versions. */
    public record Choice(int year, ModelVersion a, ModelVersion b) {
    }

    /** How a page and the export name a version: its name, version and status, never its id. */
    public static String label(ModelVersion v) {
        return v.name() + "（" + v.version() + "，" + v.status().label() + "）";
    }

    /**
     * The back-test of a choice.
     *
     * @param horizons the horizons the district has data of (1: Y+1, 2: Y+2), in order
     * @param skipped  enterprises of year Y left out because their record has no 本年营业收入 (no stage)
     */
    public record Result(Choice choice, List<Integer> horizons, BackTest.Report report, int skipped) {
    }

    @PreAuthorize("hasRole('STAFF')")
    public Result run(Choice choice) {
        int year = choice.year();
        YearRecords.Loaded cohort = records.ofYear(year);
        if (cohort.records().isEmpty()) {
            throw new CalibrationRefusedException(year + " 年度没有可评价的企业数据（缺少本年营业收入），无法回测。");
        }
        List<Integer> data = runs.dataYears();
        List<Map<String, EnterpriseRecord>> later = new ArrayList<>();
        List<Set<String>> borrowers = new ArrayList<>();
        List<Integer> horizons = new ArrayList<>();
        for (int h = 1; h <= BackTest.HORIZONS; h++) {
            int then = year + h;
            boolean hasData = data.contains(then);
            later.add(hasData ? byUscc(records.ofYear(then).records()) : null);
            borrowers.add(loans.borrowers(LocalDate.of(then, 1, 1), LocalDate.of(then, 12, 31)));
            if (hasData) {
                horizons.add(h);
            }
        }
        RecordColumns columns = RecordColumns.of(cohort.records());
        BackTest.Outcomes outcomes = BackTest.outcomes(columns, later, borrowers);
        BackTest.Report report = BackTest.run(models.load(choice.a().id()), models.load(choice.b().id()), columns, outcomes);
        return new Result(choice, horizons, report, cohort.skipped().size());
    }

    private static Map<String, EnterpriseRecord> byUscc(List<EnterpriseRecord> list) {
        Map<String, EnterpriseRecord> map = new HashMap<>(list.size() * 2);
        for (EnterpriseRecord r : list) {
            map.put(r.uscc(), r);
        }
        return map;
    }
}
