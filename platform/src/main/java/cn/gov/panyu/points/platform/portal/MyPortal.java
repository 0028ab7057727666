package cn.gov.panyu.points.platform.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.FieldRules;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.ScoreCard;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.collection.RecordField;
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
     * @param whatIf   the 积分测算 form with today's figures; null like advice
     */
    public record View(Registry registry, List<Integer> years, Integer year, ScoreBreakdown score,
                       List<YearScore> history, Radar radar, Advice advice, WhatIf whatIf, List<NoticedResult> onNotice,
                       List<ObjectionRow> objections, Declarations.Overview declarations) {
    }

    /** The radar's axes with my points and the stage median, both as percent of the maximum. */
    public record Radar(List<String> names, List<BigDecimal> mine, List<BigDecimal> median) {
    }

    /** Enough for every enterprise of a district's latest run that signs in on a busy day; a few MB at most. */
    static final int KEPT_ADVICE = 5_000;

    private final PublishedScores scores;
    private final FrozenRuns runs;
    private final Objections objections;
    private final Declarations declarations;
    private final AuditLog audit;
    /** Stage medians per run: a published run never changes, and a district's medians are a few numbers. */
    private final Map<String, double[]> medians = new ConcurrentHashMap<>();
    /**
     * 提升建议 per run and enterprise, the most recently viewed kept: the advice scores a dozen what-ifs against the
     * run's frozen cohort (and sorts the stage's values to find them), the same answer at every view of a run that
     * never changes — recomputed, it was a tenth of the portal page's time under load (issue 15).
     */
    private final Map<String, Optional<Advice>> advice = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Advice>> eldest) {
            return size() > KEPT_ADVICE;
        }
    });

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
        WhatIf whatIf = null;
        if (score != null) {
            Optional<Evaluation> run = runs.evaluation(score.runId());
            if (run.isPresent()) {
                radar = radar(score, run.get());
                advice = advice(score.runId(), uscc, run.get());
                whatIf = run.get().card(uscc).map(card -> tried(selected, card, Map.of()).unscored()).orElse(null);
            }
        }
        return new View(registry.orElse(null), years, selected, score, history, radar, advice, whatIf,
                objections.onNoticeFor(user), objections.mine(user), declarations.mine(user));
    }

    /** Null when the enterprise is not in the run; computed outside the lock, so two first views may both compute it. */
    private Advice advice(long runId, String uscc, Evaluation run) {
        String key = runId + "@" + uscc;
        Optional<Advice> kept = advice.get(key);
        if (kept == null) {
            kept = run.indexOf(uscc).map(i -> ImprovementAdvisor.against(run).advise(run.card(i)));
            advice.put(key, kept);
        }
        return kept.orElse(null);
    }

    /**
     * 积分测算: the signed-in enterprise's own record in its published result of {@code year}, with the
     * figures it typed instead of its own, scored by the engine against that run's frozen cohort. The
     * enterprise is the signed-in user's, whatever the request says; nothing is stored.
     *
     * @param typed field key → text as typed; offered fields only, others are ignored
     * @return empty when the enterprise has no published result of that year to try figures against
     */
    public Optional<WhatIf> whatIf(PlatformUser user, int year, Map<String, String> typed) {
        String uscc = user.uscc();
        return scores.registry(uscc).flatMap(reg -> scores.breakdown(reg, year))
                .flatMap(score -> runs.evaluation(score.runId()))
                .flatMap(run -> run.card(uscc).map(card -> tried(year, card, typed).scoredBy(run)));
    }

    /** The form of {@code card}'s figures with what was typed over them; scored later, if every value is acceptable. */
    private static Tried tried(int year, ScoreCard card, Map<String, String> typed) {
        EnterpriseRecord changed = card.record();
        List<WhatIf.Figure> figures = new ArrayList<>();
        for (InputField f : WhatIf.OFFERED) {
            String text = typed.containsKey(f.key()) ? typed.get(f.key()) : plain(card.record().value(f));
            FieldRules.Verdict<Double> v = FieldRules.number(f, text);
            String problem = v.refused() ? v.problem().zh() : null;
            if (problem == null) {
                changed = changed.with(f, v.missing() ? Double.NaN : v.value());
            }
            figures.add(new WhatIf.Figure(f, RecordField.forColumn(f.key()).unit(), text == null ? "" : text.strip(), problem));
        }
        for (FieldRules.Limit limit : FieldRules.LIMITS) {
            int at = WhatIf.OFFERED.indexOf(limit.field());
            WhatIf.Figure figure = at < 0 ? null : figures.get(at);
            if (figure != null && figure.problem() == null) {
                var broken = limit.check(changed.value(limit.field()), changed.value(limit.limit()));
                if (broken != null) {
                    figures.set(at, new WhatIf.Figure(figure.field(), figure.unit(), figure.value(), broken.zh()));
                }
            }
        }
        return new Tried(year, card, figures, changed, !typed.isEmpty());
    }

    /** Figures checked, not yet scored. */
    private record Tried(int year, ScoreCard card, List<WhatIf.Figure> figures, EnterpriseRecord changed, boolean typed) {

        WhatIf scoredBy(Evaluation run) {
            WhatIf.Result result = null;
            if (typed && figures.stream().allMatch(f -> f.problem() == null)) {
                ScoreCard c = run.whatIf(changed);
                result = new WhatIf.Result(c.publishedTotal(), c.publishedTotal().subtract(card.publishedTotal()),
                        c.stage(), c.eligible(), c.eligible() ? c.rank() : 0, c.eligibleInStage(), c.tier());
            }
            return new WhatIf(year, figures, card.publishedTotal(), result);
        }

        WhatIf unscored() {
            return new WhatIf(year, figures, card.publishedTotal(), null);
        }
    }

    /** A figure as the form shows it: plain digits (the rules accept thousands separators too), "" when missing. */
    private static String plain(double v) {
        return Double.isNaN(v) ? "" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
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
