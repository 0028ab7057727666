package cn.gov.panyu.points.platform.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.declaration.Declarations;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.IndicatorLine;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Registry;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.ScoreBreakdown;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.YearScore;
import cn.gov.panyu.points.platform.enterprise.PublishedScores;
import cn.gov.panyu.points.platform.evaluation.FrozenRuns;
import cn.gov.panyu.points.platform.evaluation.NoticedResult;
import cn.gov.panyu.points.platform.evaluation.ObjectionRow;
import cn.gov.panyu.points.platform.evaluation.Objections;
import cn.gov.panyu.points.platform.portal.ImprovementAdvisor.Advice;

/**
 * 积分查询与展示 for an enterprise user: its published results, how it compares with its stage, what to
 * improve, its declarations and objections. Every read takes the USCC from the signed-in user, never from
 * the request, so there is no id an enterprise could change to see another one.
 */
@Service
@PreAuthorize("hasRole('ENTERPRISE')")
public class MyPortal {

    /**
     * The portal page of one selected published year.
     *
     * @param registry null when the account's USCC has no enterprise record (yet)
     * @param year     the selected published year, null when nothing is published for the enterprise
     * @param radar    null when the run's input is not available to compare with
     * @param advice   null when the run's input is not available to ask what-if questions of
     */
    public record View(Registry registry, List<Integer> years, Integer year, ScoreBreakdown score,
                       List<YearScore> history, Radar radar, Advice advice, List<NoticedResult> onNotice,
                       List<ObjectionRow> objections, Declarations.Overview declarations) {
    }

    /** The radar's axes with my points and the stage median, both as percent of the maximum. */
    public record Radar(List<String> names, List<BigDecimal> mine, List<BigDecimal> median) {
    }

    private final PublishedScores scores;
    private final FrozenRuns runs;
    private final Objections objections;
    private final Declarations declarations;
    private final AuditLog audit;
    /** Stage medians per run: a published run never changes, and a district's medians are a few numbers. */
    private final Map<String, double[]> medians = new ConcurrentHashMap<>();

    MyPortal(PublishedScores scores, FrozenRuns runs, Objections objections, Declarations declarations, AuditLog audit) {
        this.scores = scores;
        this.runs = runs;
        this.objections = objections;
        this.declarations = declarations;
        this.audit = audit;
    }

    public View view(PlatformUser user, Integer year) {
        String uscc = user.uscc();
        Optional<Registry> registry = scores.registry(uscc);
        List<YearScore> history = registry.isEmpty() ? List.of() : scores.history(uscc);
        List<Integer> years = history.stream().map(YearScore::year).sorted((a, b) -> b - a).toList();
        Integer selected = year != null && years.contains(year) ? year : years.isEmpty() ? null : years.get(0);
        ScoreBreakdown score = selected == null ? null : scores.breakdown(registry.get(), selected).orElse(null);
        Radar radar = null;
        Advice advice = null;
        if (score != null) {
            Optional<Evaluation> run = runs.evaluation(score.runId());
            if (run.isPresent()) {
                radar = radar(score, run.get());
                advice = run.get().indexOf(uscc)
                        .map(i -> ImprovementAdvisor.against(run.get()).advise(run.get().card(i))).orElse(null);
            }
        }
        return new View(registry.orElse(null), years, selected, score, history, radar, advice,
                objections.onNoticeFor(user), objections.mine(user), declarations.mine(user));
    }

    /** Files an objection to the signed-in enterprise's own result in a run on notice. */
    public long object(PlatformUser user, long runId, String field, String claim) {
        long id = objections.file(user, runId, user.uscc(), field, claim);
        audit.record(AuditAction.OBJECTION_CHANGE, user.uscc(), "企业提出异议 #" + id + "（评价批次 " + runId + "）");
        return id;
    }

    private Radar radar(ScoreBreakdown score, Evaluation run) {
        double[] median = medians.computeIfAbsent(score.runId() + "@" + score.stage(), k -> medians(run, score.stage()));
        List<String> names = new ArrayList<>();
        List<BigDecimal> mine = new ArrayList<>();
        List<BigDecimal> med = new ArrayList<>();
        List<IndicatorLine> lines = score.indicators();
        for (int j = 0; j < lines.size() && j < median.length; j++) {
            IndicatorLine line = lines.get(j);
            if (line.maxPoints().signum() == 0) {
                continue; // an axis the stage does not score would always read 0
            }
            names.add(line.name());
            mine.add(BigDecimal.valueOf(line.percent()).setScale(1, RoundingMode.HALF_UP));
            med.add(BigDecimal.valueOf(median[j] * 100).setScale(1, RoundingMode.HALF_UP));
        }
        return new Radar(names, mine, med);
    }

    /** Per indicator, the median over the stage of points as a share of the stage's weight. */
    static double[] medians(Evaluation run, Stage stage) {
        List<Indicator> indicators = run.model().indicators();
        double[] result = new double[indicators.size()];
        int[] members = java.util.stream.IntStream.range(0, run.size()).filter(i -> run.stage(i) == stage).toArray();
        if (members.length == 0) {
            return result;
        }
        double[] shares = new double[members.length];
        for (int j = 0; j < indicators.size(); j++) {
            double weight = indicators.get(j).weight(stage);
            if (weight == 0) {
                continue;
            }
            for (int k = 0; k < members.length; k++) {
                shares[k] = run.points(members[k], j) / weight;
            }
            Arrays.sort(shares);
            int n = shares.length;
            result[j] = n % 2 == 1 ? shares[n / 2] : (shares[n / 2 - 1] + shares[n / 2]) / 2;
        }
        return result;
    }
}
